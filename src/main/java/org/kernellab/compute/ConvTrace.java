package org.kernellab.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * The convolution of one image with one filter, step by step, for animation: for every output cell the
 * window's place in the padded input, each element-wise product, their sum and the bias.
 * Coordinates are in the padded input (row 0 is the first padding row when padding &gt; 0).
 */
public final class ConvTrace {
    /** One tap of the kernel: input cell (padded coordinates) times weight. */
    public record Term(int channel, int row, int col, double input, double weight, boolean padding) {
        public double product() { return input * weight; }
    }

    /** One output cell: the window at (top, left) in the padded input, its terms and their total. */
    public record Step(int index, int outRow, int outCol, int top, int left, List<Term> terms, double sum, double bias) {
        public double value() { return sum + bias; }
    }

    private final List<Step> steps;
    private final int outH, outW;

    private ConvTrace(List<Step> steps, int outH, int outW) {
        this.steps = List.copyOf(steps);
        this.outH = outH;
        this.outW = outW;
    }

    /**
     * @param x      the image, (C, H, W) or (H, W)
     * @param kernel one filter, (C, kH, kW) or (kH, kW)
     */
    public static ConvTrace of(Tensor x, Tensor kernel, double bias, Window w) {
        Tensor img = x.rank() == 2 ? x.reshape(1, x.dim(0), x.dim(1)) : x;
        Tensor k = kernel.rank() == 2 ? kernel.reshape(1, kernel.dim(0), kernel.dim(1)) : kernel;
        if (img.rank() != 3 || k.rank() != 3) throw new ComputeException("trace.badRank");
        if (img.dim(0) != k.dim(0)) throw new ComputeException("conv.channelMismatch", img.dim(0), k.dim(0));
        Window win = w.withKernel(k.dim(1), k.dim(2));
        int[] out = Shapes.require(new int[] {img.dim(1), img.dim(2)}, win, false);
        int sH = win.stride()[0], sW = win.stride()[1], dH = win.dilation()[0], dW = win.dilation()[1];
        int pH = win.padding()[0], pW = win.padding()[1];

        List<Step> steps = new ArrayList<>(out[0] * out[1]);
        for (int oy = 0; oy < out[0]; oy++) {
            for (int ox = 0; ox < out[1]; ox++) {
                int top = oy * sH, left = ox * sW;
                List<Term> terms = new ArrayList<>();
                double sum = 0;
                for (int c = 0; c < k.dim(0); c++) {
                    for (int ky = 0; ky < k.dim(1); ky++) {
                        for (int kx = 0; kx < k.dim(2); kx++) {
                            int r = top + ky * dH, col = left + kx * dW;
                            int ir = r - pH, ic = col - pW;
                            boolean pad = ir < 0 || ic < 0 || ir >= img.dim(1) || ic >= img.dim(2);
                            Term t = new Term(c, r, col, pad ? 0 : img.get(c, ir, ic), k.get(c, ky, kx), pad);
                            terms.add(t);
                            sum += t.product();
                        }
                    }
                }
                steps.add(new Step(steps.size(), oy, ox, top, left, terms, sum, bias));
            }
        }
        return new ConvTrace(steps, out[0], out[1]);
    }

    public List<Step> steps() { return steps; }

    public int outHeight() { return outH; }

    public int outWidth() { return outW; }

    public Step step(int outRow, int outCol) { return steps.get(outRow * outW + outCol); }
}
