package org.kernellab;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TorchReference shared;
    private static String missing;

    private final Process process;
    private final Writer in;
    private final BufferedReader reader;
    private final JsonNode versions;

    private TorchReference(Process process, BufferedReader reader, JsonNode versions) {
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
                Process p = new ProcessBuilder(python, WORKER.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String first = r.readLine();
                if (first != null && first.startsWith("{\"ready\"")) {
                    shared = new TorchReference(p, r, JSON.readTree(first).get("ready"));
                    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
                    return;
                }
                p.destroy();
                tried.add(python + " has no torch");
            } catch (IOException e) {
                tried.add(python + ": " + e.getMessage());
            }
        }
        missing = Files.exists(WORKER) ? String.join("; ", tried) : WORKER + " not found (tests must run from the project folder)";
    }

    /** torch, torchvision and numpy versions, for messages. */
    public JsonNode versions() { return versions; }

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
            if (answer.has("error")) fail("PyTorch refused " + request.get("op") + ": " + answer.get("error").asText());
            return answer.get("ok");
        } catch (IOException e) {
            return fail("the PyTorch worker: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** A tensor as the worker reads it. */
    public static ObjectNode tensor(Tensor t) {
        ObjectNode n = JSON.createObjectNode();
        var shape = n.putArray("shape");
        for (int d : t.shape()) shape.add(d);
        var data = n.putArray("data");
        for (double v : t.data()) data.add(v);
        return n;
    }

    /** A tensor as the worker writes it. */
    public static Tensor tensor(JsonNode n) {
        int[] shape = new int[n.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = n.get("shape").get(i).asInt();
        double[] data = new double[n.get("data").size()];
        for (int i = 0; i < data.length; i++) data[i] = n.get("data").get(i).asDouble();
        return new Tensor(shape, data);
    }

    /** A JSON array of ints. */
    public static com.fasterxml.jackson.databind.node.ArrayNode ints(int... v) {
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
