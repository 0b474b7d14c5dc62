package org.kernellab.compute;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One layer of a chain written as text, the way the command line and the lessons write it:
 * {@code conv:out=7,k=5[,s=1,p=0,d=1,bias=false]}, {@code pool:k=2[,s=2,p=0,mode=max|avg,ceil]}
 * (also {@code maxpool:…}, {@code avgpool:…}), {@code adaptiveavgpool:out=6}, {@code relu}, {@code dropout[:p=0.5]},
 * {@code flatten}, {@code linear:out=10}. Per-axis values are written with {@code x}: {@code k=3x5}. A conv or linear
 * layer may fix what it takes, {@code in=3}, as a PyTorch module does: another input is then refused.
 */
public record LayerSpec(Kind kind, Map<String, String> options, String text) {
    public enum Kind { CONV, POOL, ADAPTIVE_POOL, RELU, DROPOUT, FLATTEN, LINEAR }

    private static final Map<Kind, Set<String>> ALLOWED = Map.of(
            Kind.CONV, Set.of("in", "out", "k", "s", "p", "d", "bias"),
            Kind.POOL, Set.of("k", "s", "p", "mode", "ceil"),
            Kind.ADAPTIVE_POOL, Set.of("out"),
            Kind.RELU, Set.of(),
            Kind.DROPOUT, Set.of("p"),
            Kind.FLATTEN, Set.of(),
            Kind.LINEAR, Set.of("in", "out", "bias"));

    public static LayerSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        Map<String, String> opts = new LinkedHashMap<>();
        Kind kind = switch (name) {
            case "conv", "conv2d", "conv3d" -> Kind.CONV;
            case "pool" -> Kind.POOL;
            case "maxpool", "maxpool2d", "maxpool3d" -> { opts.put("mode", "max"); yield Kind.POOL; }
            case "avgpool", "avgpool2d", "avgpool3d" -> { opts.put("mode", "avg"); yield Kind.POOL; }
            case "adaptiveavgpool", "adaptiveavgpool2d", "adaptiveavgpool3d" -> Kind.ADAPTIVE_POOL;
            case "relu" -> Kind.RELU;
            case "dropout" -> Kind.DROPOUT;
            case "flatten" -> Kind.FLATTEN;
            case "linear", "dense", "fc" -> Kind.LINEAR;
            default -> throw new ComputeException("layer.unknown", text);
        };
        if (colon >= 0) {
            Set<String> given = new java.util.HashSet<>();
            for (String part : t.substring(colon + 1).split(",", -1)) {
                String p = part.trim();
                if (p.isEmpty()) throw new ComputeException("layer.emptyOption", text);
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "true" : p.substring(eq + 1).trim();
                if (!ALLOWED.get(kind).contains(key)) throw new ComputeException("layer.unknownOption", key, text);
                if (!given.add(key)) throw new ComputeException("layer.repeatedOption", key, text);
                opts.put(key, value);
            }
        }
        boolean needsOut = kind == Kind.CONV || kind == Kind.LINEAR || kind == Kind.ADAPTIVE_POOL;
        if (needsOut && !opts.containsKey("out")) throw new ComputeException("layer.needsOption", "out", text);
        if (kind == Kind.CONV && !opts.containsKey("k")) throw new ComputeException("layer.needsOption", "k", text);
        if (kind == Kind.POOL && !opts.containsKey("k")) throw new ComputeException("layer.needsOption", "k", text);
        LayerSpec spec = new LayerSpec(kind, Map.copyOf(opts), t);
        if (kind == Kind.DROPOUT) spec.dropout();
        return spec;
    }

    /** Dropout's probability of zeroing a value, in [0, 1). */
    public double dropout() {
        String v = options.getOrDefault("p", "0.5");
        double p;
        try {
            p = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ComputeException("layer.badDropout", v, text);
        }
        if (!v.matches("[0-9.eE+-]+") || !(p >= 0 && p < 1)) throw new ComputeException("layer.badDropout", v, text);
        return p;
    }

    public int integer(String key, int fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ComputeException("layer.badNumber", key, v, text);
        }
    }

    public boolean flag(String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ComputeException("layer.badFlag", key, v, text);
        };
    }

    /** A per-axis value such as {@code k=3} or {@code k=3x5} for {@code axes} axes. */
    public int[] perAxis(String key, int axes, int fallback) {
        String v = options.get(key);
        if (v == null) return Window.fill(axes, fallback);
        String[] parts = v.split("x", -1);
        if (parts.length != 1 && parts.length != axes) throw new ComputeException("layer.badAxes", key, v, axes, text);
        int[] out = new int[axes];
        for (int a = 0; a < axes; a++) {
            String p = parts[parts.length == 1 ? 0 : a];
            try {
                out[a] = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new ComputeException("layer.badNumber", key, v, text);
            }
        }
        return out;
    }
}
