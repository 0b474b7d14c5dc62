package org.kernellab.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * Output-size arithmetic of convolution and pooling, PyTorch's rules, with the reason when a setting
 * gives no output. Pure arithmetic: no ND4J, so the UI can call it on every slider move.
 */
public final class Shapes {
    /**
     * The largest size or setting along one axis the app accepts. Far above any lesson, and low enough that
     * every size formula stays exact in 64-bit arithmetic and every output size fits an int.
     */
    public static final int LIMIT = 1_000_000;
    /** The most cells (padded input, output) and multiply-adds one request may need, checked before allocating. */
    public static final long MAX_CELLS = 1L << 24, MAX_MACS = 4_000_000_000L;

    private Shapes() {}

    /** Convolution (always floor): ⌊(i + 2p − d·(k − 1) − 1) / s⌋ + 1. */
    public static AxisSize conv(int input, int kernel, int stride, int padding, int dilation) {
        return axis(input, kernel, stride, padding, dilation, false, false);
    }

    /**
     * Pooling, optionally in ceil mode. PyTorch also demands padding of at most half the window, and in
     * ceil mode drops a last window that would start in the right padding.
     */
    public static AxisSize pool(int input, int kernel, int stride, int padding, boolean ceil) {
        return axis(input, kernel, stride, padding, 1, ceil, true);
    }

    /**
     * Transposed convolution: (i − 1)·s − 2p + d·(k − 1) + 1. Padding here removes cells from the output's
     * border, so too much of it leaves nothing.
     */
    public static AxisSize transposed(int i, int k, int s, int p, int d) {
        Problem bad = invalid(i, k, s, p, d);
        if (bad != null) return new AxisSize(i, k, s, p, d, false, 0, bad, "", false, 0);
        long full = (long) (i - 1) * s + (long) d * (k - 1) + 1;
        long out = full - 2L * p;
        String formula = "(" + i + " − 1)·" + s + " − 2·" + p + " + " + (d == 1 ? "" : d + "·") + "(" + k
                + " − 1) + 1 = " + signed(out);
        if (out < 1)
            return new AxisSize(
                    i, k, s, p, d, false, 0, new Problem("shape.transposedCropped", p, full), formula, false, 0);
        if (out > LIMIT)
            return new AxisSize(
                    i, k, s, p, d, false, 0, new Problem("shape.outputOverLimit", out, LIMIT), formula, false, 0);
        return new AxisSize(i, k, s, p, d, false, (int) out, null, formula, false, 0);
    }

    /** The first setting out of its range, or null. */
    private static Problem invalid(int i, int k, int s, int p, int d) {
        return i < 1
                ? new Problem("shape.badInput", i)
                : k < 1
                        ? new Problem("shape.badKernel", k)
                        : s < 1
                                ? new Problem("shape.badStride", s)
                                : p < 0
                                        ? new Problem("shape.badPadding", p)
                                        : d < 1
                                                ? new Problem("shape.badDilation", d)
                                                : i > LIMIT
                                                        ? new Problem("shape.inputOverLimit", i, LIMIT)
                                                        : k > LIMIT
                                                                ? new Problem("shape.kernelOverLimit", k, LIMIT)
                                                                : s > LIMIT
                                                                        ? new Problem("shape.strideOverLimit", s, LIMIT)
                                                                        : p > LIMIT
                                                                                ? new Problem(
                                                                                        "shape.paddingOverLimit",
                                                                                        p,
                                                                                        LIMIT)
                                                                                : d > LIMIT
                                                                                        ? new Problem(
                                                                                                "shape.dilationOverLimit",
                                                                                                d,
                                                                                                LIMIT)
                                                                                        : null;
    }

    /** A number with a real minus sign, as the rest of the formula is typeset. */
    private static String signed(long n) {
        return n < 0 ? "−" + (-n) : String.valueOf(n);
    }

    /**
     * Refuses a request whose arrays or arithmetic would not fit in memory or finish in seconds, before anything
     * is allocated: huge padding on a tiny input is legal arithmetic but not a sensible thing to materialise.
     */
    public static void checkWork(long paddedInputCells, long outputCells, long multiplyAdds) {
        if (paddedInputCells > MAX_CELLS) throw new ComputeException("work.inputTooLarge", paddedInputCells, MAX_CELLS);
        if (outputCells > MAX_CELLS) throw new ComputeException("work.outputTooLarge", outputCells, MAX_CELLS);
        if (multiplyAdds > MAX_MACS) throw new ComputeException("work.tooManyOperations", multiplyAdds, MAX_MACS);
    }

    /** Refuses a convolution of x (N, C, spatial…) with weights (F, C, kernel…) too large to run; out: its spatial size. */
    static void checkConvWork(int[] x, int[] weights, Window w, int[] out) {
        long padded = cells(x[0], x[1]), outCells = cells(x[0], weights[0]), taps = 1;
        for (int a = 0; a < out.length; a++) {
            padded = cells(padded, x[a + 2] + 2L * w.padding()[a]);
            outCells = cells(outCells, out[a]);
            taps = cells(taps, w.kernel()[a]);
        }
        checkWork(padded, outCells, cells(outCells, x[1], taps));
    }

    /**
     * Refuses a transposed convolution of x (N, C, H, W) with weights (C, F, kH, kW) too large to run: the whole
     * scatter is made before the padding crops it.
     */
    static void checkTransposedWork(int[] x, int[] weights, Window w) {
        long in = cells(x[0], x[1], x[2], x[3]), scattered = cells(x[0], weights[1]);
        int[] k = w.kernel(), s = w.stride(), d = w.dilation();
        for (int a = 0; a < 2; a++)
            scattered = cells(scattered, (long) (x[a + 2] - 1) * s[a] + (long) d[a] * (k[a] - 1) + 1);
        checkWork(in, scattered, cells(in, weights[1], (long) k[0] * k[1]));
    }

    /** The product of {@code dims}, saturating at {@link Long#MAX_VALUE} instead of wrapping around. */
    public static long cells(long... dims) {
        long n = 1;
        for (long d : dims) {
            if (d != 0 && n > Long.MAX_VALUE / d) return Long.MAX_VALUE;
            n *= d;
        }
        return n;
    }

    static int[] requireTransposed(int[] spatialInput, Window w) {
        int[] out = new int[spatialInput.length];
        for (int a = 0; a < out.length; a++) {
            AxisSize s = transposed(spatialInput[a], w.kernel()[a], w.stride()[a], w.padding()[a], w.dilation()[a]);
            if (!s.ok()) throw new ComputeException(s.problem());
            out[a] = s.output();
        }
        return out;
    }

    /** Every spatial axis of {@code spatialInput} through {@code w}; pooling rules when {@code pooling}. */
    public static List<AxisSize> axes(int[] spatialInput, Window w, boolean pooling) {
        if (spatialInput.length != w.axes()) {
            throw new ComputeException("shape.axesMismatch", spatialInput.length, w.axes());
        }
        List<AxisSize> out = new ArrayList<>();
        for (int i = 0; i < spatialInput.length; i++) {
            out.add(axis(
                    spatialInput[i], w.kernel()[i], w.stride()[i], w.padding()[i], w.dilation()[i], w.ceil(), pooling));
        }
        return out;
    }

    /**
     * PyTorch's AvgPool3d (not its 2D pooling, nor max pooling) also refuses an input smaller than the window before
     * padding: refused here alike, so that a net the app accepts is one PyTorch runs.
     */
    public static void checkAvgPool3d(int[] spatialInput, int[] kernel) {
        for (int a = 0; a < spatialInput.length; a++) {
            if (spatialInput[a] < kernel[a])
                throw new ComputeException("shape.avgPool3dSmall", spatialInput[a], kernel[a]);
        }
    }

    /** The output's spatial sizes, or a {@link ComputeException} with the first axis's reason. */
    public static int[] require(int[] spatialInput, Window w, boolean pooling) {
        List<AxisSize> axes = axes(spatialInput, w, pooling);
        int[] out = new int[axes.size()];
        for (int i = 0; i < out.length; i++) {
            AxisSize a = axes.get(i);
            if (!a.ok()) throw new ComputeException(a.problem());
            out[i] = a.output();
        }
        return out;
    }

    private static AxisSize axis(int i, int k, int s, int p, int d, boolean ceil, boolean pooling) {
        Problem bad = invalid(i, k, s, p, d);
        if (bad != null) return new AxisSize(i, k, s, p, d, ceil, 0, bad, "", false, 0);

        // long: with settings up to LIMIT, d·(k − 1) reaches 10^12
        long span = (long) d * (k - 1) + 1;
        long padded = i + 2L * p;
        long numerator = padded - span;
        String inner = d == 1
                ? "(" + i + " + 2·" + p + " − " + k + ")"
                : "(" + i + " + 2·" + p + " − " + d + "·(" + k + " − 1) − 1)";
        String open = ceil ? "⌈" : "⌊";
        String close = ceil ? "⌉" : "⌋";
        String head = open + inner + " / " + s + close + " + 1";

        if (pooling && 2 * p > k) {
            return new AxisSize(i, k, s, p, d, ceil, 0, new Problem("shape.poolPadding", p, k), head, false, 0);
        }
        // PyTorch's rule, window overhang included: in ceil mode a window wider than the padded input still gives one
        // output where ⌈·⌉ says so (its cells past the edge are not counted)
        long out = (ceil ? Math.floorDiv(numerator + s - 1, s) : Math.floorDiv(numerator, s)) + 1;
        boolean dropped = false;
        if (ceil && out >= 1 && (out - 1) * s >= i + (long) p) {
            out--;
            dropped = true;
        }
        if (out < 1) {
            Problem why = d == 1
                    ? new Problem("shape.kernelTooLarge", k, span, padded)
                    : new Problem("shape.dilatedKernelTooLarge", k, d, span, padded);
            return new AxisSize(i, k, s, p, d, ceil, 0, why, head + " = " + signed(out), false, 0);
        }
        long reach = (out - 1) * s + span;
        long uncovered = Math.max(0, padded - reach);
        String formula = head + " = " + (dropped ? (out + 1) + " − 1 = " + out : String.valueOf(out));
        // padded ≤ 3·LIMIT, so out and uncovered fit an int
        return new AxisSize(i, k, s, p, d, ceil, (int) out, null, formula, dropped, (int) uncovered);
    }
}
