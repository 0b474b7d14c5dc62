package org.kernellab.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * Transposed convolution of one channel step by step: each input cell scatters the kernel, scaled by its
 * value, into the output. Output coordinates here are in the uncropped output; padding p crops p cells
 * from each side of it.
 */
public final class ScatterTrace {
    /** One scattered copy: the output cells it touches ({row, col}, uncropped) and what it adds to each. */
    public record Step(int index, int inRow, int inCol, double input, List<int[]> cells, List<Double> added) {}

    private final List<Step> steps;
    private final int fullH, fullW;

    private ScatterTrace(List<Step> steps, int fullH, int fullW) {
        this.steps = List.copyOf(steps);
        this.fullH = fullH;
        this.fullW = fullW;
    }

    public static ScatterTrace of(Tensor x, Tensor kernel, Window w) {
        if (x.rank() != 2 || kernel.rank() != 2) throw new ComputeException("trace.badRank");
        Window wn = w.withKernel(kernel.dim(0), kernel.dim(1));
        Shapes.requireTransposed(x.shape(), wn);
        return sized(x, kernel, wn);
    }

    /** {@link #of} for sizes already checked: matrices x and kernel through {@code wn} give an output. */
    static ScatterTrace sized(Tensor x, Tensor kernel, Window wn) {
        int fullH = (x.dim(0) - 1) * wn.stride()[0] + wn.dilation()[0] * (kernel.dim(0) - 1) + 1;
        int fullW = (x.dim(1) - 1) * wn.stride()[1] + wn.dilation()[1] * (kernel.dim(1) - 1) + 1;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < x.dim(0); i++) {
            for (int j = 0; j < x.dim(1); j++) {
                List<int[]> cells = new ArrayList<>();
                List<Double> added = new ArrayList<>();
                for (int ky = 0; ky < kernel.dim(0); ky++) {
                    for (int kx = 0; kx < kernel.dim(1); kx++) {
                        cells.add(new int[] {
                            i * wn.stride()[0] + ky * wn.dilation()[0], j * wn.stride()[1] + kx * wn.dilation()[1]
                        });
                        added.add(x.get(i, j) * kernel.get(ky, kx));
                    }
                }
                steps.add(new Step(steps.size(), i, j, x.get(i, j), cells, added));
            }
        }
        return new ScatterTrace(steps, fullH, fullW);
    }

    public List<Step> steps() {
        return steps;
    }

    public int fullHeight() {
        return fullH;
    }

    public int fullWidth() {
        return fullW;
    }

    /** The uncropped output after the first {@code count} steps have scattered. */
    public double[][] partialSum(int count) {
        double[][] out = new double[fullH][fullW];
        for (int s = 0; s < Math.min(count, steps.size()); s++) {
            Step st = steps.get(s);
            for (int t = 0; t < st.cells().size(); t++)
                out[st.cells().get(t)[0]][st.cells().get(t)[1]] += st.added().get(t);
        }
        return out;
    }
}
