package org.kernellab.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and bare {@code --flag} options of one subcommand. */
final class Options {
    private final String command;
    private final Map<String, List<String>> values = new HashMap<>();

    /**
     * @param withValue options that take a value
     * @param flags     options that take none
     * @param repeated  options that may be given more than once
     */
    Options(String command, List<String> args, Set<String> withValue, Set<String> flags, Set<String> repeated) {
        this.command = command;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
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

    List<String> all(String name) { return values.getOrDefault(name, List.of()); }

    boolean flag(String name) { return values.containsKey(name); }

    int integer(String name, int fallback) {
        String v = optional(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new CliException("cli.badNumber", name, v);
        }
    }

    /** One value for every axis ({@code 2}) or one per axis ({@code 1,2}). */
    int[] perAxis(String name, int axes, int fallback) {
        String v = optional(name);
        int[] out = new int[axes];
        if (v == null) {
            java.util.Arrays.fill(out, fallback);
            return out;
        }
        String[] parts = v.split("[,x]");
        if (parts.length != 1 && parts.length != axes) throw new CliException("cli.badNumber", name, v);
        for (int a = 0; a < axes; a++) {
            String p = parts[parts.length == 1 ? 0 : a].trim();
            try {
                out[a] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new CliException("cli.badNumber", name, v);
            }
        }
        return out;
    }
}
