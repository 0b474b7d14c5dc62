package org.kernellab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXFormula;

/** Every shipped lesson, in both languages: its formulas parse as LaTeX, and both texts hold the same ones. */
class LessonTextTest {
    private static final Pattern MATH =
            Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$(?!\\$)(.+?)(?<!\\\\)\\$", Pattern.DOTALL);

    static List<String> formulas(String md) {
        List<String> out = new ArrayList<>();
        Matcher m = MATH.matcher(md);
        while (m.find()) out.add((m.group(1) != null ? m.group(1) : m.group(2)).trim());
        return out;
    }

    @Test
    void everyFormulaParsesAndBothLanguagesShowTheSameMath() {
        Catalog c = LessonLoader.load(LessonLoaderTest.VIEWS, List.of());
        assertTrue(c.lessons().size() >= 8);
        for (Lesson l : c.lessons()) {
            List<String> es = formulas(l.texts().get("es")),
                    en = formulas(l.texts().get("en"));
            assertEquals(en, es, l.id() + ": the same formulas in both languages");
            for (String f : en) {
                try {
                    new TeXFormula(f);
                } catch (RuntimeException e) {
                    throw new AssertionError(l.id() + ": " + f + " does not parse: " + e.getMessage(), e);
                }
            }
        }
    }
}
