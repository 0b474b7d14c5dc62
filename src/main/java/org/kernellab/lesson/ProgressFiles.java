package org.kernellab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.Problem;

/**
 * Progress files ({@code .kprogress}): what a student hands in, their name and, per lesson, its mark and each exercise's
 * attempts, last answer and whether it was solved; and the class table a teacher makes of several.
 */
public final class ProgressFiles {
    public static final String EXTENSION = ".kprogress";
    private static final String KIND = "progress";

    private ProgressFiles() {}

    /** One lesson in a progress file: its mark and its exercises by name. */
    public record LessonRecord(
            String id, Map<String, String> title, Progress.Mark mark, Map<String, Progress.Attempt> exercises) {}

    /** One student's progress file. */
    public record Report(String student, String exported, List<LessonRecord> lessons) {
        /** How many exercises are solved, and how many checks were made in all. */
        public int solved() {
            return (int) lessons.stream()
                    .flatMap(l -> l.exercises().values().stream())
                    .filter(Progress.Attempt::solved)
                    .count();
        }

        public int attempts() {
            return lessons.stream()
                    .flatMap(l -> l.exercises().values().stream())
                    .mapToInt(Progress.Attempt::attempts)
                    .sum();
        }

        /** The exercise {@code column} ("lesson/exercise"), null when never checked. */
        public Progress.Attempt exercise(String column) {
            for (LessonRecord l : lessons)
                for (Map.Entry<String, Progress.Attempt> e : l.exercises().entrySet())
                    if (column.equals(l.id() + "/" + e.getKey())) return e.getValue();
            return null;
        }
    }

    /** A file left out of a class table, and why. */
    public record Skipped(Path file, Problem reason) {}

    /** Several students side by side: one column per exercise, in the course's order. */
    public record ClassTable(List<Report> students, List<String> exercises, List<Skipped> skipped) {}

    /** The student's progress over {@code lessons}, now. */
    public static Report report(String student, Progress progress, List<Lesson> lessons) {
        List<LessonRecord> out = new ArrayList<>();
        for (Lesson l : lessons)
            out.add(new LessonRecord(l.id(), l.titles(), progress.mark(l.id()), progress.attempts(l.id())));
        return new Report(student, Instant.now().toString(), out);
    }

    public static String write(Report r) {
        ObjectNode root = SceneFiles.MAPPER.createObjectNode();
        root.put("kernellab", KIND)
                .put("version", 1)
                .put("student", r.student())
                .put("exported", r.exported());
        ArrayNode lessons = root.putArray("lessons");
        for (LessonRecord l : r.lessons()) {
            ObjectNode n = lessons.addObject().put("id", l.id());
            n.set("title", SceneFiles.MAPPER.valueToTree(l.title()));
            n.put("mark", l.mark().name().toLowerCase(Locale.ROOT));
            ObjectNode ex = n.putObject("exercises");
            l.exercises()
                    .forEach((k, a) -> ex.putObject(k)
                            .put("attempts", a.attempts())
                            .put("solved", a.solved())
                            .put("last", a.last()));
        }
        try {
            return SceneFiles.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Report read(Path file) throws SceneFileException {
        String text = SceneFiles.text(file, LessonLoader.MAX_TEXT);
        JsonNode root;
        try {
            root = SceneFiles.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw SceneFiles.notJson(e);
        }
        if (root == null
                || !KIND.equals(root.path("kernellab").asText())
                || !root.path("lessons").isArray()) throw new SceneFileException("progress.notProgress");
        String student = root.path("student").asText("").strip();
        if (student.isEmpty()) throw new SceneFileException("progress.noStudent");
        List<LessonRecord> lessons = new ArrayList<>();
        for (JsonNode l : root.path("lessons")) lessons.add(lesson(l));
        return new Report(student, root.path("exported").asText(""), lessons);
    }

    private static LessonRecord lesson(JsonNode l) throws SceneFileException {
        String id = l.path("id").asText("");
        if (id.isEmpty()) throw new SceneFileException("progress.badLesson", l.toString());
        Progress.Mark mark;
        try {
            mark = Progress.Mark.valueOf(l.path("mark").asText("none").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SceneFileException("progress.badLesson", id);
        }
        Map<String, Progress.Attempt> ex = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) l.path("exercises")::fields) {
            JsonNode a = e.getValue();
            if (!a.path("attempts").canConvertToInt() || a.path("attempts").asInt() < 0)
                throw new SceneFileException("progress.badLesson", id + "/" + e.getKey());
            ex.put(
                    e.getKey(),
                    new Progress.Attempt(
                            a.path("attempts").asInt(),
                            a.path("last").asText(""),
                            a.path("solved").asBoolean()));
        }
        Map<String, String> title = new LinkedHashMap<>();
        l.path("title")
                .fields()
                .forEachRemaining(t -> title.put(t.getKey(), t.getValue().asText()));
        return new LessonRecord(id, title, mark, ex);
    }

    /** The class table of {@code files}; a file that cannot be read is left out and named in {@code skipped}. */
    public static ClassTable merge(List<Path> files) {
        List<Report> students = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                students.add(read(f));
            } catch (SceneFileException e) {
                skipped.add(new Skipped(f, e.problem()));
            }
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Report r : students)
            for (LessonRecord l : r.lessons()) for (String e : l.exercises().keySet()) columns.add(l.id() + "/" + e);
        // each file lists the lessons in the course's order: the first files' order, with later files' additions after
        return new ClassTable(students, List.copyOf(columns), skipped);
    }

    /**
     * The table as a gradebook imports it: one row per student, one column per exercise (1 solved, 0 tried but not
     * solved, empty never checked), then the totals.
     */
    public static String csv(ClassTable t) {
        StringBuilder b = new StringBuilder("student");
        for (String c : t.exercises()) b.append(',').append(cell(c));
        b.append(",solved,attempts\n");
        for (Report r : t.students()) {
            b.append(cell(r.student()));
            for (String c : t.exercises()) {
                Progress.Attempt a = r.exercise(c);
                b.append(',').append(a == null ? "" : a.solved() ? "1" : "0");
            }
            b.append(',').append(r.solved()).append(',').append(r.attempts()).append('\n');
        }
        return b.toString();
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    private static String cell(String s) {
        return s.matches("[^,\"\\r\\n]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
