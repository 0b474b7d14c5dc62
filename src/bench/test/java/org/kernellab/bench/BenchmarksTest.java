package org.kernellab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kernellab.mesh.Mesh;
import org.kernellab.mesh.ModelNetLike;

/** The compute benchmark prints one JSON object per measurement; bad options are refused like any command's. */
class BenchmarksTest {
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Benchmarks.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                status,
                out.toString(StandardCharsets.UTF_8).trim(),
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void computeBenchmarkPrintsPercentilesAsJsonLines() throws Exception {
        Run r = run("bench", "--repeat", "3");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(8, lines.size(), r.out());
        JsonNode conv = new ObjectMapper().readTree(lines.get(2));
        assertTrue(conv.get("bench").asText().startsWith("conv2d"), conv.toString());
        assertEquals(3, conv.get("runs").asInt());
        assertTrue(conv.get("p50_ms").asDouble() <= conv.get("p99_ms").asDouble()
                && conv.get("p99_ms").asDouble() <= conv.get("max_ms").asDouble());
    }

    @Test
    void modelNetBenchmarkReadsEveryFileThenTheCache() throws Exception {
        Run r = run("bench-modelnet", "--scale", "0.01");
        assertEquals(0, r.status(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.out());
        assertEquals(49, m.get("files").asInt());
        assertEquals(49, m.get("objects").asInt(), "every mesh voxelised");
        assertTrue(
                m.get("triangles").asLong() > 49 * 1000L
                        && m.get("same_from_cache").asBoolean(),
                m.toString());
    }

    @Test
    void splittingTrianglesKeepsTheSurface() {
        Mesh chair = ModelNetLike.make(2, 1, 0), fine = ModelNetBench.refine(chair, 5000);
        assertTrue(
                fine.triangleCount() >= 5000 && fine.triangleCount() < 4 * 5000, "triangles " + fine.triangleCount());
        double before = 0, after = 0;
        for (int t = 0; t < chair.triangleCount(); t++) before += chair.area(t);
        for (int t = 0; t < fine.triangleCount(); t++) after += fine.area(t);
        assertEquals(before, after, 1e-6 * before, "the same area");
        assertTrue(fine.vertexCount() < fine.triangleCount(), "midpoints shared between neighbours");
    }

    @Test
    void badOptionsGiveOneLineAndStatus2() {
        for (String[] args : new String[][] {
            {"bench", "--repeat", "0"},
            {"bench", "--repeat", "x"},
            {"bench", "--fast"},
            {"bench-training", "--cold"},
            {"bench-modelnet", "--scale", "2"},
            {"bench-modelnet", "--fast"}
        }) {
            Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }
}
