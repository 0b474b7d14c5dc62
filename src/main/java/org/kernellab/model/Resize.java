package org.kernellab.model;

/** Resizing a map of any number of axes as PyTorch's F.interpolate does (linear along each axis, corners not aligned). */
final class Resize {
    private Resize() {}

    /** Values over shape {@code from} (last axis fastest) resized to shape {@code to}, one axis after the other. */
    static float[] linear(float[] values, int[] from, int[] to) {
        float[] v = values;
        int[] shape = from.clone();
        for (int axis = 0; axis < from.length; axis++) {
            v = alongAxis(v, shape, axis, to[axis]);
            shape[axis] = to[axis];
        }
        return v;
    }

    private static float[] alongAxis(float[] v, int[] shape, int axis, int size) {
        int n = shape[axis], outer = 1, inner = 1;
        for (int a = 0; a < axis; a++) outer *= shape[a];
        for (int a = axis + 1; a < shape.length; a++) inner *= shape[a];
        float[] out = new float[outer * size * inner];
        double scale = (double) n / size;
        for (int d = 0; d < size; d++) {
            double src = Math.max(0, scale * (d + 0.5) - 0.5);
            int i0 = Math.min((int) src, n - 1), i1 = i0 < n - 1 ? i0 + 1 : i0;
            float l1 = (float) (src - i0), l0 = 1 - l1;
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++)
                    out[(o * size + d) * inner + i] =
                            l0 * v[(o * n + i0) * inner + i] + l1 * v[(o * n + i1) * inner + i];
        }
        return out;
    }
}
