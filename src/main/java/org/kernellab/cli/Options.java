package org.kernellab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kernellab.data.DataException;

/**
 * {@code --name value}, {@code --name=value} and bare {@code --flag} options of one subcommand, read strictly: a
 * number is plain ASCII digits (no hex, no NaN, no trailing comma), and every value is checked against its range.
 */
final class Options {
    /** The most text a JSON option may hold, read from a file or standard input. */
    static final long MAX_TEXT = 256L << 20;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");

    private final String command;
    private final InputStream stdin;
    private final Map<String, List<String>> values = new HashMap<>();
    private boolean stdinUsed;

    /**
     * @param withValue options that take a value
     * @param flags     options that take none
     * @param repeated  options that may be given more than once
     */
    Options(String command, List<String> args, Set<String> withValue, Set<String> flags, Set<String> repeated) {
        this(command, args, withValue, flags, repeated, System.in);
    }

    Options(
            String command,
            List<String> args,
            Set<String> withValue,
            Set<String> flags,
            Set<String> repeated,
            InputStream stdin) {
        this.command = command;
        this.stdin = stdin;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) throw new CliException("cli.flagWithValue", name);
                if (values.containsKey(name)) throw new CliException("cli.repeatedOption", name);
                values.put(name, List.of("true"));
                continue;
            }
            if (!withValue.contains(name)) throw new CliException("cli.unknownOption", a, command);
            if (value == null) {
                if (i + 1 >= args.size()) throw new CliException("cli.missingValue", name);
                value = args.get(++i);
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !repeated.contains(name)) throw new CliException("cli.repeatedOption", name);
            list.add(value);
        }
    }

    String required(String name) {
        String v = optional(name);
        if (v == null) throw new CliException("cli.missingOption", name, command);
        return v;
    }

    String optional(String name) {
        List<String> l = values.get(name);
        return l == null ? null : l.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    /**
     * A JSON value written inline, or {@code @FILE} to read it from a file, or {@code -} for standard input (once):
     * large matrices do not fit on a command line.
     */
    String json(String name, boolean required) {
        String v = required ? required(name) : optional(name);
        if (v == null) return null;
        if (v.equals("-")) {
            if (stdinUsed) throw new CliException("cli.stdinTwice", name);
            stdinUsed = true;
            try {
                return decode(name, "standard input", stdin.readNBytes((int) MAX_TEXT + 1));
            } catch (IOException e) {
                throw new CliException("cli.cannotRead", name, "standard input", DataException.why(e));
            }
        }
        if (!v.startsWith("@")) return v;
        String file = v.substring(1);
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) throw new CliException("cli.cannotRead", name, file, "no such file");
            if (Files.size(p) > MAX_TEXT) throw new CliException("cli.textTooLarge", name, file, MAX_TEXT >> 20);
            return decode(name, file, Files.readAllBytes(p));
        } catch (InvalidPathException | IOException e) {
            throw new CliException("cli.cannotRead", name, file, DataException.why(e));
        }
    }

    /** A JSON object given inline ({@code {…}}), as {@code -} for standard input, or as the path of a file holding it (with or without @). */
    String jsonOrFile(String name) {
        String v = optional(name);
        if (v == null) return null;
        String t = v.trim();
        if (t.startsWith("{") || t.equals("-") || t.startsWith("@")) return json(name, true);
        values.put(name, List.of("@" + v));
        return json(name, true);
    }

    private static String decode(String name, String from, byte[] bytes) {
        if (bytes.length > MAX_TEXT) throw new CliException("cli.textTooLarge", name, from, MAX_TEXT >> 20);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CliException("cli.cannotRead", name, from, "not UTF-8 text");
        }
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when the option is absent. */
    int integer(String name, int fallback, int min, int max) {
        String v = optional(name);
        if (v == null) return fallback;
        return integerIn(name, v, v.trim(), min, max);
    }

    /** A decimal number (plain notation, finite) in {@code [min, max]}, or {@code fallback} when absent. */
    double decimal(String name, double fallback, double min, double max) {
        String v = optional(name);
        return v == null ? fallback : decimal(name, v, min, max);
    }

    static double decimal(String name, String v, double min, double max) {
        String t = v.trim();
        if (!DECIMAL.matcher(t).matches()) throw new CliException("cli.badDecimal", name, v);
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) throw new CliException("cli.badDecimal", name, v);
        if (d < min || d > max) throw new CliException("cli.decimalRange", name, v, min, max);
        return d;
    }

    /** One value for every axis ({@code 2}) or one per axis ({@code 1,2}), each in {@code [min, max]}. */
    int[] perAxis(String name, int axes, int fallback, int min, int max) {
        String v = optional(name);
        int[] out = new int[axes];
        if (v == null) {
            Arrays.fill(out, fallback);
            return out;
        }
        String[] parts = v.split("[,x]", -1);
        if (parts.length != 1 && parts.length != axes) throw new CliException("cli.badAxes", name, v, axes);
        for (int a = 0; a < axes; a++) out[a] = integerIn(name, v, parts[parts.length == 1 ? 0 : a].trim(), min, max);
        return out;
    }

    private static int integerIn(String name, String whole, String part, int min, int max) {
        if (!INTEGER.matcher(part).matches()) throw new CliException("cli.badNumber", name, whole);
        long n = Long.parseLong(part);
        if (n < min || n > max) throw new CliException("cli.numberRange", name, whole, min, max);
        return (int) n;
    }
}
