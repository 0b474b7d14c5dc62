package org.kernellab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed answers (pytorch-answers.json) are what PyTorch, torchvision and numpy answer now: a stale or hand-edited
 * value fails here, and {@code src/test/pytorch/answers.py} writes the file anew.
 */
class AnswersPyTorchTest {
    @Test
    void theCommittedAnswersAreTheLibrariesAnswers() {
        JsonNode now = TorchReference.get().call(TorchReference.request("answers"));
        int compared = compare(now, PyTorchAnswers.all(), "");
        assertTrue(compared >= 5 * 144 + 8, "compared " + compared + " values");
    }

    private static int compare(JsonNode want, JsonNode got, String path) {
        if (want.isObject()) {
            int n = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("versions")) continue;
                assertTrue(got.has(e.getKey()), path + "/" + e.getKey() + " is missing from the file");
                n += compare(e.getValue(), got.get(e.getKey()), path + "/" + e.getKey());
            }
            return n;
        }
        if (want.isArray()) {
            assertEquals(want.size(), got.size(), path + ": values");
            int n = 0;
            for (int i = 0; i < want.size(); i++) n += compare(want.get(i), got.get(i), path + "[" + i + "]");
            return n;
        }
        double w = want.asDouble();
        assertEquals(w, got.asDouble(), 1e-12 * Math.max(1, Math.abs(w)), path + ": run src/test/pytorch/answers.py");
        return 1;
    }
}
