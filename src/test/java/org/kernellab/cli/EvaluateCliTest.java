package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.Dataset;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.CourseNets;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Net;
import org.kernellab.model.NetFiles;
import org.kernellab.model.Network;
import org.kernellab.model.PickleBytes;
import org.kernellab.model.PickleBytes.Stored;
import org.kernellab.model.Training;

/**
 * {@code evaluate}: a state dict of the notebook's MLP, written as torch.save writes it, scored on the embedded test
 * pictures; every figure checked against the MLP computed by a plain loop here (accuracy, loss, confusion matrix), with
 * the pictures read as ToTensor gives them and, with {@code --normalize}, as Normalize((0.5,), (0.5,)) does.
 */
class EvaluateCliTest {
    private static final int N = 300;

    @TempDir
    Path dir;

    @Test
    void aPyTorchStateDictIsScoredAsAPlainLoopScoresIt() throws Exception {
        Random rnd = new Random(11);
        int[][] shapes = {{64, 784}, {128, 64}, {10, 128}};
        Map<String, Stored> t = new LinkedHashMap<>();
        List<float[]> w = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] weight = gaussian(rnd, shapes[i][0] * shapes[i][1], 0.1), bias = gaussian(rnd, shapes[i][0], 0.1);
            t.put("linear_relu_stack." + 2 * i + ".weight", Stored.of(weight, shapes[i][0], shapes[i][1]));
            t.put("linear_relu_stack." + 2 * i + ".bias", Stored.of(bias, shapes[i][0]));
            w.add(weight);
            w.add(bias);
        }
        Path file = PickleBytes.zip(dir.resolve("mlp.pt"), PickleBytes.stateDict(t), t);
        Dataset test = FashionMnist.builtIn().test();
        int compared = 0;
        for (boolean normalize : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("evaluate", "--model", file.toString(), "--limit", "" + N));
            if (normalize) args.add("--normalize");
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            JsonNode j = r.json();
            assertEquals("pytorch", j.get("format").asText());
            assertEquals("[Flatten, Linear, ReLU, Linear, ReLU, Linear]", types(j.get("layers")));
            assertEquals(
                    784 * 64 + 64 + 64 * 128 + 128 + 128 * 10 + 10,
                    j.get("parameters").asInt());
            assertEquals(N, j.get("test_samples").asInt());
            assertEquals(normalize, j.get("normalize").asBoolean());
            assertEquals("embedded", j.get("data").asText());
            int[][] confusion = new int[10][10];
            double loss = 0;
            for (int s = 0; s < N; s++) {
                double[] logits = mlp(w, test, s, normalize);
                int guess = 0;
                for (int k = 1; k < 10; k++) if (logits[k] > logits[guess]) guess = k;
                confusion[test.labels()[s]][guess]++;
                double max = logits[guess], sum = 0;
                for (double v : logits) sum += Math.exp(v - max);
                loss += Math.log(sum) - (logits[test.labels()[s]] - max);
            }
            int right = 0;
            for (int c = 0; c < 10; c++) {
                right += confusion[c][c];
                for (int k = 0; k < 10; k++)
                    assertEquals(
                            confusion[c][k], j.get("confusion").get(c).get(k).asInt());
                compared += 10;
            }
            assertEquals(
                    Math.round(right * 1e4 / N) / 1e4, j.get("test_accuracy").asDouble(), 1e-9);
            assertEquals(loss / N, j.get("test_loss").asDouble(), 1e-3);
        }
        assertEquals(200, compared);
    }

    /** The MLP on picture {@code s} in double precision: Linear, ReLU, Linear, ReLU, Linear. */
    private static double[] mlp(List<float[]> w, Dataset d, int s, boolean normalize) {
        double[] x = new double[784];
        for (int i = 0; i < 784; i++) {
            double v = (d.images().pixels()[s * 784 + i] & 0xFF) / 255.0;
            x[i] = normalize ? (v - 0.5) / 0.5 : v;
        }
        for (int layer = 0; layer < 3; layer++) {
            float[] weight = w.get(2 * layer), bias = w.get(2 * layer + 1);
            double[] y = new double[bias.length];
            for (int o = 0; o < y.length; o++) {
                double sum = bias[o];
                for (int i = 0; i < x.length; i++) sum += weight[o * x.length + i] * x[i];
                y[o] = layer < 2 ? Math.max(0, sum) : sum;
            }
            x = y;
        }
        return x;
    }

    private static float[] gaussian(Random rnd, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextGaussian() * scale);
        return v;
    }

    private static String types(JsonNode layers) {
        List<String> t = new ArrayList<>();
        layers.forEach(l -> t.add(l.get("type").asText()));
        return t.toString();
    }

    @Test
    void aKernelLabModelIsScoredOnItsOwnKindOfData() throws Exception {
        Net net3d = Net.fromJson(
                "{\"input\": [1, 8, 8, 8], \"layers\": [{\"type\": \"Conv3d\", \"out_channels\": 4,"
                        + " \"kernel_size\": 3}, {\"type\": \"ReLU\"}, {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 4}]}");
        Path file = dir.resolve("voxels.model");
        ModelFile.save(Network.build(net3d, Training.adam(1e-3, 8, 1)), file);
        CliTest.Run r = CliTest.run("evaluate", "--model", file.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals("kernellab", j.get("format").asText());
        assertEquals(4, j.get("classes").size());
        int total = 0;
        for (JsonNode row : j.get("confusion")) for (JsonNode v : row) total += v.asInt();
        assertEquals(j.get("test_samples").asInt(), total);
        assertTrue(total > 0);
        Path cnn = dir.resolve("cnn.model");
        ModelFile.save(
                Network.build(CourseNets.cnn(4, 1, 0, CourseNets.DropoutAt.HIDDEN), Training.adam(1e-3, 8, 1)), cnn);
        JsonNode pictures = CliTest.run("evaluate", "--model", cnn.toString(), "--limit", "50")
                .json();
        assertEquals("embedded", pictures.get("data").asText());
        assertEquals(50, pictures.get("test_samples").asInt());
    }

    @Test
    void exportsCarryTheNetItsSettingsAndTheLabsAugmentation() throws Exception {
        Path model = dir.resolve("cnn.model");
        Net net = CourseNets.cnn(4, 1, 0, CourseNets.DropoutAt.HIDDEN);
        ModelFile.save(Network.build(net, Training.adam(0.003, 32, 3)), model);
        Path project = dir.resolve("project");
        CliTest.Run r = CliTest.run(
                "export-pytorch",
                "--model",
                model.toString(),
                "--out",
                project.toString(),
                "--augment",
                "--language",
                "es");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("augment").asBoolean());
        assertEquals(net.parameters(), j.get("parameters").asLong());
        assertEquals("es", j.get("language").asText());
        String modelPy = Files.readString(project.resolve("model.py"));
        assertTrue(modelPy.contains("\"optimizer\": \"adam\", \"lr\": 0.003, \"batch\": 32, \"epochs\": 3"), modelPy);
        assertTrue(modelPy.contains("\"augment\": {\"flip\": 0.5, \"degrees\": 10.0, \"scale\": (0.8, 1.0)}"), modelPy);
        assertTrue(Files.readString(project.resolve("README.md")).contains("recortada (80–100% de su área)"));
        Path plain = dir.resolve("plain");
        JsonNode without = CliTest.run("export-pytorch", "--model", model.toString(), "--out", plain.toString())
                .json();
        assertFalse(without.get("augment").asBoolean());
        assertTrue(Files.readString(plain.resolve("model.py")).contains("\"augment\": None"));
        Path onnx = dir.resolve("cnn.onnx");
        JsonNode o = CliTest.run("export-onnx", "--model", model.toString(), "--out", onnx.toString())
                .json();
        assertEquals(onnx.toAbsolutePath().toString(), o.get("out").asText());
        assertEquals(net.resolved(), NetFiles.open(onnx, null).network().net().resolved());
        // the flips, turns and crops are for pictures: a net of volumes is refused before anything is written
        Net net3d = Net.fromJson("{\"input\": [1, 8, 8, 8], \"layers\": [{\"type\": \"Conv3d\", \"out_channels\": 2,"
                + " \"kernel_size\": 3}, {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 4}]}");
        Path voxels = dir.resolve("v.model");
        ModelFile.save(Network.build(net3d, Training.adam(1e-3, 8, 1)), voxels);
        Path none = dir.resolve("none");
        CliBadInputTest.refused(
                CliTest.run("export-pytorch", "--model", voxels.toString(), "--out", none.toString(), "--augment"),
                "28×28");
        assertFalse(Files.exists(none.resolve("model.py")));
    }

    @Test
    void badFilesAndOptionsAreRefusedInOneLine() throws Exception {
        CliBadInputTest.refused(CliTest.run("evaluate"), "--model");
        CliBadInputTest.refused(
                CliTest.run("evaluate", "--model", dir.resolve("none.pt").toString()), "none.pt");
        Path evil = PickleBytes.zip(
                dir.resolve("evil.pt"),
                new PickleBytes()
                        .op(0x80, 2)
                        .global("os", "system")
                        .op(')', 'R', '.')
                        .bytes(),
                Map.of());
        CliBadInputTest.refused(CliTest.run("evaluate", "--model", evil.toString()), "os.system");
        Path model = dir.resolve("m.model");
        ModelFile.save(Network.build(CourseNets.mlp(0), Training.adam(1e-3, 8, 1)), model);
        CliBadInputTest.refused(
                CliTest.run(
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--net",
                        CourseNets.mlp(0).toJson()),
                "holds its own net");
        CliBadInputTest.refused(CliTest.run("evaluate", "--model", model.toString(), "--limit", "-1"), "--limit");
    }
}
