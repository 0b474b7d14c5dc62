package org.kernellab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key exists in every language, and every key the code uses exists. */
class MessagesTest {
    private static Set<String> keys(Locale l) {
        return new TreeSet<>(Messages.bundle(l).keySet());
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> en = keys(Locale.ENGLISH), es = keys(new Locale("es"));
        Set<String> missingEs = new TreeSet<>(en);
        missingEs.removeAll(es);
        Set<String> missingEn = new TreeSet<>(es);
        missingEn.removeAll(en);
        assertTrue(missingEs.isEmpty(), "missing in Spanish: " + missingEs);
        assertTrue(missingEn.isEmpty(), "missing in English: " + missingEn);
    }

    @Test
    void anApostropheInAMessageWithArgumentsIsDoubled() {
        // MessageFormat reads a lone ' as the start of quoted text: "the course's net, {0}" prints "the courses net,
        // {0}"
        int checked = 0;
        for (Locale l : Messages.LANGUAGES) {
            for (String k : keys(l)) {
                String v = Messages.bundle(l).getString(k);
                if (!v.matches("(?s).*\\{\\d.*")) continue;
                checked++;
                String rest = v.replace("''", "").replace("'{'", "").replace("'}'", "");
                assertTrue(!rest.contains("'"), l + " " + k + ": " + v);
            }
        }
        assertTrue(checked > 200, "only " + checked + " messages with arguments");
    }

    @Test
    void spanishIsReallyTranslated() {
        for (String k : keys(Locale.ENGLISH)) {
            String en = Messages.bundle(Locale.ENGLISH).getString(k),
                    es = Messages.bundle(new Locale("es")).getString(k);
            if (en.length() > 25) assertTrue(!en.equals(es), "not translated: " + k);
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        // keys appear in the code as the first string argument of these calls
        Pattern use = Pattern.compile(
                "(?:\\btr|\\bbind|Problem|ComputeException|CliException|english)\\(\\s*\"([a-z]+\\.[A-Za-z.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        }
        assertTrue(used.size() > 100, "found only " + used.size() + " keys: the pattern no longer matches the code");
        for (Locale l : Messages.LANGUAGES) {
            Set<String> missing = new TreeSet<>();
            for (String k : used) {
                // a key ending in a dot is a prefix completed at run time ("kernel." + name): some key must start with
                // it
                boolean found = k.endsWith(".") ? keys(l).stream().anyMatch(x -> x.startsWith(k)) : keys(l).contains(k);
                if (!found) missing.add(k);
            }
            assertEquals(Set.of(), missing, "keys used in code but missing for " + l);
        }
    }

    @Test
    void everyKeyIsUsedByTheCode() throws IOException {
        // every string literal of the code that looks like a key: whole keys, and prefixes completed at run time
        // ("data.class." + c, key + "Height"): a bundle key is used when one of them is the key or begins it
        Pattern literal = Pattern.compile("\"([a-z][A-Za-z0-9]*\\.[A-Za-z0-9.]*)\"");
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) literals.add(m.group(1));
            }
        }
        Set<String> unused = new TreeSet<>();
        for (String k : keys(Locale.ENGLISH)) if (literals.stream().noneMatch(k::startsWith)) unused.add(k);
        assertEquals(Set.of(), unused, "keys in the bundles that no code uses");
    }

    @Test
    void everyPatternFormats() {
        for (Locale l : Messages.LANGUAGES) {
            for (String k : keys(l)) {
                String out = Messages.format(l, k, 1, 2, 3, 4, 5);
                assertTrue(!out.startsWith("!"), k);
            }
        }
    }
}
