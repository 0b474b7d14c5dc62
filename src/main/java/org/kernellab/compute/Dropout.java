package org.kernellab.compute;

import java.util.Random;

/**
 * Inverted dropout, as PyTorch's nn.Dropout does it in training: each value is zeroed with probability p and the others
 * are multiplied by 1/(1−p), so that the mean stays where it was and evaluation uses the values as they are.
 */
public final class Dropout {
    private Dropout() {}

    /** A mask for {@code n} values: 0 with probability {@code p}, else 1/(1−p). */
    public static float[] mask(int n, double p, Random rnd) {
        if (!(p >= 0 && p < 1)) throw new ComputeException("train.badDropout", p);
        float keep = (float) (1 / (1 - p));
        float[] m = new float[n];
        for (int i = 0; i < n; i++) m[i] = rnd.nextDouble() < p ? 0f : keep;
        return m;
    }

    /** The values times the mask, one by one. */
    public static float[] apply(float[] values, float[] mask) {
        if (values.length != mask.length)
            throw new IllegalArgumentException(values.length + " values, " + mask.length + " mask entries");
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] * mask[i];
        return out;
    }
}
