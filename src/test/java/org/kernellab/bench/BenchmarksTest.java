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

/** The compute benchmark prints one JSON object per measurement; bad options are refused like any command's. */
class BenchmarksTest {
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Benchmarks.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test void computeBenchmarkPrintsPercentilesAsJsonLines() throws Exception {
        Run r = run("bench", "--repeat", "3");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(8, lines.size(), r.out());
        JsonNode conv = new ObjectMapper().readTree(lines.get(2));
        assertTrue(conv.get("bench").asText().startsWith("conv2d"), conv.toString());
        assertEquals(3, conv.get("runs").asInt());
        assertTrue(conv.get("p50_ms").asDouble() <= conv.get("p99_ms").asDouble() && conv.get("p99_ms").asDouble() <= conv.get("max_ms").asDouble());
    }

    @Test void badOptionsGiveOneLineAndStatus2() {
        for (String[] args : new String[][] {{"bench", "--repeat", "0"}, {"bench", "--repeat", "x"}, {"bench", "--fast"}, {"bench-training",
                "--cold"}}) {
            Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertTrue(Benchmarks.isCommand("bench-animator") && !Benchmarks.isCommand("conv"));
    }
}
