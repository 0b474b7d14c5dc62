package org.kernellab.model;

import java.nio.FloatBuffer;

/** The samples' bytes as the first activation's floats, channels last. */
final class Inputs {
    private static final float[] GREY = table(1 / 255f, 0), ONE = table(1f, 0);

    private Inputs() {}

    /** Each byte value 0–255 as the samples read it. */
    static float[] table(Samples s) {
        return table(s.scale(), s.shift());
    }

    private static float[] table(float scale, float shift) {
        if (shift == 0 && scale == 1 / 255f && GREY != null) return GREY;
        if (shift == 0 && scale == 1f && ONE != null) return ONE;
        float[] t = new float[256];
        for (int i = 0; i < 256; i++) t[i] = i * scale + shift;
        return t;
    }

    /**
     * Writes the lane's samples into its first activation (N, …, C): each sample's values channels last, only as far
     * along each axis as the plan computes (the rest no output needs).
     */
    static void load(Lane lane) {
        Samples s = lane.samples;
        int[] full = s.shape(), ext = lane.plan.shapes.get(0);
        int c = full[0], size = s.size(), axes = full.length - 1, spatial = size / c;
        int kept = 1;
        for (int a = 0; a < axes; a++) kept *= ext[a];
        int[] at = new int[kept]; // per computed position, its offset in a sample's channel
        for (int k = 0; k < kept; k++) {
            int rest = k, off = 0, stride = 1;
            for (int a = axes - 1; a >= 0; a--) {
                off += rest % ext[a] * stride;
                rest /= ext[a];
                stride *= full[a + 1];
            }
            at[k] = off;
        }
        float[] value = table(s), one = new float[kept * c];
        byte[] v = s.values();
        FloatBuffer dst = lane.b.act[0].data().asNioFloat();
        dst.clear();
        for (int i = 0; i < lane.n; i++) {
            int base = lane.index[lane.from + i] * size;
            for (int ch = 0; ch < c; ch++)
                for (int k = 0; k < kept; k++) one[k * c + ch] = value[v[base + ch * spatial + at[k]] & 0xFF];
            dst.put(one);
        }
    }
}
