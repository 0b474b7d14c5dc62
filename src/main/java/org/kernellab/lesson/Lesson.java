package org.kernellab.lesson;

import java.util.Locale;
import java.util.Map;

/**
 * One lesson: its manifest ({@code lesson.json}) and its text in each language ({@code en.md}, {@code es.md}).
 *
 * @param view   the id of the interactive view it embeds
 * @param params that view's initial parameters, as written in the manifest
 * @param source where it was loaded from: "built-in" or a folder on disk
 */
public record Lesson(
        String id,
        String chapter,
        int order,
        Map<String, String> titles,
        String view,
        LessonParams params,
        Map<String, String> texts,
        String source) {

    public String title(Locale locale) {
        return pick(titles, locale);
    }

    public String text(Locale locale) {
        return pick(texts, locale);
    }

    private static String pick(Map<String, String> byLanguage, Locale locale) {
        String v = byLanguage.get(locale.getLanguage());
        return v != null ? v : byLanguage.get("en");
    }
}
