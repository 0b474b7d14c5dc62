package org.kernellab.lesson;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lesson folders holding every kind of malformed file a teacher's folder has been seen to hold, for the loader's test
 * and the test that starts the whole app with them. Each source folder has one good lesson beside the bad ones.
 */
public final class MalformedLessons {
    /** Lessons that cannot load, across all the sources {@link #write} makes. */
    public static final int BROKEN_LESSONS = 7;
    /** chapters.json files that cannot be read. */
    public static final int BROKEN_CHAPTERS = 3;

    private MalformedLessons() {}

    /** Writes the sources under {@code root} and returns them, in the order to pass them to the loader. */
    public static List<Path> write(Path root) throws IOException {
        Path a = Files.createDirectories(root.resolve("a")),
                b = Files.createDirectories(root.resolve("b")),
                c = Files.createDirectories(root.resolve("c"));
        Files.writeString(a.resolve("chapters.json"), "null");
        Files.writeString(b.resolve("chapters.json"), "[null]");
        Files.writeString(c.resolve("chapters.json"), "[1, 2]");
        LessonLoaderTest.lesson(a, "good-a", LessonLoaderTest.manifest("good-a", "conv-intro"), true, true);
        LessonLoaderTest.lesson(b, "good-b", LessonLoaderTest.manifest("good-b", "conv-intro"), true, true);
        LessonLoaderTest.lesson(c, "good-c", LessonLoaderTest.manifest("good-c", "conv-intro"), true, true);

        LessonLoaderTest.lesson(a, "null-manifest", "null", true, true);
        LessonLoaderTest.lesson(a, "array-manifest", "[1, 2]", true, true);
        Path huge = Files.createDirectories(b.resolve("huge-manifest"));
        try (RandomAccessFile f =
                new RandomAccessFile(huge.resolve("lesson.json").toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GB, sparse: costs no disk, but reading it whole would exhaust memory
        }
        Path badText = Files.createDirectories(b.resolve("latin1-text"));
        Files.writeString(badText.resolve("lesson.json"), LessonLoaderTest.manifest("latin1-text", "conv-intro"));
        Files.writeString(badText.resolve("es.md"), "Hola");
        Files.write(badText.resolve("en.md"), new byte[] {'C', 'a', 'f', (byte) 0xE9}); // "Café" in Latin-1
        Path folderManifest =
                Files.createDirectories(c.resolve("folder-manifest").resolve("lesson.json"));
        Files.writeString(folderManifest.resolve("x"), "a folder where the file should be");
        LessonLoaderTest.lesson(c, "deep-json", "[".repeat(5000) + "]".repeat(5000), true, true);
        String m = LessonLoaderTest.manifest("bad-params", "conv-intro");
        LessonLoaderTest.lesson(c, "bad-params", m.substring(0, m.length() - 1) + ",\"params\":[1]}", true, true);
        return List.of(a, b, c);
    }
}
