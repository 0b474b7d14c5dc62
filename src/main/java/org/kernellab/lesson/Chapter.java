package org.kernellab.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A group of lessons in the navigator, in order. */
public record Chapter(String id, int order, Map<String, String> titles, List<Lesson> lessons) {
    public String title(Locale locale) {
        String v = titles.get(locale.getLanguage());
        return v != null ? v : titles.getOrDefault("en", id);
    }
}
