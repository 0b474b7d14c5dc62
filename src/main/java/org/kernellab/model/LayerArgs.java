package org.kernellab.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Window;

/** One layer's arguments, read with the layer named in every message. */
record LayerArgs(JsonNode n, String type, int index) {
    String where() {
        return "layer " + index + " (" + type + ")";
    }

    int requiredInt(String key) {
        if (!n.has(key)) throw new ComputeException("net.missingArgument", index, type, key);
        return whole(n.get(key), key, where());
    }

    int optionalInt(String key, int fallback) {
        return n.has(key) && !n.get(key).isNull() ? whole(n.get(key), key, where()) : fallback;
    }

    double decimal(String key, double fallback) {
        if (!n.has(key)) return fallback;
        JsonNode v = n.get(key);
        if (!v.isNumber()) throw new ComputeException("net.badArgument", index, type, key, v, "a number");
        return v.asDouble();
    }

    boolean bool(String key, boolean fallback) {
        if (!n.has(key)) return fallback;
        if (!n.get(key).isBoolean())
            throw new ComputeException("net.badArgument", index, type, key, n.get(key), "true or false");
        return n.get(key).asBoolean();
    }

    void only(String key, boolean value) {
        if (n.has(key) && bool(key, value) != value)
            throw new ComputeException("net.unsupported", index, type, key, n.get(key), value);
    }

    void onlyInt(String key, int value) {
        if (n.has(key) && optionalInt(key, value) != value)
            throw new ComputeException("net.unsupported", index, type, key, n.get(key), value);
    }

    void onlyText(String key, String value) {
        if (n.has(key) && !value.equals(n.get(key).asText()))
            throw new ComputeException("net.unsupported", index, type, key, n.get(key), value);
    }

    /** One number for every axis, or a list of one per axis, as PyTorch takes {@code kernel_size=3} or {@code (3, 5)}. */
    int[] perAxis(String key, int axes, int fallback) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (fallback < 0) throw new ComputeException("net.missingArgument", index, type, key);
            return Window.fill(axes, fallback);
        }
        if (v.isArray()) {
            if (v.size() != axes) throw new ComputeException("net.badArgument", index, type, key, v, axes + " numbers");
            int[] out = new int[axes];
            for (int i = 0; i < axes; i++) out[i] = whole(v.get(i), key, where());
            return out;
        }
        return Window.fill(axes, whole(v, key, where()));
    }

    /** A number, a list, or PyTorch's {@code "valid"} (none) and {@code "same"} (stride 1, an even total padding). */
    int[] padding(int axes, int[] k, int[] d) {
        JsonNode v = n.get("padding");
        if (v == null || !v.isTextual()) return perAxis("padding", axes, 0);
        if (v.asText().equals("valid")) return Window.fill(axes, 0);
        if (!v.asText().equals("same"))
            throw new ComputeException("net.badArgument", index, type, "padding", v, "a number, \"valid\" or \"same\"");
        int[] p = new int[axes];
        for (int i = 0; i < axes; i++) {
            int total = d[i] * (k[i] - 1);
            if (total % 2 != 0) throw new ComputeException("net.sameOdd", index, type);
            p[i] = total / 2;
        }
        if (Arrays.stream(perAxis("stride", axes, 1)).anyMatch(s -> s != 1))
            throw new ComputeException("net.sameStride", index, type);
        return p;
    }

    /** A whole number that fits in an int, else a message naming {@code key} and where it is. */
    static int whole(JsonNode v, String key, String where) {
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber())
            throw new ComputeException("net.notWhole", key, where, v);
        return v.asInt();
    }
}
