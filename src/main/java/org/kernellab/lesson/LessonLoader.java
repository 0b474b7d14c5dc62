package org.kernellab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads lessons: the ones shipped in the jar under {@code /lessons}, then folders on disk that add
 * lessons or replace shipped ones with the same id. A lesson folder holds {@code lesson.json},
 * {@code en.md} and {@code es.md}; a source's {@code chapters.json} names and orders its chapters.
 * A malformed lesson becomes a {@link LessonError} and the rest still load.
 */
public final class LessonLoader {
    public static final String BUILT_IN = "built-in";
    public static final List<String> LANGUAGES = List.of("es", "en");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Caps on a lesson's files: far above any real lesson, far below what would stall the start or exhaust memory. */
    static final long MAX_JSON = 1L << 20, MAX_TEXT = 4L << 20;

    private LessonLoader() {}

    /**
     * @param knownViews the view ids the app can show; a lesson naming another one is an error
     * @param folders    folders on disk, later ones overriding earlier ones; missing folders are skipped
     */
    public static Catalog load(Set<String> knownViews, List<Path> folders) {
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<String, Chapter> chapters = new LinkedHashMap<>();
        List<LessonError> errors = new ArrayList<>();
        readBuiltIn(knownViews, lessons, chapters, errors);
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) readSource(folder, folder.toString(), knownViews, lessons, chapters, errors);
        }

        Map<String, List<Lesson>> byChapter = new HashMap<>();
        for (Lesson l : lessons.values())
            byChapter.computeIfAbsent(l.chapter(), k -> new ArrayList<>()).add(l);
        List<Chapter> out = new ArrayList<>();
        for (Map.Entry<String, List<Lesson>> e : byChapter.entrySet()) {
            Chapter named =
                    chapters.getOrDefault(e.getKey(), new Chapter(e.getKey(), Integer.MAX_VALUE, Map.of(), List.of()));
            List<Lesson> sorted = e.getValue().stream()
                    .sorted(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id))
                    .toList();
            out.add(new Chapter(named.id(), named.order(), named.titles(), sorted));
        }
        out.sort(Comparator.comparingInt(Chapter::order).thenComparing(Chapter::id));
        return new Catalog(List.copyOf(out), List.copyOf(errors));
    }

    private static void readBuiltIn(
            Set<String> views, Map<String, Lesson> lessons, Map<String, Chapter> chapters, List<LessonError> errors) {
        URL url = LessonLoader.class.getResource("/lessons");
        if (url == null) {
            errors.add(new LessonError(
                    "/lessons", "no lessons are built in (the jar was built without the lessons folder)"));
            return;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                readSource(fs.getPath("/lessons"), BUILT_IN, views, lessons, chapters, errors);
            } else {
                readSource(Path.of(uri), BUILT_IN, views, lessons, chapters, errors);
            }
        } catch (URISyntaxException | IOException e) {
            errors.add(new LessonError(url.toString(), "cannot open the built-in lessons: " + e.getMessage()));
        }
    }

    private static void readSource(
            Path root,
            String source,
            Set<String> views,
            Map<String, Lesson> lessons,
            Map<String, Chapter> chapters,
            List<LessonError> errors) {
        Path chaptersFile = root.resolve("chapters.json");
        if (Files.exists(chaptersFile)) {
            try {
                readChapters(chaptersFile).forEach(c -> chapters.put(c.id(), c));
            } catch (IOException | RuntimeException e) {
                errors.add(new LessonError(describe(root, source, chaptersFile), reason(e)));
            }
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            errors.add(new LessonError(source, "cannot list the folder: " + e.getMessage()));
            return;
        }
        Set<String> seenHere = new HashSet<>();
        for (Path dir : dirs) {
            Path manifest = dir.resolve("lesson.json");
            try {
                Lesson l = readLesson(dir, source, views);
                if (!seenHere.add(l.id()))
                    throw new IllegalArgumentException(
                            "another lesson in " + source + " already has the id \"" + l.id() + "\"");
                lessons.put(l.id(), l); // a later source replaces a lesson with the same id
            } catch (FileProblem e) {
                errors.add(new LessonError(
                        describe(root, source, e.file), reason(e.getCause() == null ? e : (Exception) e.getCause())));
            } catch (IOException | RuntimeException e) {
                // whatever is wrong with one lesson, the others load and the app starts
                errors.add(new LessonError(describe(root, source, manifest), reason(e)));
            }
        }
    }

    static Lesson readLesson(Path dir, String source, Set<String> views) throws IOException {
        Path manifest = dir.resolve("lesson.json");
        if (!Files.exists(manifest)) throw new IllegalArgumentException("missing lesson.json");
        Map<String, Object> m = MAPPER.readValue(readText(manifest, MAX_JSON), new TypeReference<>() {});
        if (m == null) throw new IllegalArgumentException("lesson.json must hold an object, not null");
        String id = text(m, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*"))
            throw new IllegalArgumentException("id \"" + id + "\" must be lower-case letters, digits and dashes");
        String chapter = text(m, "chapter");
        Object order = m.get("order");
        if (!(order instanceof Integer)) throw new IllegalArgumentException("\"order\" must be a whole number");
        Map<String, String> titles = languages(m.get("title"), "title");
        String view = text(m, "view");
        if (!views.contains(view))
            throw new IllegalArgumentException(
                    "unknown view \"" + view + "\" (known: " + String.join(", ", new TreeSet<>(views)) + ")");
        Object params = m.getOrDefault("params", Map.of());
        if (!(params instanceof Map<?, ?>)) throw new IllegalArgumentException("\"params\" must be an object");
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) params;
        Map<String, String> texts = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            Path md = dir.resolve(lang + ".md");
            if (!Files.exists(md)) throw new IllegalArgumentException("missing " + lang + ".md next to lesson.json");
            texts.put(lang, readText(md, MAX_TEXT));
        }
        return new Lesson(id, chapter, (Integer) order, titles, view, new LessonParams(p), texts, source);
    }

    private static List<Chapter> readChapters(Path file) throws IOException {
        List<Map<String, Object>> list = MAPPER.readValue(readText(file, MAX_JSON), new TypeReference<>() {});
        if (list == null) throw new IllegalArgumentException("chapters.json must hold a list of chapters, not null");
        List<Chapter> out = new ArrayList<>();
        for (Map<String, Object> c : list) {
            if (c == null) throw new IllegalArgumentException("chapters.json holds null where a chapter should be");
            Object order = c.get("order");
            if (!(order instanceof Integer))
                throw new IllegalArgumentException("chapter \"" + c.get("id") + "\": \"order\" must be a whole number");
            out.add(new Chapter(text(c, "id"), (Integer) order, languages(c.get("title"), "title"), List.of()));
        }
        return out;
    }

    private static Map<String, String> languages(Object v, String field) {
        if (!(v instanceof Map<?, ?> map))
            throw new IllegalArgumentException("\"" + field + "\" must be an object with es and en");
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            Object t = map.get(lang);
            if (!(t instanceof String s) || s.isBlank())
                throw new IllegalArgumentException("\"" + field + "\" has no \"" + lang + "\" text");
            out.put(lang, s);
        }
        return out;
    }

    private static String text(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof String s) || s.isBlank()) throw new IllegalArgumentException("missing \"" + field + "\"");
        return s;
    }

    /** A problem with one particular file of a lesson, so the error names that file rather than lesson.json. */
    private static final class FileProblem extends IOException {
        final transient Path file;

        FileProblem(Path file, String reason, Exception cause) {
            super(reason, cause);
            this.file = file;
        }
    }

    /** A lesson file as UTF-8 text: a regular file (not a pipe or a folder), within {@code max} bytes, valid UTF-8. */
    static String readText(Path file, long max) throws IOException {
        if (!Files.isRegularFile(file)) throw new FileProblem(file, "not a regular file", null);
        long size = Files.size(file);
        if (size > max)
            throw new FileProblem(
                    file, "the file is " + size + " bytes, above the limit of " + max + " for a KernelLab file", null);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) max + 1); // the file may have grown since it was measured
        }
        if (bytes.length > max)
            throw new FileProblem(
                    file, "the file is larger than the limit of " + max + " bytes for a KernelLab file", null);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FileProblem(file, "not valid UTF-8 text: save it as UTF-8", null);
        }
    }

    /** A shipped lesson's file as it is named in the source tree (lessons/…); a teacher's, by its full path. */
    private static String describe(Path root, String source, Path file) {
        return BUILT_IN.equals(source)
                ? "lessons/" + root.relativize(file).toString().replace('\\', '/')
                : file.toString();
    }

    private static String reason(Exception e) {
        if (e instanceof JsonProcessingException j) {
            String why =
                    j.getOriginalMessage() == null ? "" : j.getOriginalMessage().split("\n")[0];
            return "not valid JSON (line "
                    + (j.getLocation() == null ? "?" : j.getLocation().getLineNr()) + "): " + why;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
