package org.kernellab.lesson;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;

/** The student's marks per lesson, kept in java.util.prefs so they survive restarts. */
public final class Progress {
    /** In increasing order: a lesson's mark only ever goes up. */
    public enum Mark {
        NONE,
        VISITED,
        ATTEMPTED,
        SOLVED
    }

    private final Preferences node;
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
        } catch (IllegalArgumentException e) {
            return Mark.NONE;
        }
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
