package org.kernellab.compute;

import java.util.Arrays;
import java.util.Iterator;

/**
 * Convolution and pooling from scratch, with plain loops, in the steps and notation of the course's numpy notebook:
 * zero padding, one window ({@code convolve}), the forward pass, max and average pooling; m examples, n_C_prev channels
 * in, n_C filters, f the filter size, pad, stride. Slow and obvious on purpose: the tests hold the ND4J path against it,
 * and the "from scratch" lesson runs it beside ND4J and shows this source. Works for any number of spatial axes (h, w).
 */
public final class Reference {
    private Reference() {}

    /** Step 1, padding: x (m, n_C_prev, n_H_prev, n_W_prev) with {@code pad} cells of {@code value} around each picture. */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        int[] size = x.shape().clone();
        for (int a = 0; a < pad.length; a++) size[a + 2] += 2 * pad[a]; // n_H_prev + 2·pad
        Tensor padded = Tensor.zeros(size);
        if (value != 0) Arrays.fill(padded.data(), value);
        for (int[] at : positions(x.shape())) {
            int[] to = at.clone();
            for (int a = 0; a < pad.length; a++) to[a + 2] += pad[a]; // shifted pad cells in
            padded.set(x.get(at), to);
        }
        return padded;
    }

    /** Step 2, one window: Z = Σ slice · W[c] + b[c], the slice of example i starting at {@code start} in the padded input. */
    public static double convolve(Tensor padded, int i, int[] start, Tensor w, int c, double b, int[] dilation) {
        double sum = 0;
        int[] f = Arrays.copyOfRange(w.shape(), 2, w.rank());
        for (int cPrev = 0; cPrev < w.dim(1); cPrev++) { // every channel of the slice
            for (int[] k : positions(f)) { // every cell of the f×f window
                int[] at = new int[f.length];
                for (int a = 0; a < f.length; a++) at[a] = start[a] + k[a] * dilation[a];
                sum += padded.get(concat(new int[] {i, cPrev}, at))
                        * w.get(concat(new int[] {c, cPrev}, k)); // slice · W
            }
        }
        return sum + b; // + b
    }

    /** Step 3, the forward pass: x (m, n_C_prev, n_H_prev, n_W_prev), w (n_C, n_C_prev, f, f), bias (n_C) or null. */
    public static Tensor conv(Tensor x, Tensor w, Tensor bias, Window win) {
        int axes = x.rank() - 2;
        NdOps.checkConvShapes(x, w, bias, axes);
        Window win2 = win.withKernel(Arrays.copyOfRange(w.shape(), 2, w.rank()));
        int[] n = Shapes.require(NdOps.spatial(x), win2, false); // n_H = ⌊(n_H_prev + 2·pad − f) / stride⌋ + 1
        int m = x.dim(0), nC = w.dim(0);
        Tensor z = Tensor.zeros(concat(new int[] {m, nC}, n)); // Z = zeros(m, n_C, n_H, n_W)
        Tensor padded = pad(x, win2.padding(), 0); // zero padding
        for (int i = 0; i < m; i++) { // each example
            for (int[] hw : positions(n)) { // each output cell (h, w)
                int[] start = new int[axes];
                for (int a = 0; a < axes; a++) start[a] = win2.stride()[a] * hw[a]; // y_start = stride · h
                for (int c = 0; c < nC; c++) { // each filter
                    double b = bias == null ? 0 : bias.get(c);
                    z.set(convolve(padded, i, start, w, c, b, win2.dilation()), concat(new int[] {i, c}, hw));
                }
            }
        }
        return z;
    }

    /** Transposed convolution: x (N, C, H, W), w (C, F, kH, kW), each input cell scattering the kernel. */
    public static Tensor convTranspose(Tensor x, Tensor w, Tensor bias, Window win) {
        Window wn = win.withKernel(w.dim(2), w.dim(3));
        int[] out = Shapes.requireTransposed(NdOps.spatial(x), wn);
        int f = w.dim(1);
        Tensor y = Tensor.zeros(x.dim(0), f, out[0], out[1]);
        for (int b = 0; b < x.dim(0); b++) {
            for (int o = 0; o < f; o++) {
                if (bias != null)
                    for (int r = 0; r < out[0]; r++) for (int c = 0; c < out[1]; c++) y.set(bias.get(o), b, o, r, c);
                for (int ch = 0; ch < x.dim(1); ch++) {
                    for (int i = 0; i < x.dim(2); i++) {
                        for (int j = 0; j < x.dim(3); j++) {
                            for (int ky = 0; ky < w.dim(2); ky++) {
                                for (int kx = 0; kx < w.dim(3); kx++) {
                                    int r = i * wn.stride()[0] + ky * wn.dilation()[0] - wn.padding()[0];
                                    int c = j * wn.stride()[1] + kx * wn.dilation()[1] - wn.padding()[1];
                                    if (r < 0 || c < 0 || r >= out[0] || c >= out[1])
                                        continue; // cropped by the padding
                                    y.set(y.get(b, o, r, c) + x.get(b, ch, i, j) * w.get(ch, o, ky, kx), b, o, r, c);
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    /**
     * Steps 4 and 5, max and average pooling of x (m, n_C_prev, n_H_prev, n_W_prev): the largest or the mean value of
     * each f×f window, channel by channel. Padding cells count as −∞ for the max and as zeros in the mean, as PyTorch
     * does; ceil mode's last window may hang past the padded edge, and those cells are not counted.
     */
    public static Tensor pool(Tensor x, PoolMode mode, Window win) {
        int axes = x.rank() - 2;
        int[] n = Shapes.require(NdOps.spatial(x), win, true); // n_H = ⌊(n_H_prev + 2·pad − f) / stride⌋ + 1
        if (axes == 3 && mode == PoolMode.AVG) Shapes.checkAvgPool3d(NdOps.spatial(x), win.kernel());
        int m = x.dim(0), nC = x.dim(1); // n_C = n_C_prev
        Tensor z = Tensor.zeros(concat(new int[] {m, nC}, n));
        Tensor padded = pad(x, win.padding(), mode == PoolMode.MAX ? Double.NEGATIVE_INFINITY : 0);
        for (int i = 0; i < m; i++) { // each example
            for (int[] hw : positions(n)) { // each output cell (h, w)
                for (int c = 0; c < nC; c++) { // each channel
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    int count = 0;
                    for (int[] k : positions(win.kernel())) { // each cell of the window
                        int[] at = concat(new int[] {i, c}, new int[axes]);
                        boolean inside = true;
                        for (int a = 0; a < axes; a++) {
                            at[a + 2] = win.stride()[a] * hw[a] + k[a]; // y_start + k
                            inside &= at[a + 2] < padded.dim(a + 2);
                        }
                        if (!inside) continue;
                        max = Math.max(max, padded.get(at));
                        sum += padded.get(at);
                        count++;
                    }
                    z.set(
                            mode == PoolMode.MAX ? max : sum / count,
                            concat(new int[] {i, c}, hw)); // max(slice) or mean(slice)
                }
            }
        }
        return z;
    }

    /** Every index of a box of the given sizes, last axis fastest. */
    static Iterable<int[]> positions(int[] sizes) {
        int total = Arrays.stream(sizes).reduce(1, (p, q) -> p * q);
        return () -> new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public int[] next() {
                int[] idx = new int[sizes.length];
                int rest = next++;
                for (int a = sizes.length - 1; a >= 0; a--) {
                    idx[a] = rest % sizes[a];
                    rest /= sizes[a];
                }
                return idx;
            }
        };
    }

    static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
