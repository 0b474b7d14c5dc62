package org.kernellab.compute;

import java.util.Arrays;

/**
 * Convolution and pooling from scratch, with plain loops, as the course writes them in numpy. Slow and
 * obvious on purpose: the tests hold the ND4J path against it, and a lesson shows it side by side.
 * Works for any number of spatial axes.
 */
public final class Reference {
    private Reference() {}

    /** x (N, C, spatial...), w (F, C, k...), bias (F) or null. */
    public static Tensor conv(Tensor x, Tensor w, Tensor bias, Window win) {
        int axes = x.rank() - 2;
        NdOps.checkConvShapes(x, w, bias, axes);
        Window win2 = win.withKernel(Arrays.copyOfRange(w.shape(), 2, w.rank()));
        int[] outSize = Shapes.require(NdOps.spatial(x), win2, false);
        int n = x.dim(0), c = x.dim(1), f = w.dim(0);
        int[] outShape = concat(new int[] {n, f}, outSize);
        Tensor out = Tensor.zeros(outShape);
        int[] kernel = win2.kernel();

        for (int b = 0; b < n; b++) {
            for (int filter = 0; filter < f; filter++) {
                for (int[] o : positions(outSize)) {
                    double sum = bias == null ? 0 : bias.get(filter);
                    for (int ch = 0; ch < c; ch++) {
                        for (int[] k : positions(kernel)) {
                            int[] at = new int[axes];
                            boolean inside = true;
                            for (int a = 0; a < axes; a++) {
                                at[a] = o[a] * win2.stride()[a] + k[a] * win2.dilation()[a] - win2.padding()[a];
                                inside &= at[a] >= 0 && at[a] < x.dim(a + 2);
                            }
                            if (inside) { // a padding cell is zero and adds nothing
                                sum += x.get(concat(new int[] {b, ch}, at)) * w.get(concat(new int[] {filter, ch}, k));
                            }
                        }
                    }
                    out.set(sum, concat(new int[] {b, filter}, o));
                }
            }
        }
        return out;
    }

    /** Transposed convolution: x (N, C, H, W), w (C, F, kH, kW), each input cell scattering the kernel. */
    public static Tensor convTranspose(Tensor x, Tensor w, Tensor bias, Window win) {
        Window wn = win.withKernel(w.dim(2), w.dim(3));
        int[] out = Shapes.requireTransposed(NdOps.spatial(x), wn);
        int f = w.dim(1);
        Tensor y = Tensor.zeros(x.dim(0), f, out[0], out[1]);
        for (int b = 0; b < x.dim(0); b++) {
            for (int o = 0; o < f; o++) {
                if (bias != null) for (int r = 0; r < out[0]; r++) for (int c = 0; c < out[1]; c++) y.set(bias.get(o), b, o, r, c);
                for (int ch = 0; ch < x.dim(1); ch++) {
                    for (int i = 0; i < x.dim(2); i++) {
                        for (int j = 0; j < x.dim(3); j++) {
                            for (int ky = 0; ky < w.dim(2); ky++) {
                                for (int kx = 0; kx < w.dim(3); kx++) {
                                    int r = i * wn.stride()[0] + ky * wn.dilation()[0] - wn.padding()[0];
                                    int c = j * wn.stride()[1] + kx * wn.dilation()[1] - wn.padding()[1];
                                    if (r < 0 || c < 0 || r >= out[0] || c >= out[1]) continue; // cropped by the padding
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

    /** Max or average pooling of x (N, C, spatial...), average counting padding cells as zeros. */
    public static Tensor pool(Tensor x, PoolMode mode, Window win) {
        int axes = x.rank() - 2;
        int[] outSize = Shapes.require(NdOps.spatial(x), win, true);
        Tensor out = Tensor.zeros(concat(new int[] {x.dim(0), x.dim(1)}, outSize));
        for (int b = 0; b < x.dim(0); b++) {
            for (int ch = 0; ch < x.dim(1); ch++) {
                for (int[] o : positions(outSize)) {
                    double best = Double.NEGATIVE_INFINITY, sum = 0;
                    int counted = 0;
                    for (int[] k : positions(win.kernel())) {
                        int[] at = new int[axes];
                        boolean inside = true, inPadded = true;
                        for (int a = 0; a < axes; a++) {
                            at[a] = o[a] * win.stride()[a] + k[a] - win.padding()[a];
                            inside &= at[a] >= 0 && at[a] < x.dim(a + 2);
                            // ceil mode's last window may hang past the right padding: those cells are not counted
                            inPadded &= at[a] < x.dim(a + 2) + win.padding()[a];
                        }
                        if (inPadded) counted++;
                        if (inside) {
                            double v = x.get(concat(new int[] {b, ch}, at));
                            best = Math.max(best, v);
                            sum += v;
                        }
                    }
                    out.set(mode == PoolMode.MAX ? best : sum / counted, concat(new int[] {b, ch}, o));
                }
            }
        }
        return out;
    }

    /** Every index of a box of the given sizes, last axis fastest. */
    static Iterable<int[]> positions(int[] sizes) {
        int total = Arrays.stream(sizes).reduce(1, (p, q) -> p * q);
        return () -> new java.util.Iterator<>() {
            int next = 0;

            @Override public boolean hasNext() { return next < total; }

            @Override public int[] next() {
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
