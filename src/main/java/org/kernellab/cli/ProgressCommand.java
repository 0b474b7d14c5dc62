package org.kernellab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernellab.i18n.Messages;
import org.kernellab.lesson.Progress;
import org.kernellab.lesson.ProgressFiles;

/**
 * {@code progress --merge FILE… [--csv]}: students' progress files as one class table, JSON or a gradebook's CSV. A
 * file that cannot be read is named on stderr and left out; with no good file at all, the command fails.
 */
final class ProgressCommand {
    private ProgressCommand() {}

    static Object merge(List<String> args, PrintStream err) {
        List<Path> files = new ArrayList<>();
        boolean csv = false, merging = false;
        for (String a : args) {
            if (a.equals("--csv")) csv = true;
            else if (a.equals("--merge")) merging = true;
            else if (a.startsWith("--")) throw new CliException("cli.unknownOption", a, "progress");
            else if (merging) files.add(Path.of(a));
            else throw new CliException("cli.unknownOption", a, "progress");
        }
        if (files.isEmpty()) throw new CliException("cli.missingOption", "--merge FILE…", "progress");
        ProgressFiles.ClassTable t = ProgressFiles.merge(files);
        for (ProgressFiles.Skipped s : t.skipped())
            err.println("warning: "
                    + Messages.english("progress.skipped", s.file(), s.reason().english()));
        if (t.students().isEmpty()) throw new CliException("progress.noneGood", files.size());
        return csv ? ProgressFiles.csv(t).stripTrailing() : json(t);
    }

    private static Map<String, Object> json(ProgressFiles.ClassTable t) {
        List<Object> students = new ArrayList<>();
        for (ProgressFiles.Report r : t.students()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("student", r.student());
            s.put("exported", r.exported());
            s.put("solved", r.solved());
            s.put("attempts", r.attempts());
            Map<String, Object> marks = new LinkedHashMap<>();
            for (ProgressFiles.LessonRecord l : r.lessons())
                marks.put(l.id(), l.mark().name().toLowerCase(Locale.ROOT));
            s.put("lessons", marks);
            Map<String, Object> ex = new LinkedHashMap<>();
            for (String c : t.exercises()) {
                Progress.Attempt a = r.exercise(c);
                if (a != null) ex.put(c, Map.of("attempts", a.attempts(), "solved", a.solved(), "last", a.last()));
            }
            s.put("exercises", ex);
            students.add(s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exercises", t.exercises());
        out.put("students", students);
        out.put(
                "skipped",
                t.skipped().stream()
                        .map(s -> Map.of(
                                "file",
                                s.file().toString(),
                                "reason",
                                s.reason().english()))
                        .toList());
        return out;
    }
}
