package org.kernellab.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * Pooling of one channel step by step: for every output cell its window in the padded input, the cells it
 * covers and, for max pooling, the winning cell. Coordinates are in the padded input.
 */
public final class PoolTrace {
    /** One window: the cells it covers ({row, col}), which of them won (max) and the value it gives. */
    public record Step(
            int index,
            int outRow,
            int outCol,
            int top,
            int left,
            List<int[]> cells,
            int[] winner,
            double value,
            int counted) {}

    private final List<Step> steps;
    private final int outH, outW;

    private PoolTrace(List<Step> steps, int outH, int outW) {
        this.steps = List.copyOf(steps);
        this.outH = outH;
        this.outW = outW;
    }

    public static PoolTrace of(Tensor x, PoolMode mode, Window w) {
        if (x.rank() != 2) throw new ComputeException("trace.badRank");
        int[] out = Shapes.require(x.shape(), w, true);
        int h = x.dim(0), wd = x.dim(1), pH = w.padding()[0], pW = w.padding()[1];
        List<Step> steps = new ArrayList<>();
        for (int oy = 0; oy < out[0]; oy++) {
            for (int ox = 0; ox < out[1]; ox++) {
                int top = oy * w.stride()[0], left = ox * w.stride()[1];
                List<int[]> cells = new ArrayList<>();
                double best = Double.NEGATIVE_INFINITY, sum = 0;
                int[] winner = null;
                int counted = 0;
                for (int ky = 0; ky < w.kernel()[0]; ky++) {
                    for (int kx = 0; kx < w.kernel()[1]; kx++) {
                        int r = top + ky, c = left + kx, ir = r - pH, ic = c - pW;
                        if (r >= h + 2 * pH || c >= wd + 2 * pW) continue; // ceil mode's overhang: not a cell at all
                        cells.add(new int[] {r, c});
                        counted++;
                        if (ir < 0 || ic < 0 || ir >= h || ic >= wd) continue; // padding: −∞ for max, 0 for the average
                        double v = x.get(ir, ic);
                        sum += v;
                        if (v > best) {
                            best = v;
                            winner = new int[] {r, c};
                        }
                    }
                }
                double value = mode == PoolMode.MAX ? best : sum / counted;
                steps.add(new Step(
                        steps.size(), oy, ox, top, left, cells, mode == PoolMode.MAX ? winner : null, value, counted));
            }
        }
        return new PoolTrace(steps, out[0], out[1]);
    }

    public List<Step> steps() {
        return steps;
    }

    public int outHeight() {
        return outH;
    }

    public int outWidth() {
        return outW;
    }
}
