package org.kernellab.compute;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The course's from-scratch exercise: the same random arrays ({@code np.random.seed}) through {@link Reference}'s loops
 * and through ND4J, with the largest difference between the two results and each one's time per call.
 */
public final class SideBySide {
    public enum Op {
        CONV,
        MAX_POOL,
        AVG_POOL
    }

    /**
     * The notebook's settings: m examples of n_C_prev channels, n_H_prev = n_W_prev, n_C filters (convolution only) of
     * f×f, pad and stride.
     */
    public record Setup(Op op, int m, int nCPrev, int nPrev, int nC, int f, int pad, int stride, long seed) {
        /** The notebook's convolution: (10, 4, 7, 7), 8 filters of 3×3, pad 1, stride 2 → (10, 8, 4, 4). */
        public static Setup courseConv() {
            return new Setup(Op.CONV, 10, 4, 7, 8, 3, 1, 2, 1);
        }

        /** The notebook's pooling: (10, 3, 10, 10), f = 2, stride 2 → (10, 3, 5, 5). */
        public static Setup coursePool(Op op) {
            return new Setup(op, 10, 3, 10, 8, 2, 0, 2, 1);
        }

        Window window() {
            return Window.square(f, stride, pad);
        }
    }

    /**
     * @param input    x, drawn first: {@code np.random.randn(m, n_C_prev, n_H_prev, n_W_prev)}
     * @param weights  W then b, drawn after x for a convolution; null for pooling
     * @param maxDiff  the largest |from scratch − ND4J| over every value
     * @param calls    how many calls each time is the mean of
     */
    public record Result(
            Setup setup,
            Tensor input,
            Tensor weights,
            Tensor bias,
            Tensor scratch,
            Tensor library,
            double maxDiff,
            double scratchMillis,
            double libraryMillis,
            int calls) {
        /** How many times faster ND4J ran than the loops. */
        public double speedup() {
            return scratchMillis / libraryMillis;
        }
    }

    private SideBySide() {}

    /**
     * Runs both; the times are means over repeated calls until each has run for about {@code budgetMillis} (at least once).
     * Returns null when {@code cancelled} says so between calls.
     */
    public static Result run(Setup s, double budgetMillis, BooleanSupplier cancelled) {
        Window win = s.window();
        NumpyRandom rnd = new NumpyRandom(s.seed());
        Tensor x = rnd.randn(s.m(), s.nCPrev(), s.nPrev(), s.nPrev());
        Tensor w = null, b = null;
        if (s.op() == Op.CONV) {
            w = rnd.randn(s.nC(), s.nCPrev(), s.f(), s.f());
            b = rnd.randn(s.nC());
        }
        Tensor fw = w, fb = b;
        PoolMode mode = s.op() == Op.MAX_POOL ? PoolMode.MAX : PoolMode.AVG;
        Supplier<Tensor> scratch =
                s.op() == Op.CONV ? () -> Reference.conv(x, fw, fb, win) : () -> Reference.pool(x, mode, win);
        Supplier<Tensor> library =
                s.op() == Op.CONV ? () -> NdOps.conv(x, fw, fb, win) : () -> NdOps.pool(x, mode, win);
        Tensor zs = scratch.get(), zl = library.get(); // also the warm-up of both
        double diff = 0;
        for (int i = 0; i < zs.size(); i++) diff = Math.max(diff, Math.abs(zs.data()[i] - zl.data()[i]));
        double[] ts = time(scratch, budgetMillis, cancelled), tl = time(library, budgetMillis, cancelled);
        if (ts == null || tl == null) return null;
        return new Result(s, x, w, b, zs, zl, diff, ts[0], tl[0], (int) Math.min(ts[1], tl[1]));
    }

    /** {mean milliseconds per call, calls}, or null when cancelled. */
    private static double[] time(Supplier<Tensor> op, double budgetMillis, BooleanSupplier cancelled) {
        long start = System.nanoTime(), spent;
        int calls = 0;
        do {
            if (cancelled.getAsBoolean()) return null;
            op.get();
            calls++;
            spent = System.nanoTime() - start;
        } while (spent < budgetMillis * 1e6 && calls < 10_000);
        return new double[] {spent / 1e6 / calls, calls};
    }
}
