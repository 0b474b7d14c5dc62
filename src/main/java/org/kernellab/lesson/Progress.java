package org.kernellab.lesson;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The student's marks per lesson, and each exercise's attempts and last answer, kept in java.util.prefs so they survive
 * restarts.
 */
public final class Progress {
    /** In increasing order: a lesson's mark only ever goes up. */
    public enum Mark {
        NONE,
        VISITED,
        ATTEMPTED,
        SOLVED
    }

    /** An exercise's record: how many times it was checked, the last answer checked, and whether it was ever right. */
    public record Attempt(int attempts, String last, boolean solved) {}

    /** Far above any answer a lesson asks for, and within what java.util.prefs keeps in one value. */
    static final int MAX_ANSWER = 4000;

    private final Preferences node;
    private static final String ATTEMPTS = "attempts";
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Progress(Preferences node) {
        this.node = node;
    }

    /** Called after any mark goes up (the navigator redraws its marks). */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public Mark mark(String lessonId) {
        try {
            return Mark.valueOf(node.get(lessonId, Mark.NONE.name()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Mark.NONE; // an unknown mark, or preferences removed under a window still being drawn
        }
    }

    /**
     * Counts one more check of exercise {@code exercise} of lesson {@code lessonId} with {@code answer}; once right,
     * the exercise stays solved.
     */
    public Attempt attempt(String lessonId, String exercise, String answer, boolean solved) {
        Preferences e = node.node(ATTEMPTS).node(lessonId).node(exercise);
        Attempt now = new Attempt(
                e.getInt("attempts", 0) + 1,
                answer.length() > MAX_ANSWER ? answer.substring(0, MAX_ANSWER) + "…" : answer,
                solved || e.getBoolean("solved", false));
        e.putInt("attempts", now.attempts());
        e.put("last", now.last());
        e.putBoolean("solved", now.solved());
        listeners.forEach(Runnable::run);
        return now;
    }

    /** The exercises of lesson {@code lessonId} the student has checked, by name. */
    public Map<String, Attempt> attempts(String lessonId) {
        Map<String, Attempt> out = new TreeMap<>();
        try {
            if (!node.node(ATTEMPTS).nodeExists(lessonId)) return out;
            Preferences lesson = node.node(ATTEMPTS).node(lessonId);
            for (String name : lesson.childrenNames()) {
                Preferences e = lesson.node(name);
                out.put(name, new Attempt(e.getInt("attempts", 0), e.get("last", ""), e.getBoolean("solved", false)));
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // preferences that cannot be read, or were removed, hold no attempts to show
        }
        return out;
    }

    /** Raises the lesson's mark to {@code m}; a lower mark never replaces a higher one. */
    public Mark raise(String lessonId, Mark m) {
        Mark now = mark(lessonId);
        if (m.compareTo(now) > 0) {
            node.put(lessonId, m.name());
            listeners.forEach(Runnable::run);
            return m;
        }
        return now;
    }
}
