package org.kernellab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * PyTorch's answers committed for tests that run without Python: {@code pytorch-answers.json}, written by
 * {@code src/test/pytorch/answers.py} and held against PyTorch by {@code AnswersPyTorchTest} wherever it runs.
 */
public final class PyTorchAnswers {
    private static final JsonNode ALL = read();

    private PyTorchAnswers() {}

    private static JsonNode read() {
        try (InputStream in = PyTorchAnswers.class.getResourceAsStream("pytorch-answers.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file. */
    public static JsonNode all() {
        return ALL;
    }

    /** The values at {@code path} (keys from the top), a single number as one value. */
    public static double[] values(String... path) {
        JsonNode n = ALL;
        for (String key : path) n = n.path(key);
        if (n.isNumber()) return new double[] {n.asDouble()};
        if (!n.isArray() || n.isEmpty()) throw new IllegalArgumentException("no answer at " + String.join("/", path));
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
        return v;
    }
}
