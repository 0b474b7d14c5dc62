package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.PoolMode;

/**
 * A {@link Net} compiled into {@link Op}s, with the shape of every activation between them. Three choices, each exact:
 * <ul>
 * <li>{@code fast}: the first convolution reads the samples' bytes itself, a 2D one as im2col and one GEMM, a 3D one on
 * 0/1 grids from their occupied cells ({@link VoxelBlock}, with its ReLU and pooling);</li>
 * <li>{@code swap}: a ReLU followed by a max pooling is computed after it (max and ReLU commute), on a quarter of the
 * values;</li>
 * <li>{@code crop}: where a pooling drops a last odd row, the rows only it would read are not computed, nor the ones only
 * they read, back through the layers without padding (the course's 3D net computes 8³ of its second convolution's 9³).</li>
 * </ul>
 * Looking inside a net (feature maps) uses a plan with none, so that every map is whole and every layer's own.
 */
final class Plan {
    final Net net;
    final List<Op> ops = new ArrayList<>();
    /** Per activation (0: the input), the per-sample shape computed, channels last: (H, W, C), (D, H, W, C) or (F). */
    final List<int[]> shapes = new ArrayList<>();
    /** Whether the first op reads the samples' bytes itself. */
    final boolean readsSamples;
    /** What the plan was made for: the fast paths (swap and crop go with them), samples of 0 and 1 only. */
    final boolean fast, binary;

    Plan(Net net, boolean fast, boolean swap, boolean crop, boolean binary) {
        this.net = net;
        this.fast = fast;
        this.binary = binary;
        List<int[]> full = fullShapes(net);
        List<Layer> layers = net.layers();
        int[][] ext = crop ? crop(full, layers) : full.toArray(new int[0][]);
        Op fused = fast ? FastOps.first(net, ext, binary) : null;
        readsSamples = fused != null;
        shapes.add(ext[0]);
        int i = 0;
        if (fused != null) {
            ops.add(fused);
            shapes.add(ext[fused.last]);
            i = fused.last;
        }
        for (; i < layers.size(); i++) {
            Layer l = layers.get(i);
            int at = ops.size();
            if (swap
                    && l instanceof Layer.ReLU
                    && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof Layer.Pool p
                    && p.mode() == PoolMode.MAX) {
                // the pooling first, on the values before the ReLU; then the ReLU on a quarter of them
                ops.add(Ops.of(net, i + 1, at, ext[i], ext[i + 2]));
                shapes.add(ext[i + 2]);
                ops.add(Ops.of(net, i, at + 1, ext[i + 2], ext[i + 2]));
                shapes.add(ext[i + 2]);
                i++;
            } else {
                ops.add(Ops.of(net, i, at, ext[i], ext[i + 1]));
                shapes.add(ext[i + 1]);
            }
        }
        learns = new boolean[shapes.size()];
        learns[0] = !fast; // the plain plan is also the one explanations take the input's gradient on
        for (int k = 0; k < ops.size(); k++) {
            learns[k + 1] = learns[k]
                    || !Ops.parameterShapes(net.layers().get(ops.get(k).first)).isEmpty();
        }
    }

    /**
     * Per activation, whether a parameter before it learns or it is the plain plan's input: only then does the backward
     * pass need its gradient (in training the input's, a flattened input's or a rectified input's, never).
     */
    private boolean[] learns;

    boolean needsGradient(int activation) {
        return learns[activation];
    }

    /** Each activation's full per-sample shape, channels last. */
    static List<int[]> fullShapes(Net net) {
        List<int[]> out = new ArrayList<>();
        out.add(channelsLast(net.input()));
        for (LayerTable.Row r : net.table(1)) out.add(channelsLast(Arrays.copyOfRange(r.shape(), 1, r.shape().length)));
        return out;
    }

    /** (C, H, W) → (H, W, C); a flat (F) stays. */
    static int[] channelsLast(int[] chw) {
        if (chw.length == 1) return chw.clone();
        int[] s = new int[chw.length];
        System.arraycopy(chw, 1, s, 0, chw.length - 1);
        s[chw.length - 1] = chw[0];
        return s;
    }

    /**
     * The extents to compute, from the end: a layer without padding needs of its input only what its needed outputs'
     * windows reach; layers that need their whole input and give their whole output (BatchNorm's statistics, flatten,
     * padding, ceil mode) stop it. Repeated until no layer that needs whole maps is given part of one.
     */
    private static int[][] crop(List<int[]> full, List<Layer> layers) {
        int n = full.size();
        boolean[] whole = new boolean[n];
        whole[n - 1] = true;
        int[][] ext;
        boolean changed;
        do {
            changed = false;
            ext = new int[n][];
            ext[n - 1] = full.get(n - 1).clone();
            for (int a = n - 2; a >= 0; a--) {
                Layer l = layers.get(a);
                int[] need = whole[a] ? full.get(a).clone() : Ops.needed(l, full.get(a), ext[a + 1]);
                if (need == null) { // the layer needs its whole input and must give its whole output
                    need = full.get(a).clone();
                    if (!Arrays.equals(ext[a + 1], full.get(a + 1))) {
                        whole[a + 1] = true;
                        changed = true;
                    }
                }
                ext[a] = need;
            }
        } while (changed);
        return ext;
    }

    /** Activation {@code a}'s shape for a batch of n: (n, …). */
    long[] batchShape(int a, int n) {
        int[] s = shapes.get(a);
        long[] out = new long[s.length + 1];
        out[0] = n;
        for (int i = 0; i < s.length; i++) out[i + 1] = s[i];
        return out;
    }

    /** Values per sample in activation {@code a}. */
    long size(int a) {
        long v = 1;
        for (int d : shapes.get(a)) v *= d;
        return v;
    }
}
