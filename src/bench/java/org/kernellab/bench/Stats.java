package org.kernellab.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of timings in milliseconds, as every benchmark reports them: p50, p90, p99 and max. */
final class Stats {
    private Stats() {}

    /** Adds {@code name_p50_ms} … {@code name_max_ms} ({@code p50_ms} … for an empty name) to {@code m}; nothing for no values. */
    static void put(Map<String, Object> m, String name, double[] values) {
        if (values.length == 0) return;
        double[] v = values.clone();
        Arrays.sort(v);
        String p = name.isEmpty() ? "" : name + "_";
        m.put(p + "p50_ms", round(v[v.length / 2]));
        m.put(p + "p90_ms", round(v[rank(v.length, 0.90)]));
        m.put(p + "p99_ms", round(v[rank(v.length, 0.99)]));
        m.put(p + "max_ms", round(v[v.length - 1]));
    }

    static void put(Map<String, Object> m, String name, List<Double> values) {
        put(m, name, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code runs} and the percentiles of {@code ms}. */
    static Map<String, Object> summary(String name, double[] ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", ms.length);
        put(m, name, ms);
        return m;
    }

    /** The nearest-rank percentile's index. */
    private static int rank(int n, double p) {
        return Math.min(n - 1, Math.max(0, (int) Math.ceil(n * p) - 1));
    }

    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
