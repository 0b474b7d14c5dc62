package org.kernellab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.ui.LessonViews;

class LessonLoaderTest {
    static final Set<String> VIEWS = LessonViews.ids();

    @Test
    void builtInLessonsLoadInBothLanguages() {
        Catalog c = LessonLoader.load(VIEWS, List.of());
        assertEquals(List.of(), c.errors());
        Lesson l = c.find("what-is-a-convolution").orElseThrow();
        assertEquals("What is a convolution?", l.title(Locale.ENGLISH));
        assertEquals("¿Qué es una convolución?", l.title(new Locale("es")));
        assertTrue(l.text(new Locale("es")).contains("padding"));
        assertTrue(l.text(Locale.ENGLISH).contains("$$"), "the lesson writes its formulas in LaTeX");
        assertEquals("Convolution basics", c.chapters().get(0).title(Locale.ENGLISH));
        assertEquals(LessonLoader.BUILT_IN, l.source());
    }

    static void lesson(Path root, String folder, String json, boolean es, boolean en) throws IOException {
        Path d = Files.createDirectories(root.resolve(folder));
        Files.writeString(d.resolve("lesson.json"), json);
        if (es) Files.writeString(d.resolve("es.md"), "Hola");
        if (en) Files.writeString(d.resolve("en.md"), "Hello");
    }

    static String manifest(String id, String view) {
        return "{\"id\":\"" + id
                + "\",\"chapter\":\"extra\",\"order\":1,\"title\":{\"es\":\"T\",\"en\":\"T\"},\"view\":\"" + view
                + "\"}";
    }

    @Test
    void malformedLessonsAreListedAndTheRestLoad(@TempDir Path dir) throws IOException {
        lesson(dir, "good", manifest("good", "conv-intro"), true, true);
        lesson(dir, "bad-json", "{\"id\": \"x\",", true, true);
        lesson(dir, "no-spanish", manifest("no-spanish", "conv-intro"), false, true);
        lesson(dir, "unknown-view", manifest("unknown-view", "hologram"), true, true);
        lesson(
                dir,
                "no-title",
                "{\"id\":\"t\",\"chapter\":\"c\",\"order\":1,\"view\":\"conv-intro\",\"title\":{\"en\":\"x\"}}",
                true,
                true);
        Files.createDirectories(dir.resolve("empty-folder"));

        Catalog c = LessonLoader.load(VIEWS, List.of(dir));
        assertTrue(c.find("good").isPresent());
        assertTrue(c.find("what-is-a-convolution").isPresent(), "built-in lessons still load");
        assertEquals(5, c.errors().size(), c.errors().toString());
        String all = c.errors().toString();
        assertTrue(all.contains("bad-json") && all.contains("not valid JSON"), all);
        assertTrue(all.contains("missing es.md"), all);
        assertTrue(all.contains("unknown view \"hologram\""), all);
        assertTrue(all.contains("has no \"es\" text"), all);
        assertTrue(all.contains("missing lesson.json"), all);
    }

    @Test
    void everyMalformedFileIsListedWithItsFileAndTheRestLoad(@TempDir Path dir) throws IOException {
        Catalog c = LessonLoader.load(VIEWS, MalformedLessons.write(dir));
        for (String id : List.of("good-a", "good-b", "good-c", "what-is-a-convolution"))
            assertTrue(c.find(id).isPresent(), id);
        assertEquals(
                MalformedLessons.BROKEN_LESSONS + MalformedLessons.BROKEN_CHAPTERS,
                c.errors().size(),
                c.errors().toString());
        String all =
                String.join("\n", c.errors().stream().map(LessonError::toString).toList());
        assertTrue(all.contains("a/chapters.json: chapters.json must hold a list of chapters, not null"), all);
        assertTrue(all.contains("b/chapters.json: chapters.json holds null"), all);
        assertTrue(all.contains("null-manifest/lesson.json: lesson.json must hold an object, not null"), all);
        assertTrue(all.contains("huge-manifest/lesson.json: the file is 3221225472 bytes, above the limit"), all);
        assertTrue(
                all.contains("latin1-text/en.md: not valid UTF-8 text"),
                "the file at fault is named, not lesson.json: " + all);
        assertTrue(all.contains("folder-manifest/lesson.json: not a regular file"), all);
        assertTrue(all.contains("deep-json/lesson.json: not valid JSON"), all);
        assertTrue(all.contains("bad-params/lesson.json: \"params\" must be an object"), all);
        for (LessonError e : c.errors())
            assertTrue(e.reason().lines().count() == 1 && e.reason().length() < 300, "one short line: " + e);
    }

    @Test
    void aTeachersFolderOverridesABuiltInLesson(@TempDir Path dir) throws IOException {
        lesson(dir, "mine", manifest("what-is-a-convolution", "conv-intro"), true, true);
        Files.writeString(
                dir.resolve("chapters.json"),
                "[{\"id\":\"extra\",\"order\":0,\"title\":{\"es\":\"Mías\",\"en\":\"Mine\"}}]");
        Catalog c = LessonLoader.load(VIEWS, List.of(dir));
        Lesson l = c.find("what-is-a-convolution").orElseThrow();
        assertEquals(dir.toString(), l.source());
        assertEquals("Hello", l.text(Locale.ENGLISH));
        assertEquals("Mine", c.chapters().get(0).title(Locale.ENGLISH), "the teacher's chapter comes first (order 0)");
        assertEquals(
                LessonLoader.load(VIEWS, List.of()).lessons().size(),
                c.lessons().size(),
                "replaced, not added");
    }

    @Test
    void progressOnlyGoesUp() throws Exception {
        Preferences node = Preferences.userRoot().node("kernellab-test-progress-" + System.nanoTime());
        try {
            Progress p = new Progress(node);
            assertEquals(Progress.Mark.NONE, p.mark("a"));
            p.raise("a", Progress.Mark.SOLVED);
            p.raise("a", Progress.Mark.VISITED);
            assertEquals(Progress.Mark.SOLVED, p.mark("a"));
        } finally {
            node.removeNode();
        }
    }
}
