package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.TorchReference;
import org.kernellab.compute.Augment;
import org.kernellab.data.FashionMnist;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.VoxelSet;

/**
 * A net exported to PyTorch, run by real PyTorch: {@code check.py} finds PyTorch's logits within 1e-4 of the app's for
 * a net with every kind of layer the layer table writes; {@code train.py} trains it on the embedded pictures under
 * {@code torchrun} with two CPU processes, and the state dict it saves opens here with the accuracy train.py printed
 * (one process takes the same path without the distributed calls).
 */
class ExportPyTorchTest {
    private static final Path PICTURES = Path.of("assets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Network net() {
        Net net = Net.fromJson("{\"input\": [1, 28, 28], \"layers\": ["
                + "{\"type\": \"Conv2d\", \"out_channels\": 8, \"kernel_size\": 5, \"stride\": 2, \"padding\": 2},"
                + "{\"type\": \"BatchNorm2d\"}, {\"type\": \"ReLU\"},"
                + "{\"type\": \"Conv2d\", \"out_channels\": 8, \"kernel_size\": 3, \"bias\": false, \"dilation\": 2},"
                + "{\"type\": \"ReLU\"}, {\"type\": \"AvgPool2d\", \"kernel_size\": 2, \"ceil_mode\": true},"
                + "{\"type\": \"MaxPool2d\", \"kernel_size\": 2, \"stride\": 1, \"padding\": 1},"
                + "{\"type\": \"Flatten\"}, {\"type\": \"Dropout\", \"p\": 0.25}, {\"type\": \"Linear\", \"out_features\": 32},"
                + "{\"type\": \"ReLU\"}, {\"type\": \"Linear\", \"out_features\": 10}, {\"type\": \"Softmax\"}]}");
        return Network.build(net, Training.adam(0.002, 64, 1));
    }

    @Test
    void pyTorchComputesWhatTheAppComputedAndTrainsTheNetBackIntoIt() throws Exception {
        TorchReference torch = TorchReference.get();
        Network network = net();
        Samples test = Samples.of(FashionMnist.builtIn().test());
        // opened as a net of normalized pictures and trained with the course's augmentation: train.py normalizes,
        // flips, turns and crops too, and check.py feeds the pictures as the net reads them
        network.normalizeInputs(true);
        List<String> files =
                PyTorchExport.write(network, Augment.Settings.COURSE, null, test, "test net", Locale.ENGLISH, dir);
        assertEquals(8, files.size());
        JsonNode check = lastLine(run(torch, "check.py"));
        assertTrue(check.get("ok").asBoolean(), check.toString());
        assertTrue(check.get("max_abs_diff").asDouble() <= 1e-4, check.toString());
        assertEquals(PyTorchExport.SAMPLES, check.get("same_prediction").asInt(), check.toString());

        String[] train = {
            "train.py",
            "--data",
            PICTURES.toAbsolutePath().toString(),
            "--epochs",
            "1",
            "--limit-train",
            "1024",
            "--save",
            "two.pt"
        };

        List<String> two = new ArrayList<>(List.of(
                "-m",
                "torch.distributed.run",
                "--standalone",
                "--nproc_per_node",
                "2",
                "--redirects",
                "1",
                "--tee",
                "1"));
        two.addAll(List.of(train));
        JsonNode both = lastLine(run(torch, two.toArray(String[]::new)));
        assertEquals(2, both.get("processes").asInt());
        assertTrue(both.get("augment").asBoolean(), both.toString());
        assertTrue(Files.readString(dir.resolve("model.py")).contains("\"normalize\": True"));
        assertSameAccuracy(both, dir.resolve("two.pt"), test);
    }

    /**
     * The saved weights open here (net.json beside them), reading normalized pictures as they were trained on, and score
     * what train.py printed on the same test pictures.
     */
    private static void assertSameAccuracy(JsonNode end, Path saved, Samples test) throws Exception {
        NetFiles.Opened o = NetFiles.open(saved, null);
        assertEquals("pytorch", o.format());
        o.network().normalizeInputs(true);
        double accuracy = Trainer.evaluate(o.network(), test).accuracy();
        assertEquals(end.get("test_accuracy").asDouble(), accuracy, 1e-4, saved + ": " + end);
        assertTrue(accuracy > 0.3, "one short epoch learns something: " + accuracy);
        o.network().close();
    }

    /** Runs a script of the export (or python's -m) in its folder, home and temp inside it; its output, or its failure. */
    private String run(TorchReference torch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(torch.python()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("TMPDIR", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    /** The last JSON line printed (torchrun prefixes a process's lines with its name). */
    private static JsonNode lastLine(String out) throws IOException {
        String last = null;
        for (String line : out.split("\n")) {
            int brace = line.indexOf('{');
            if (brace >= 0 && line.trim().endsWith("}")) last = line.substring(brace);
        }
        assertTrue(last != null, out);
        return JSON.readTree(last);
    }

    @Test
    void aNetOfVolumesGoesWithItsGridsAndTrainsInPyTorchWithoutMeshes() throws Exception {
        TorchReference torch = TorchReference.get();
        VoxelSet voxels =
                ModelNetData.builtIn(new ModelNetData.Settings(4, 8, 2048, 1, false), (d, t) -> {}, () -> false);
        Samples train = Samples.train(voxels), test = Samples.test(voxels);
        Net net = Net.fromJson("{\"input\": [1, 8, 8, 8], \"layers\": [{\"type\": \"Conv3d\", \"out_channels\": 4,"
                + " \"kernel_size\": 3}, {\"type\": \"BatchNorm3d\"}, {\"type\": \"ReLU\"}, {\"type\": \"MaxPool3d\","
                + " \"kernel_size\": 2}, {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 4}]}");
        List<String> files = PyTorchExport.write(
                Network.build(net, Training.adam(0.01, 16, 2)), null, train, test, "voxels", new Locale("es"), dir);
        assertTrue(files.contains("voxels.pt"), files.toString());
        assertTrue(Files.readString(dir.resolve("README.md")).contains("rejillas de vóxeles"), "the README in Spanish");
        // check.py is the 2D test's; PyTorch's 3D forward pass is OnnxExportPyTorchTest's and CourseNetsPyTorchTest's
        String out = run(torch, "train.py", "--save", "trained.pt");
        assertEquals(2, out.lines().filter(l -> l.contains("\"epoch\"")).count(), out); // the exported 2 epochs
        JsonNode end = lastLine(out);
        assertFalse(end.get("augment").asBoolean(), end.toString());
        NetFiles.Opened o = NetFiles.open(dir.resolve("trained.pt"), null);
        assertEquals(
                end.get("test_accuracy").asDouble(),
                Trainer.evaluate(o.network(), test).accuracy(),
                1e-4);
        o.network().close();
    }
}
