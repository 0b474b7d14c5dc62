package org.kernellab;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.kernellab.compute.Tensor;

/**
 * Real PyTorch, asked by the {@code …PyTorchTest} classes: one Python process per test JVM running
 * {@code src/test/pytorch/worker.py}, a JSON request and answer per line. Where no Python with torch is found the tests
 * that need it are skipped with the reason, except in CI ({@code CI=true}), where that is a failure.
 */
public final class TorchReference {
    private static final Path WORKER = Path.of("src/test/pytorch/worker.py");
    /** The course nets' weights and gradients make answers of tens of megabytes, past Jackson's default string limit. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build());

    private static TorchReference shared;
    private static String missing;

    private final String python;
    private final Process process;
    private final Writer in;
    private final BufferedReader reader;
    private final JsonNode versions;

    private TorchReference(String python, Process process, BufferedReader reader, JsonNode versions) {
        this.python = python;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = reader;
        this.versions = versions;
    }

    /** The running worker; skips the calling test (fails it in CI) when there is no Python with PyTorch. */
    public static synchronized TorchReference get() {
        if (shared == null && missing == null) start();
        if (shared == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("PyTorch is required in CI: " + missing);
            Assumptions.abort("PyTorch not available, PyTorch checks skipped: " + missing);
        }
        return shared;
    }

    /** The Pythons tried in order: $KERNELLAB_PYTHON, Debian's (where python3-torch installs), then the PATH's. */
    private static List<String> candidates() {
        List<String> c = new ArrayList<>();
        String chosen = System.getenv("KERNELLAB_PYTHON");
        if (chosen != null && !chosen.isBlank()) c.add(chosen);
        c.add("/usr/bin/python3");
        c.add("python3");
        c.add("python");
        return c;
    }

    private static void start() {
        List<String> tried = new ArrayList<>();
        for (String python : candidates()) {
            try {
                Process p = new ProcessBuilder(python, WORKER.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String first = r.readLine();
                if (first != null && first.startsWith("{\"ready\"")) {
                    shared = new TorchReference(
                            python, p, r, JSON.readTree(first).get("ready"));
                    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
                    return;
                }
                p.destroy();
                tried.add(python + " has no torch");
            } catch (IOException e) {
                tried.add(python + ": " + e.getMessage());
            }
        }
        missing = Files.exists(WORKER)
                ? String.join("; ", tried)
                : WORKER + " not found (tests must run from the project folder)";
    }

    /** The Python that has torch: what a test runs PyTorch scripts with. */
    public String python() {
        return python;
    }

    /** torch, torchvision and numpy versions, for messages. */
    public JsonNode versions() {
        return versions;
    }

    /** A new request for {@code op}; fill it and {@link #call} it. */
    public static ObjectNode request(String op) {
        ObjectNode r = JSON.createObjectNode();
        r.put("op", op);
        return r;
    }

    /** The worker's answer; a Python error fails the test with PyTorch's message. */
    public synchronized JsonNode call(ObjectNode request) {
        try {
            in.write(JSON.writeValueAsString(request));
            in.write('\n');
            in.flush();
            String line = reader.readLine();
            if (line == null) fail("the PyTorch worker stopped (exit " + process.waitFor() + ")");
            JsonNode answer = JSON.readTree(line);
            if (answer.has("error"))
                fail("PyTorch refused " + request.get("op") + ": "
                        + answer.get("error").asText());
            return answer.get("ok");
        } catch (IOException e) {
            return fail("the PyTorch worker: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** A tensor as the worker reads it: its doubles, exactly (base64 of their little-endian bytes). */
    public static ObjectNode tensor(Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(8 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : t.data()) b.putDouble(v);
        return encoded(t.shape(), "float64", b.array());
    }

    /** float32 values of the given shape as the worker reads them. */
    public static ObjectNode tensor(int[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return encoded(shape, "float32", b.array());
    }

    private static ObjectNode encoded(int[] shape, String dtype, byte[] bytes) {
        ObjectNode n = JSON.createObjectNode();
        var s = n.putArray("shape");
        for (int d : shape) s.add(d);
        n.put("dtype", dtype);
        n.put("b64", Base64.getEncoder().encodeToString(bytes));
        return n;
    }

    /** A tensor as the worker writes it. */
    public static Tensor tensor(JsonNode n) {
        int[] shape = new int[n.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = n.get("shape").get(i).asInt();
        return new Tensor(shape, values(n));
    }

    /** A tensor's values, as the worker wrote them. */
    public static double[] values(JsonNode n) {
        if (n.has("data")) {
            double[] data = new double[n.get("data").size()];
            for (int i = 0; i < data.length; i++) data[i] = n.get("data").get(i).asDouble();
            return data;
        }
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(n.get("b64").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        boolean wide = "float64".equals(n.path("dtype").asText());
        double[] data = new double[b.remaining() / (wide ? 8 : 4)];
        for (int i = 0; i < data.length; i++) data[i] = wide ? b.getDouble() : b.getFloat();
        return data;
    }

    /** A JSON array of ints. */
    public static ArrayNode ints(int... v) {
        var a = JSON.createArrayNode();
        for (int x : v) a.add(x);
        return a;
    }

    /** Floats from a JSON array. */
    public static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) a.get(i).asDouble();
        return f;
    }
}
