package org.kernellab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student's attempts go into the file they hand in; the teacher's table and CSV read several such files. */
class ProgressFilesTest {
    private final Preferences node = Preferences.userRoot().node("kernellab-test-progress-files-" + System.nanoTime());

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    private static Lesson lesson(String id) {
        return new Lesson(
                id, "c", 1, Map.of("en", "T " + id, "es", "T " + id), "pooling", LessonParams.EMPTY, Map.of(), "x");
    }

    @Test
    void attemptsCountAndTheLastAnswerAndASolvedExerciseStaysSolved() {
        Progress p = new Progress(node);
        p.attempt("05-ex", "output", "1 2; 3 4", false);
        p.attempt("05-ex", "output", "4 4; 3 4", true);
        p.attempt("05-ex", "output", "0 0; 0 0", false);
        p.attempt("05-ex", "q0", "Edges", true);
        assertEquals(
                Map.of(
                        "output",
                        new Progress.Attempt(3, "0 0; 0 0", true),
                        "q0",
                        new Progress.Attempt(1, "Edges", true)),
                p.attempts("05-ex"));
        assertEquals(Map.of(), p.attempts("06-never"));
    }

    @Test
    void aHandedInFileComesBackAsItWasAndMergesWithOthers(@TempDir Path dir) throws Exception {
        Progress p = new Progress(node);
        p.raise("05-ex", Progress.Mark.SOLVED);
        p.attempt("05-ex", "output", "4 4", true);
        p.attempt("06-ex", "q1", "No", false);
        ProgressFiles.Report ana =
                ProgressFiles.report("Ana, B.", p, List.of(lesson("05-ex"), lesson("06-ex"), lesson("07-ex")));
        Path a = dir.resolve("ana.kprogress");
        Files.writeString(a, ProgressFiles.write(ana));
        assertEquals(ana, ProgressFiles.read(a));

        Path luis = dir.resolve("luis.kprogress");
        Files.writeString(luis, """
                {"kernellab": "progress", "version": 1, "student": "Luis", "lessons": [
                  {"id": "06-ex", "mark": "solved", "exercises": {"q1": {"attempts": 2, "solved": true, "last": "Yes"}}},
                  {"id": "08-chain", "mark": "attempted", "exercises": {"layers": {"attempts": 1, "solved": false}}}]}
                """);
        Path broken = dir.resolve("broken.kprogress");
        Files.writeString(
                broken,
                "{\"kernellab\": \"progress\", \"student\": \"X\", \"lessons\": [{\"id\": \"05-ex\", \"mark\": \"great\"}]}");
        ProgressFiles.ClassTable t = ProgressFiles.merge(List.of(a, broken, luis));
        assertEquals(
                List.of("Ana, B.", "Luis"),
                t.students().stream().map(ProgressFiles.Report::student).toList());
        assertEquals(List.of("05-ex/output", "06-ex/q1", "08-chain/layers"), t.exercises());
        assertEquals(
                List.of(broken),
                t.skipped().stream().map(ProgressFiles.Skipped::file).toList());
        assertEquals("""
                student,05-ex/output,06-ex/q1,08-chain/layers,solved,attempts
                "Ana, B.",1,0,,1,2
                Luis,,1,0,1,3
                """, ProgressFiles.csv(t));
    }
}
