package org.kernellab.compute;

import java.util.AbstractList;
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
        public double product() {
            return input * weight;
        }
    }

    /**
     * One output cell: the window at (top, left) in the padded input, its taps and their total. The taps are
     * kept in flat arrays (a large animation has tens of thousands of them); {@link #terms()} builds the
     * objects for the one step being shown.
     */
    public static final class Step {
        private final int index, outRow, outCol, top, left;
        private final int[] channel, row, col;
        private final double[] input, weight;
        private final boolean[] padding;
        private final double sum, bias;

        Step(
                int index,
                int outRow,
                int outCol,
                int top,
                int left,
                int[] channel,
                int[] row,
                int[] col,
                double[] input,
                double[] weight,
                boolean[] padding,
                double sum,
                double bias) {
            this.index = index;
            this.outRow = outRow;
            this.outCol = outCol;
            this.top = top;
            this.left = left;
            this.channel = channel;
            this.row = row;
            this.col = col;
            this.input = input;
            this.weight = weight;
            this.padding = padding;
            this.sum = sum;
            this.bias = bias;
        }

        public int index() {
            return index;
        }

        public int outRow() {
            return outRow;
        }

        public int outCol() {
            return outCol;
        }

        public int top() {
            return top;
        }

        public int left() {
            return left;
        }

        public double sum() {
            return sum;
        }

        public double bias() {
            return bias;
        }

        public double value() {
            return sum + bias;
        }

        /** How many taps: channels × kernel height × kernel width. */
        public int size() {
            return row.length;
        }

        public int row(int i) {
            return row[i];
        }

        public int col(int i) {
            return col[i];
        }

        public int channel(int i) {
            return channel[i];
        }

        public double input(int i) {
            return input[i];
        }

        public double weight(int i) {
            return weight[i];
        }

        public double product(int i) {
            return input[i] * weight[i];
        }

        public List<Term> terms() {
            List<Term> t = new ArrayList<>(row.length);
            for (int i = 0; i < row.length; i++)
                t.add(new Term(channel[i], row[i], col[i], input[i], weight[i], padding[i]));
            return t;
        }
    }

    private final Tensor img, k;
    private final double bias;
    private final int outH, outW, sH, sW, dH, dW, pH, pW;
    private final List<Step> steps;

    /** For sizes already checked: img (C, H, W) and k (C, kH, kW) through {@code win} give outH × outW. */
    ConvTrace(Tensor img, Tensor k, double bias, Window win, int outH, int outW) {
        this.img = img;
        this.k = k;
        this.bias = bias;
        this.outH = outH;
        this.outW = outW;
        this.sH = win.stride()[0];
        this.sW = win.stride()[1];
        this.dH = win.dilation()[0];
        this.dW = win.dilation()[1];
        this.pH = win.padding()[0];
        this.pW = win.padding()[1];
        // steps are worked out when asked for: an animator shows one at a time, and a large one has hundreds
        this.steps = new AbstractList<>() {
            @Override
            public Step get(int i) {
                return step(i);
            }

            @Override
            public int size() {
                return outH * outW;
            }
        };
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
        return new ConvTrace(img, k, bias, win, out[0], out[1]);
    }

    /** Output cell {@code index} (row by row): its window, every tap and the sum. */
    private Step step(int index) {
        if (index < 0 || index >= outH * outW) throw new IndexOutOfBoundsException(index);
        int oy = index / outW, ox = index % outW, top = oy * sH, left = ox * sW;
        int n = k.dim(0) * k.dim(1) * k.dim(2);
        int[] ch = new int[n], rows = new int[n], cols = new int[n];
        double[] in = new double[n], wt = new double[n];
        boolean[] pad = new boolean[n];
        double sum = 0;
        int t = 0;
        for (int c = 0; c < k.dim(0); c++) {
            for (int ky = 0; ky < k.dim(1); ky++) {
                for (int kx = 0; kx < k.dim(2); kx++, t++) {
                    int r = top + ky * dH, col = left + kx * dW;
                    int ir = r - pH, ic = col - pW;
                    pad[t] = ir < 0 || ic < 0 || ir >= img.dim(1) || ic >= img.dim(2);
                    ch[t] = c;
                    rows[t] = r;
                    cols[t] = col;
                    in[t] = pad[t] ? 0 : img.get(c, ir, ic);
                    wt[t] = k.get(c, ky, kx);
                    sum += in[t] * wt[t];
                }
            }
        }
        return new Step(index, oy, ox, top, left, ch, rows, cols, in, wt, pad, sum, bias);
    }

    /**
     * Which cells of the padded input some tap reaches. Taps form a grid (rows × columns), so a cell is
     * reached when its row and its column both are.
     */
    public boolean[][] covered() {
        int h = img.dim(1) + 2 * pH, w = img.dim(2) + 2 * pW;
        boolean[] rows = new boolean[h], cols = new boolean[w];
        for (int oy = 0; oy < outH; oy++) for (int ky = 0; ky < k.dim(1); ky++) rows[oy * sH + ky * dH] = true;
        for (int ox = 0; ox < outW; ox++) for (int kx = 0; kx < k.dim(2); kx++) cols[ox * sW + kx * dW] = true;
        boolean[][] c = new boolean[h][w];
        for (int r = 0; r < h; r++) for (int col = 0; col < w; col++) c[r][col] = rows[r] && cols[col];
        return c;
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

    public Step step(int outRow, int outCol) {
        return steps.get(outRow * outW + outCol);
    }
}
