package org.kernellab.lesson;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kernellab.compute.Tensor;

/** A view's initial parameters from a lesson manifest, read with defaults and clear errors. */
public record LessonParams(Map<String, Object> values) {
    public static final LessonParams EMPTY = new LessonParams(Map.of());

    /** These parameters with one more (or replaced). */
    public LessonParams with(String key, Object value) {
        Map<String, Object> m = new HashMap<>(values);
        m.put(key, value);
        return new LessonParams(
                Collections.unmodifiableMap(m)); // a scene's JSON null is a value to be refused, not lost
    }

    public int integer(String key, int fallback) {
        Object v = values.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        throw new IllegalArgumentException("parameter \"" + key + "\" must be a whole number, got " + v);
    }

    public String string(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    /** A rectangular matrix written as a list of rows, or {@code fallback} when absent. */
    public Tensor matrix(String key, Tensor fallback) {
        Object v = values.get(key);
        if (v == null) return fallback;
        if (!(v instanceof List<?> rows) || rows.isEmpty())
            throw new IllegalArgumentException("parameter \"" + key + "\" must be a list of rows");
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            if (!(rows.get(r) instanceof List<?> row) || row.isEmpty())
                throw new IllegalArgumentException(
                        "parameter \"" + key + "\": row " + (r + 1) + " is not a list of numbers");
            m[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!(row.get(c) instanceof Number n))
                    throw new IllegalArgumentException("parameter \"" + key + "\": " + row.get(c) + " is not a number");
                m[r][c] = n.doubleValue();
            }
            if (m[r].length != m[0].length)
                throw new IllegalArgumentException("parameter \"" + key + "\": rows have different lengths");
        }
        return Tensor.of(m);
    }
}
