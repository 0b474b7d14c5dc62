package org.kernellab.model;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forward and backward passes of a {@link Network} in evaluation mode on inputs given as floats (a drawn picture, an
 * attacked one between two byte values), on the plain plan where activation {@code a} is layer {@code a − 1}'s output:
 * what explanations, attacks and filter pictures need. A pass seeds the gradient of one activation (the logits, or a
 * filter's output) and reads it back at the input and at one other activation. Values are channels first, per sample,
 * as {@link Samples#floats} gives them (before the normalisation a net trained on normalised pictures applies).
 */
public final class Probe {
    /**
     * The seed gradient at the seeded activation, from its values: {@code n} samples of {@code size} each, samples
     * {@code start ..} of the pass (a lane's share of the batch).
     */
    public interface Seed {
        float[] of(float[] values, int start, int n, int size);
    }

    /**
     * What a pass gave: the logits (n × classes), the input's gradient (n × the input's size), and the captured
     * activation's values and gradient (n × its size, channels first) with its per-sample shape (C, H, W) or (F).
     */
    public record Pass(float[] logits, float[] inputGradient, float[] activation, float[] gradient, int[] shape) {}

    /** The most samples a pass takes at once (a 3D net's hundreds of grids would need gigabytes in one). */
    public static final int CHUNK = 1024;

    private Probe() {}

    /** Activations of {@code net}: 0 the input, then one per layer of the net it computes (a last Softmax is the loss's). */
    public static int activations(Network net) {
        return net.computed.layers().size() + 1;
    }

    /** The layers {@code net} computes (activation {@code a} is layer {@code a − 1}'s output). */
    public static List<Layer> layers(Network net) {
        return net.computed.layers();
    }

    /** Activation {@code a}'s per-sample shape, channels first. */
    public static int[] shape(Network net, int a) {
        return channelsFirst(net.shapes.get(a)); // without waiting on the net's lock
    }

    /**
     * One pass over {@code n} samples {@code x}: forward to the logits, the seed at activation {@code seeded}
     * ({@link #activations} − 1 for the logits) and backward to the input, reading activation {@code captured} (0
     * for none) on the way. Without a seed, the forward pass alone: the logits.
     */
    public static Pass run(Network net, float[] x, int n, int seeded, Seed seed, int captured) {
        synchronized (net) {
            Plan pl = net.lanes.plan(false, false);
            int inSize = (int) pl.size(0), classes = net.classes(), last = pl.ops.size();
            float[] logits = new float[n * classes], gIn = new float[n * inSize];
            int capSize = (int) pl.size(captured), seedSize = (int) pl.size(seeded);
            float[] cap = new float[n * capSize], gCap = new float[n * capSize];
            boolean norm = net.normalizesInputs() && net.net().dims() == 2; // as Network.seen: pictures only
            Samples none = new Samples(new byte[0], new byte[0], net.computed.input(), 1f, false);
            Lanes lanes = net.lanes;
            lanes.oneCoreWithLanes(
                    n,
                    () -> lanes.run(pl, none, new int[n], 0, n, (lane, i, start) -> {
                        load(lane, x, start, inSize, norm);
                        for (Op op : pl.ops) {
                            op.forward(lane, false);
                            if (op.at + 1 == captured) copy(lane.b.act[captured], cap, start, capSize);
                        }
                        copy(lane.b.act[last], logits, start, classes);
                        if (seed == null) return;
                        float[] values = new float[lane.n * seedSize];
                        copy(lane.b.act[seeded], values, 0, seedSize);
                        float[] g = seed.of(values, start, lane.n, seedSize);
                        lane.b.grad[seeded].assign(Nd4j.create(g, firstShape(lane.b.grad[seeded]), 'c')
                                .permute(toLast(lane.b.grad[seeded].rank())));
                        for (int k = seeded - 1; k >= 0; k--) {
                            if (k + 1 == captured) copy(lane.b.grad[captured], gCap, start, capSize);
                            pl.ops.get(k).backward(lane);
                        }
                        copy(lane.b.grad[0], gIn, start, inSize);
                    }));
            if (norm) for (int k = 0; k < gIn.length; k++) gIn[k] *= 2; // d(2x − 1)/dx
            return new Pass(logits, gIn, cap, gCap, channelsFirst(pl.shapes.get(captured)));
        }
    }

    /**
     * The logits of n samples, {@link Network#classes} each: forward passes alone, at most {@link #CHUNK} samples at a
     * time.
     */
    public static float[] logits(Network net, float[] x, int n) {
        int size = x.length / Math.max(1, n), c = net.classes();
        float[] out = new float[n * c];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            float[] part = m == n ? x : Arrays.copyOfRange(x, from * size, (from + m) * size);
            System.arraycopy(run(net, part, m, activations(net) - 1, null, 0).logits(), 0, out, from * c, m * c);
        }
        return out;
    }

    /** The gradient of each sample's logit {@code c[i]} alone. */
    public static Seed logit(int... c) {
        return (v, start, n, size) -> {
            float[] g = new float[n * size];
            for (int i = 0; i < n; i++) g[i * size + c[start + i]] = 1;
            return g;
        };
    }

    /** The gradient of the cross-entropy loss against labels {@code y} summed over the samples: softmax − one-hot. */
    public static Seed loss(int... y) {
        return (v, start, n, size) -> {
            float[] g = Loss.softmax(v, n, size);
            for (int i = 0; i < n; i++) g[i * size + y[start + i]] -= 1;
            return g;
        };
    }

    /** Writes samples {@code start ..} of x (channels first) into the lane's input, channels last. */
    private static void load(Lane lane, float[] x, int start, int size, boolean norm) {
        INDArray in = lane.b.act[0];
        float[] part = new float[lane.n * size];
        System.arraycopy(x, start * size, part, 0, part.length);
        if (norm) for (int k = 0; k < part.length; k++) part[k] = 2 * part[k] - 1;
        in.assign(Nd4j.create(part, firstShape(in), 'c').permute(toLast(in.rank())));
    }

    /** A channels-last batch's shape (N, …, C) as (N, C, …). */
    private static long[] firstShape(INDArray a) {
        long[] s = a.shape(), f = s.clone();
        if (s.length <= 2) return f;
        f[1] = s[s.length - 1];
        System.arraycopy(s, 1, f, 2, s.length - 2);
        return f;
    }

    /** A lane's activation (n, …, C) into {@code out} from sample {@code start} on, channels first. */
    private static void copy(INDArray a, float[] out, int start, int size) {
        float[] v = a.rank() <= 2
                ? a.dup('c').data().asFloat()
                : a.permute(toFirst(a.rank())).dup('c').data().asFloat();
        System.arraycopy(v, 0, out, start * size, v.length);
    }

    /** (N, C, …) axes to (N, …, C). */
    private static int[] toLast(int rank) {
        int[] p = new int[rank];
        for (int a = 1; a + 1 < rank; a++) p[a] = a + 1;
        if (rank > 2) p[rank - 1] = 1;
        else if (rank == 2) p[1] = 1;
        return p;
    }

    /** (N, …, C) axes to (N, C, …). */
    private static int[] toFirst(int rank) {
        int[] p = new int[rank];
        p[1] = rank - 1;
        for (int a = 2; a < rank; a++) p[a] = a - 1;
        return p;
    }

    private static int[] channelsFirst(int[] last) {
        if (last.length == 1) return last.clone();
        int[] s = new int[last.length];
        s[0] = last[last.length - 1];
        System.arraycopy(last, 0, s, 1, last.length - 1);
        return s;
    }
}
