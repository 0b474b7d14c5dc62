package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code progress --merge}: a corrupt file among good ones is named and left out; no good file at all fails. */
class ProgressCliTest {
    private static Path student(Path dir, String name, boolean solved) throws Exception {
        Path f = dir.resolve(name + ".kprogress");
        Files.writeString(f, """
                {"kernellab": "progress", "version": 1, "student": "%s", "lessons": [
                  {"id": "05-exercise-1-1", "mark": "%s",
                   "exercises": {"output": {"attempts": 2, "solved": %s, "last": "4 4; 4 4"}}}]}
                """.formatted(name, solved ? "solved" : "attempted", solved));
        return f;
    }

    @Test
    void goodFilesMergeAndACorruptOneIsNamedOnStderr(@TempDir Path dir) throws Exception {
        Path ana = student(dir, "Ana", true), luis = student(dir, "Luis", false), bad = dir.resolve("bad.kprogress");
        Files.writeString(bad, "{\"kernellab\": \"progress\", \"lessons\": [");
        CliTest.Run r = CliTest.run("progress", "--merge", ana.toString(), bad.toString(), luis.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("warning: ") && r.err().contains("bad.kprogress"), r.err());
        JsonNode j = r.json();
        assertEquals("[\"05-exercise-1-1/output\"]", j.get("exercises").toString());
        assertEquals("Ana", j.get("students").get(0).get("student").asText());
        assertEquals(1, j.get("students").get(0).get("solved").asInt());
        assertEquals(
                "solved",
                j.get("students").get(0).get("lessons").get("05-exercise-1-1").asText());
        assertEquals(0, j.get("students").get(1).get("solved").asInt());
        assertEquals(bad.toString(), j.get("skipped").get(0).get("file").asText());

        CliTest.Run csv = CliTest.run("progress", "--merge", ana.toString(), luis.toString(), "--csv");
        assertEquals(0, csv.status(), csv.err());
        assertEquals("student,05-exercise-1-1/output,solved,attempts\nAna,1,1,2\nLuis,0,0,2", csv.out());
    }

    @Test
    void noGoodFileFailsWithOneLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.kprogress");
        Files.writeString(bad, "not json");
        CliTest.Run r = CliTest.run(
                "progress",
                "--merge",
                bad.toString(),
                dir.resolve("missing.kprogress").toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("error: none of the 2 progress files could be read"), r.err());
        assertEquals(2, CliTest.run("progress").status());
        assertEquals(
                2,
                CliTest.run("progress", "--merge", "a.kprogress", "--average").status());
    }
}
