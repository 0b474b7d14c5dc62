package org.kernellab.compute;

import java.util.List;
import java.util.Locale;
import org.kernellab.i18n.Messages;

/** Why a computation cannot be done, as a message key and its arguments, so each language can say it. */
public record Problem(String key, List<Object> args) {
    public Problem(String key, Object... args) {
        this(key, List.of(args));
    }

    public String message(Locale locale) {
        return Messages.format(locale, key, args.toArray());
    }

    public String english() {
        return message(Locale.ENGLISH);
    }

    /** The reason a failure carries, or, for an unforeseen one, its own words (never a stack trace). */
    public static Problem of(Throwable error) {
        if (error instanceof Explained e) return e.problem();
        return new Problem(
                "error.unexpected",
                error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }
}
