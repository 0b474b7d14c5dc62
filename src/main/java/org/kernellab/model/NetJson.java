package org.kernellab.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;

/**
 * A {@link Net}'s JSON form, in PyTorch's words so that a student reads it as the {@code nn.Sequential} it is:
 * {@code {"input": [1, 28, 28], "layers": [{"type": "Conv2d", "out_channels": 16, "kernel_size": 5, "stride": 2,
 * "padding": 2}, {"type": "BatchNorm2d"}, {"type": "ReLU"}, {"type": "AvgPool2d", "kernel_size": 2}, {"type": "Flatten"},
 * {"type": "Linear", "out_features": 10}]}}. Module and argument names as in {@code torch.nn}, with its defaults; an
 * argument the app cannot honour (groups, another padding mode) is refused by name, never ignored.
 */
final class NetJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<String, Set<String>> ARGS = Map.ofEntries(
            Map.entry(
                    "Conv",
                    Set.of(
                            "in_channels",
                            "out_channels",
                            "kernel_size",
                            "stride",
                            "padding",
                            "dilation",
                            "bias",
                            "groups",
                            "padding_mode")),
            Map.entry("BatchNorm", Set.of("num_features", "eps", "momentum", "affine", "track_running_stats")),
            Map.entry("MaxPool", Set.of("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices")),
            Map.entry(
                    "AvgPool",
                    Set.of("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override")),
            Map.entry("AdaptiveAvgPool", Set.of("output_size")),
            Map.entry("ReLU", Set.of("inplace")),
            Map.entry("Dropout", Set.of("p", "inplace")),
            Map.entry("Flatten", Set.of("start_dim", "end_dim")),
            Map.entry("Linear", Set.of("in_features", "out_features", "bias")),
            Map.entry("Softmax", Set.of("dim")));

    private NetJson() {}

    static Net read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ComputeException("net.badJson", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new ComputeException("net.notObject");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("input") && !f.equals("layers")) throw new ComputeException("net.unknownField", f);
        }
        JsonNode in = root.get("input"), layers = root.get("layers");
        if (in == null || !in.isArray() || in.isEmpty()) throw new ComputeException("net.needsInput");
        if (layers == null || !layers.isArray()) throw new ComputeException("net.needsLayers");
        int[] input = new int[in.size()];
        for (int i = 0; i < input.length; i++) input[i] = LayerArgs.whole(in.get(i), "input", "net");
        List<Layer> list = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) list.add(layer(layers.get(i), i + 1, input.length - 1));
        return Net.of(input, list);
    }

    private static Layer layer(JsonNode n, int index, int dims) {
        if (!n.isObject() || !n.path("type").isTextual()) throw new ComputeException("net.layerNeedsType", index);
        String type = n.get("type").asText();
        String family = type.replaceAll("[23]d$", "");
        int axes = type.endsWith("3d") ? 3 : type.endsWith("2d") ? 2 : 0;
        Set<String> allowed = ARGS.get(family);
        boolean spatial = Set.of("Conv", "BatchNorm", "MaxPool", "AvgPool", "AdaptiveAvgPool")
                .contains(family);
        if (allowed == null || spatial == (axes == 0)) throw new ComputeException("net.unknownType", index, type);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("type") && !allowed.contains(f))
                throw new ComputeException(
                        "net.unknownArgument",
                        index,
                        type,
                        f,
                        String.join(", ", allowed.stream().sorted().toList()));
        }
        LayerArgs a = new LayerArgs(n, type, index);
        return switch (family) {
            case "Conv" -> conv(a, axes);
            case "BatchNorm" -> {
                a.only("affine", true);
                a.only("track_running_stats", true);
                yield new Layer.BatchNorm(
                        axes,
                        a.optionalInt("num_features", 0),
                        a.decimal("eps", Layer.BatchNorm.EPS),
                        a.decimal("momentum", Layer.BatchNorm.MOMENTUM));
            }
            case "MaxPool", "AvgPool" -> pool(a, axes, family.equals("MaxPool") ? PoolMode.MAX : PoolMode.AVG);
            case "AdaptiveAvgPool" -> new Layer.AdaptiveAvgPool(axes, a.perAxis("output_size", axes, -1));
            case "Dropout" -> new Layer.Dropout(a.decimal("p", 0.5));
            case "Flatten" -> {
                a.onlyInt("start_dim", 1);
                a.onlyInt("end_dim", -1);
                yield new Layer.Flatten();
            }
            case "Linear" ->
                new Layer.Linear(a.optionalInt("in_features", 0), a.requiredInt("out_features"), a.bool("bias", true));
            case "Softmax" -> {
                int dim = a.optionalInt("dim", 1);
                if (dim != 1 && dim != -1) throw new ComputeException("net.unsupported", index, type, "dim", dim, "1");
                yield new Layer.Softmax();
            }
            default -> new Layer.ReLU();
        };
    }

    private static Layer.Conv conv(LayerArgs a, int axes) {
        a.onlyInt("groups", 1);
        a.onlyText("padding_mode", "zeros");
        int[] k = a.perAxis("kernel_size", axes, -1), d = a.perAxis("dilation", axes, 1);
        int[] p = a.padding(axes, k, d);
        return new Layer.Conv(
                axes,
                a.optionalInt("in_channels", 0),
                a.requiredInt("out_channels"),
                k,
                a.perAxis("stride", axes, 1),
                p,
                d,
                a.bool("bias", true));
    }

    private static Layer.Pool pool(LayerArgs a, int axes, PoolMode mode) {
        if (mode == PoolMode.MAX) {
            a.onlyInt("dilation", 1);
            a.only("return_indices", false);
        } else {
            a.only("count_include_pad", true);
            if (a.n().has("divisor_override") && !a.n().get("divisor_override").isNull()) {
                throw new ComputeException(
                        "net.unsupported",
                        a.index(),
                        a.type(),
                        "divisor_override",
                        a.n().get("divisor_override"),
                        "null");
            }
        }
        int[] k = a.perAxis("kernel_size", axes, -1);
        boolean strideGiven = a.n().has("stride") && !a.n().get("stride").isNull();
        return new Layer.Pool(
                axes,
                mode,
                k,
                strideGiven ? a.perAxis("stride", axes, 1) : k,
                a.perAxis("padding", axes, 0),
                a.bool("ceil_mode", false));
    }

    static String write(Net net) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode in = root.putArray("input");
        for (int d : net.input()) in.add(d);
        ArrayNode layers = root.putArray("layers");
        for (Layer l : net.layers()) layers.add(layer(l));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A layer's object: only what differs from PyTorch's defaults, and the sizes that follow from the input only where they were fixed. */
    static ObjectNode layer(Layer l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", l.type());
        if (l instanceof Layer.Conv c) {
            if (c.in() > 0) o.put("in_channels", c.in());
            o.put("out_channels", c.out());
            axes(o, "kernel_size", c.kernel(), -1);
            axes(o, "stride", c.stride(), 1);
            axes(o, "padding", c.padding(), 0);
            axes(o, "dilation", c.dilation(), 1);
            if (!c.bias()) o.put("bias", false);
        } else if (l instanceof Layer.Pool p) {
            axes(o, "kernel_size", p.kernel(), -1);
            if (!Arrays.equals(p.stride(), p.kernel())) axes(o, "stride", p.stride(), -1);
            axes(o, "padding", p.padding(), 0);
            if (p.ceil()) o.put("ceil_mode", true);
        } else if (l instanceof Layer.AdaptiveAvgPool a) {
            axes(o, "output_size", a.output(), -1);
        } else if (l instanceof Layer.BatchNorm b) {
            if (b.features() > 0) o.put("num_features", b.features());
            if (b.eps() != Layer.BatchNorm.EPS) o.put("eps", b.eps());
            if (b.momentum() != Layer.BatchNorm.MOMENTUM) o.put("momentum", b.momentum());
        } else if (l instanceof Layer.Dropout d) {
            if (d.p() != 0.5) o.put("p", d.p());
        } else if (l instanceof Layer.Linear lin) {
            if (lin.in() > 0) o.put("in_features", lin.in());
            o.put("out_features", lin.out());
            if (!lin.bias()) o.put("bias", false);
        }
        return o;
    }

    private static void axes(ObjectNode o, String key, int[] v, int fallback) {
        if (Arrays.stream(v).allMatch(x -> x == fallback)) return;
        if (Arrays.stream(v).allMatch(x -> x == v[0])) {
            o.put(key, v[0]);
            return;
        }
        ArrayNode a = o.putArray(key);
        for (int x : v) a.add(x);
    }
}
