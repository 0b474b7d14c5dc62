package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;

/**
 * The committed state dicts and logits (NetFixturesTest's) are still PyTorch's word: the PyTorch of this run reads
 * each {@code .pt} with {@code torch.load(weights_only=True)} into its notebook class and gives the committed logits.
 * A hand-edited or stale fixture fails here; {@code src/test/pytorch/fixtures.py} writes them anew.
 */
class NetFixturesPyTorchTest {
    @Test
    void theCommittedLogitsAreWhatPyTorchAnswersFromTheCommittedFiles() throws Exception {
        JsonNode fixtures = NetFixturesTest.fixtures();
        Map<String, Samples> inputs = NetFixturesTest.inputs(fixtures);
        int compared = 0;
        for (JsonNode f : fixtures.get("files")) {
            if (!f.get("file").asText().endsWith(".pt")) continue;
            ObjectNode q = TorchReference.request("saved_logits");
            q.setAll((ObjectNode) f.get("net"));
            q.put("pt", NetFixturesTest.file(f.get("file").asText()).toString());
            q.set("x", LayersPyTorchTest.input(inputs.get(f.get("input").asText())));
            double[] now = TorchReference.values(TorchReference.get().call(q).get("logits"));
            float[] got = new float[now.length];
            for (int i = 0; i < now.length; i++) got[i] = (float) now[i];
            compared +=
                    NetFixturesTest.close(f.get("logits"), got, f.get("file").asText() + " in PyTorch now");
        }
        assertEquals(3 * 8 * 10 + 2 * 4 * 10, compared);
    }
}
