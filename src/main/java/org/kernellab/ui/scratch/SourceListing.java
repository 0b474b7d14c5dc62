package org.kernellab.ui.scratch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Methods of {@code compute/Reference.java} as shipped beside its class: what the from-scratch lesson runs, shown as
 * it is written. A line's trailing comment is its note (the course's formula for that line).
 */
final class SourceListing {
    static final String RESOURCE = "/org/kernellab/compute/Reference.java";

    /** @param number the line's number in Reference.java */
    record Line(int number, String code, String note) {}

    private final List<String> lines;

    private SourceListing(List<String> lines) {
        this.lines = lines;
    }

    /** The shipped source, or an empty listing when the build left it out. */
    static SourceListing load() {
        try (InputStream in = SourceListing.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return new SourceListing(List.of());
            return new SourceListing(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            return new SourceListing(List.of());
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The method {@code name}, from its signature to its closing brace; empty when not found. */
    List<Line> method(String name) {
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++)
            if (lines.get(i).matches("    public static \\S+ " + name + "\\(.*")) at = i;
        if (at < 0) return List.of();
        List<Line> out = new ArrayList<>();
        for (int i = at; i < lines.size(); i++) {
            out.add(split(i + 1, lines.get(i)));
            if (i > at && lines.get(i).equals("    }")) break;
        }
        return out;
    }

    private static Line split(int number, String line) {
        String text = line.length() >= 4 ? line.substring(4) : line.strip();
        int slash = text.indexOf("//");
        if (slash > 0 && !text.substring(0, slash).isBlank())
            return new Line(
                    number,
                    text.substring(0, slash).stripTrailing(),
                    text.substring(slash + 2).strip());
        return new Line(number, text, "");
    }
}
