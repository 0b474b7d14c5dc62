package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * A display formula cut where a line may break, as a typesetter would: before each relation ({@code =}, arrows,
 * inequalities) and at each wide space ({@code \quad}, {@code \qquad}) of its outer level, never inside braces, brackets,
 * {@code \left…\right} or an environment. The pieces are set one after another and wrap like words, so that a narrow
 * column gets more lines of math in the size of its text rather than one line of smaller math.
 */
final class MathPieces {
    /** A piece's LaTeX; {@code spaced} when a wide space stood before it (more room than a relation's). */
    record Piece(String latex, boolean spaced) {}

    private static final List<String> RELATIONS = List.of(
            "\\longrightarrow",
            "\\rightarrow",
            "\\Rightarrow",
            "\\to",
            "\\approx",
            "\\leq",
            "\\geq",
            "\\le",
            "\\ge",
            "\\neq",
            "=");
    private static final List<String> SPACES = List.of("\\qquad", "\\quad");

    private MathPieces() {}

    static List<Piece> split(String latex) {
        List<Piece> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean spaced = false;
        int depth = 0;
        for (int i = 0; i < latex.length(); ) {
            String rest = latex.substring(i);
            if (depth == 0) {
                String space = starting(rest, SPACES);
                if (space != null) {
                    add(out, piece, spaced);
                    spaced = true; // the next piece stands a wide space away
                    i += space.length();
                    continue;
                }
                String relation = starting(rest, RELATIONS);
                if (relation != null) {
                    if (add(out, piece, spaced)) spaced = false;
                    piece.append(relation);
                    i += relation.length();
                    continue;
                }
            }
            int skip = command(rest);
            depth += opens(rest) - closes(rest);
            piece.append(rest, 0, skip);
            i += skip;
        }
        add(out, piece, spaced);
        return out.isEmpty() ? List.of(new Piece(latex, false)) : out;
    }

    /** Ends the piece so far, if it has any math: true when one was added. */
    private static boolean add(List<Piece> out, StringBuilder piece, boolean spaced) {
        String s = piece.toString().trim();
        piece.setLength(0);
        if (s.isEmpty() || s.matches("(\\\\[,;:! ]|\\s)*")) return false;
        out.add(new Piece(s, spaced && !out.isEmpty()));
        return true;
    }

    /** The command at the start of {@code s} ({@code \name} or an escaped character), or 1 for a plain character. */
    private static int command(String s) {
        if (s.charAt(0) != '\\' || s.length() == 1) return 1;
        int end = 1;
        while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
        return Math.max(2, end);
    }

    private static int opens(String s) {
        if (s.startsWith("\\left") && !letterAt(s, 5)) return 1;
        if (s.startsWith("\\begin")) return 1;
        if (s.startsWith("\\{")) return 0;
        char c = s.charAt(0);
        return c == '{' || c == '(' || c == '[' ? 1 : 0;
    }

    private static int closes(String s) {
        if (s.startsWith("\\right") && !letterAt(s, 6)) return 1;
        if (s.startsWith("\\end")) return 1;
        if (s.startsWith("\\}")) return 0;
        char c = s.charAt(0);
        return c == '}' || c == ')' || c == ']' ? 1 : 0;
    }

    private static String starting(String s, List<String> tokens) {
        for (String t : tokens) if (s.startsWith(t) && (!t.startsWith("\\") || !letterAt(s, t.length()))) return t;
        return null;
    }

    private static boolean letterAt(String s, int i) {
        return i < s.length() && Character.isLetter(s.charAt(i));
    }
}
