package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kernellab.data.FashionMnist;

/**
 * The nets real PyTorch saved (committed with {@code src/test/pytorch/fixtures.py}, which lists them in
 * fixtures.json with PyTorch's logits) open without any Python at hand: every notebook class as {@code torch.save} of
 * its state dict and as safetensors, a state dict saved from DistributedDataParallel, the CNN and a net with BatchNorm
 * and a stride-2 convolution from {@code torch.onnx.export}. Each gives PyTorch's logits within 1e-4; ONNX Runtime
 * gives them too from the ONNX files.
 */
class NetFixturesTest {
    static final double TOL = 1e-4;

    /** The committed fixtures.json. */
    static JsonNode fixtures() throws Exception {
        return new ObjectMapper().readTree(file("fixtures.json").toFile());
    }

    static Path file(String name) throws Exception {
        return Path.of(NetFixturesTest.class.getResource("pytorch/" + name).toURI());
    }

    /** The inputs fixtures.json names: the first embedded test pictures, or grids given by their filled cells. */
    static Map<String, Samples> inputs(JsonNode fixtures) throws Exception {
        JsonNode in = fixtures.get("inputs");
        Samples pictures =
                Samples.of(FashionMnist.embeddedTest()).first(in.get("pictures").size());
        int grid = 24, cells = grid * grid * grid;
        JsonNode filled = in.get("grids24");
        byte[] voxels = new byte[filled.size() * cells];
        for (int g = 0; g < filled.size(); g++) for (JsonNode c : filled.get(g)) voxels[g * cells + c.asInt()] = 1;
        return Map.of("pictures", pictures, "grids24", Samples.grids(voxels, new byte[filled.size()], grid));
    }

    @Test
    void everyFilePyTorchSavedOpensAndGivesPyTorchsLogits() throws Exception {
        JsonNode fixtures = fixtures();
        Map<String, Samples> inputs = inputs(fixtures);
        int compared = 0, files = 0;
        for (JsonNode f : fixtures.get("files")) {
            String name = f.get("file").asText();
            Samples data = inputs.get(f.get("input").asText());
            NetFiles.Opened o = NetFiles.open(file(name), null);
            String format = name.endsWith(".pt") ? "pytorch" : name.substring(name.lastIndexOf('.') + 1);
            assertEquals(format, o.format(), name);
            assertEquals(f.get("parameters").asLong(), o.network().parameters(), name + ": parameters");
            int n = data.count();
            float[] logits;
            try (Network net = o.network()) {
                logits = net.logits(data, Trainer.range(n), 0, n);
            }
            compared += close(f.get("logits"), logits, name + " in KernelLab");
            if (format.equals("onnx")) {
                float[][] rows = OnnxExportPyTorchTest.onnxRuntime(file(name), data);
                float[] flat = new float[logits.length];
                for (int i = 0; i < rows.length; i++)
                    System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
                compared += close(f.get("logits"), flat, name + " in ONNX Runtime");
            }
            files++;
        }
        assertEquals(11, files);
        assertEquals(7 * 8 * 10 + 4 * 4 * 10 + 2 * 8 * 10, compared);
    }

    /** Each logit within {@link #TOL} of PyTorch's (rows of the committed JSON); returns how many were compared. */
    static int close(JsonNode rows, float[] got, String what) {
        int k = 0;
        for (JsonNode row : rows)
            for (JsonNode v : row) {
                assertEquals(v.asDouble(), got[k], TOL, what + ": logit " + k);
                k++;
            }
        assertEquals(k, got.length, what + ": logits");
        return k;
    }
}
