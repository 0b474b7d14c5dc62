package org.kernellab.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Window;

/**
 * The command line's short form of a layer, {@code conv:out=7,k=5[,s=1,p=0,d=1,bias=false]},
 * {@code maxpool:k=2[,s=2,p=0,ceil]}, {@code avgpool:…}, {@code adaptiveavgpool:out=6}, {@code batchnorm[:eps=…,momentum=…]},
 * {@code relu}, {@code dropout[:p=0.5]}, {@code flatten}, {@code linear:out=10}, {@code softmax}; per-axis values joined by
 * {@code x} ({@code k=3x5}); {@code in=3} fixes what a conv or linear layer takes, as a PyTorch module does. Read into a
 * {@link Layer} and written back from one.
 */
public final class LayerText {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "conv",
            Set.of("in", "out", "k", "s", "p", "d", "bias"),
            "pool",
            Set.of("k", "s", "p", "mode", "ceil"),
            "adaptiveavgpool",
            Set.of("out"),
            "batchnorm",
            Set.of("eps", "momentum"),
            "relu",
            Set.of(),
            "dropout",
            Set.of("p"),
            "flatten",
            Set.of(),
            "softmax",
            Set.of(),
            "linear",
            Set.of("in", "out", "bias"));

    private LayerText() {}

    /** A layer for an input with {@code dims} spatial axes (2 or 3; conv and pooling need them). */
    public static Layer parse(String text, int dims) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        Map<String, String> o = new LinkedHashMap<>();
        String kind = kind(name, o, text);
        if (colon >= 0) options(t.substring(colon + 1), kind, o, text);
        int axes = name.endsWith("3d") ? 3 : name.endsWith("2d") ? 2 : dims;
        if (Set.of("conv", "pool", "adaptiveavgpool", "batchnorm").contains(kind) && axes != 2 && axes != 3) {
            throw new ComputeException("chain.needsImage", name, dims + 2);
        }
        return switch (kind) {
            case "conv" ->
                new Layer.Conv(
                        axes,
                        integer(o, "in", 0, text),
                        integer(o, "out", -1, text),
                        perAxis(o, "k", axes, -1, text),
                        perAxis(o, "s", axes, 1, text),
                        perAxis(o, "p", axes, 0, text),
                        perAxis(o, "d", axes, 1, text),
                        flag(o, "bias", true, text));
            case "pool" -> pool(o, axes, text);
            case "adaptiveavgpool" -> new Layer.AdaptiveAvgPool(axes, perAxis(o, "out", axes, -1, text));
            case "batchnorm" ->
                new Layer.BatchNorm(
                        axes,
                        0,
                        decimal(o, "eps", Layer.BatchNorm.EPS, text),
                        decimal(o, "momentum", Layer.BatchNorm.MOMENTUM, text));
            case "dropout" -> new Layer.Dropout(dropout(o.getOrDefault("p", "0.5"), text));
            case "flatten" -> new Layer.Flatten();
            case "softmax" -> new Layer.Softmax();
            case "linear" ->
                new Layer.Linear(integer(o, "in", 0, text), integer(o, "out", -1, text), flag(o, "bias", true, text));
            default -> new Layer.ReLU();
        };
    }

    private static String kind(String name, Map<String, String> o, String text) {
        return switch (name) {
            case "conv", "conv2d", "conv3d" -> "conv";
            case "pool" -> "pool";
            case "maxpool", "maxpool2d", "maxpool3d" -> {
                o.put("mode", "max");
                yield "pool";
            }
            case "avgpool", "avgpool2d", "avgpool3d" -> {
                o.put("mode", "avg");
                yield "pool";
            }
            case "adaptiveavgpool", "adaptiveavgpool2d", "adaptiveavgpool3d" -> "adaptiveavgpool";
            case "batchnorm", "batchnorm2d", "batchnorm3d", "bn" -> "batchnorm";
            case "relu", "dropout", "flatten", "softmax" -> name;
            case "linear", "dense", "fc" -> "linear";
            default -> throw new ComputeException("layer.unknown", text);
        };
    }

    private static void options(String list, String kind, Map<String, String> o, String text) {
        Set<String> given = new HashSet<>();
        for (String part : list.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) throw new ComputeException("layer.emptyOption", text);
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!ALLOWED.get(kind).contains(key)) throw new ComputeException("layer.unknownOption", key, text);
            if (!given.add(key)) throw new ComputeException("layer.repeatedOption", key, text);
            o.put(key, eq < 0 ? "true" : p.substring(eq + 1).trim());
        }
    }

    private static Layer.Pool pool(Map<String, String> o, int axes, String text) {
        int[] k = perAxis(o, "k", axes, -1, text);
        return new Layer.Pool(
                axes,
                PoolMode.parse(o.getOrDefault("mode", "max")),
                k,
                o.containsKey("s") ? perAxis(o, "s", axes, 1, text) : k,
                perAxis(o, "p", axes, 0, text),
                flag(o, "ceil", false, text));
    }

    private static double dropout(String v, String text) {
        if (!v.matches("[0-9.eE+-]+")) throw new ComputeException("layer.badDropout", v, text);
        double p;
        try {
            p = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ComputeException("layer.badDropout", v, text);
        }
        if (!(p >= 0 && p < 1)) throw new ComputeException("layer.badDropout", v, text);
        return p;
    }

    private static double decimal(Map<String, String> o, String key, double fallback, String text) {
        String v = o.get(key);
        if (v == null) return fallback;
        try {
            if (v.matches("[0-9.eE+-]+")) return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ComputeException("layer.badNumber", key, v, text);
    }

    /** An option that must be given ({@code fallback} −1) or defaults. */
    private static int integer(Map<String, String> o, String key, int fallback, String text) {
        String v = o.get(key);
        if (v == null) {
            if (fallback < 0) throw new ComputeException("layer.needsOption", key, text);
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ComputeException("layer.badNumber", key, v, text);
        }
    }

    private static boolean flag(Map<String, String> o, String key, boolean fallback, String text) {
        String v = o.get(key);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ComputeException("layer.badFlag", key, v, text);
        };
    }

    /** A per-axis value such as {@code k=3} or {@code k=3x5} for {@code axes} axes. */
    private static int[] perAxis(Map<String, String> o, String key, int axes, int fallback, String text) {
        String v = o.get(key);
        if (v == null) {
            if (fallback < 0) throw new ComputeException("layer.needsOption", key, text);
            return Window.fill(axes, fallback);
        }
        String[] parts = v.split("x", -1);
        if (parts.length != 1 && parts.length != axes) throw new ComputeException("layer.badAxes", key, v, axes, text);
        int[] out = new int[axes];
        for (int a = 0; a < axes; a++) {
            try {
                out[a] = Integer.parseInt(parts[parts.length == 1 ? 0 : a].trim());
            } catch (NumberFormatException e) {
                throw new ComputeException("layer.badNumber", key, v, text);
            }
        }
        return out;
    }

    /** The layer in this form, only what differs from the defaults: {@code conv:in=3,out=64,k=11,s=4,p=2}. */
    public static String format(Layer l) {
        if (l instanceof Layer.Conv c) {
            return "conv:" + (c.in() > 0 ? "in=" + c.in() + "," : "") + "out=" + c.out() + ",k=" + axes(c.kernel())
                    + opt("s", c.stride(), 1) + opt("p", c.padding(), 0) + opt("d", c.dilation(), 1)
                    + (c.bias() ? "" : ",bias=false");
        }
        if (l instanceof Layer.Pool p) {
            return (p.mode() == PoolMode.MAX ? "maxpool" : "avgpool") + ":k=" + axes(p.kernel())
                    + (Arrays.equals(p.stride(), p.kernel()) ? "" : ",s=" + axes(p.stride())) + opt("p", p.padding(), 0)
                    + (p.ceil() ? ",ceil" : "");
        }
        if (l instanceof Layer.AdaptiveAvgPool a) return "adaptiveavgpool:out=" + axes(a.output());
        if (l instanceof Layer.BatchNorm b) {
            String eps = b.eps() == Layer.BatchNorm.EPS ? "" : "eps=" + b.eps(),
                    m = b.momentum() == Layer.BatchNorm.MOMENTUM ? "" : "momentum=" + b.momentum();
            String opts = eps.isEmpty() ? m : m.isEmpty() ? eps : eps + "," + m;
            return opts.isEmpty() ? "batchnorm" : "batchnorm:" + opts;
        }
        if (l instanceof Layer.Dropout d) return "dropout:p=" + d.p();
        if (l instanceof Layer.Linear lin)
            return "linear:" + (lin.in() > 0 ? "in=" + lin.in() + "," : "") + "out=" + lin.out()
                    + (lin.bias() ? "" : ",bias=false");
        return l.type().toLowerCase(Locale.ROOT);
    }

    private static String axes(int[] v) {
        if (Arrays.stream(v).allMatch(x -> x == v[0])) return String.valueOf(v[0]);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : "x").append(v[i]);
        return b.toString();
    }

    private static String opt(String key, int[] v, int def) {
        return Arrays.stream(v).allMatch(x -> x == def) ? "" : "," + key + "=" + axes(v);
    }
}
