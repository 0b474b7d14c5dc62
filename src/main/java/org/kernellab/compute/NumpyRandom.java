package org.kernellab.compute;

/**
 * numpy's legacy generator ({@code np.random.seed(s)}, then {@code np.random.randn(...)}): a Mersenne Twister seeded
 * as numpy seeds it from an integer, and normal values by the polar method, two at a time. With it the app draws the
 * very arrays the course's notebooks draw, so their printed numbers can be checked here. About 4 values in 10,000 differ
 * from numpy's in the last bit, where Java's logarithm rounds differently from the C library's.
 */
public final class NumpyRandom {
    private static final int N = 624, M = 397;
    private final int[] mt = new int[N];
    private int index = N;
    private boolean hasGauss;
    private double gauss;

    /** {@code np.random.seed(seed)}. */
    public NumpyRandom(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }

    private int next() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** {@code np.random.random_sample()}: 53 random bits in [0, 1). */
    public double uniform() {
        long a = (next() >>> 5) & 0xffffffffL, b = (next() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** One value of {@code np.random.randn()}. */
    public double normal() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1, x2, r2;
        do {
            x1 = 2 * uniform() - 1;
            x2 = 2 * uniform() - 1;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1 || r2 == 0);
        double f = Math.sqrt(-2 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code np.random.randn(*shape)}, filled in numpy's order (last axis fastest). */
    public Tensor randn(int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = normal();
        return t;
    }
}
