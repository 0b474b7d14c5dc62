package org.kernellab.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A teacher's demo: scenes in order, each with a title and a note for the teacher, in each language given.
 *
 * @param title the script's own title by language
 */
public record LessonScript(Map<String, String> title, List<Step> steps) {
    /** What a step does to the view's settings while it is played: nothing, greys them out, or hides them. */
    public enum Controls {
        FREE,
        LOCKED,
        HIDDEN
    }

    /** One step: the scene it opens, its title and note by language, and what happens to the view's settings. */
    public record Step(Map<String, String> title, Map<String, String> note, LessonScene scene, Controls controls) {
        public String title(Locale locale) {
            return pick(title, locale);
        }

        public String note(Locale locale) {
            return pick(note, locale);
        }

        public Step withTitle(Map<String, String> t) {
            return new Step(t, note, scene, controls);
        }

        public Step withNote(Map<String, String> n) {
            return new Step(title, n, scene, controls);
        }

        public Step withControls(Controls c) {
            return new Step(title, note, scene, c);
        }
    }

    public LessonScript {
        steps = List.copyOf(steps);
        title = Map.copyOf(title);
    }

    public String title(Locale locale) {
        return pick(title, locale);
    }

    /** The text in {@code locale}'s language, else in the other one given, else empty. */
    static String pick(Map<String, String> byLanguage, Locale locale) {
        String v = byLanguage.get(locale.getLanguage());
        if (v != null) return v;
        return byLanguage.values().stream().findFirst().orElse("");
    }
}
