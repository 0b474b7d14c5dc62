package org.kernellab.mesh;

import org.kernellab.data.DataException;

/** Whitespace-separated words of a text file, comments (#…) skipped, each knowing its line. */
final class MeshTokens {
    final String name;
    private final String text;
    private int pos, line = 1;

    MeshTokens(String text, String name) {
        this.text = text;
        this.name = name;
    }

    int line() {
        return line;
    }

    long remainingChars() {
        return text.length() - pos;
    }

    boolean hasNext() {
        skipSpace();
        return pos < text.length();
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    String next(String missingKey) throws DataException {
        if (!hasNext()) throw new DataException(missingKey, name, line);
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '#') pos++;
        return text.substring(start, pos);
    }

    /** Skips what is left of {@code onLine} (and nothing of the next line). */
    void skipRestOf(int onLine) {
        while (pos < text.length() && line == onLine && text.charAt(pos) != '\n') pos++;
    }

    int count(String what) throws DataException {
        return count(next("mesh.truncated"), what);
    }

    int count(String word, String what) throws DataException {
        int n = integer(word, name, line);
        if (n < 0 || n > MeshFiles.MAX_ELEMENTS) throw error("mesh.badCount", what, word);
        return n;
    }

    int integer() throws DataException {
        return integer(next("mesh.truncated"), name, line);
    }

    float decimal() throws DataException {
        return decimal(next("mesh.truncated"), name, line);
    }

    DataException error(String key, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = name;
        all[1] = line;
        System.arraycopy(args, 0, all, 2, args.length);
        return new DataException(key, all);
    }

    static int integer(String word, String name, int line) throws DataException {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new DataException("mesh.notInteger", name, line, word);
        }
    }

    static float decimal(String word, String name, int line) throws DataException {
        float f;
        try {
            f = Float.parseFloat(word);
        } catch (NumberFormatException e) {
            throw new DataException("mesh.notNumber", name, line, word);
        }
        if (!Float.isFinite(f) || word.startsWith("0x") || word.startsWith("-0x"))
            throw new DataException("mesh.notNumber", name, line, word);
        return f;
    }
}
