package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A {@link Net3DSpec} on ND4J's conv3d and maxpool3d ops, forward and backward written out as for the 2D {@link Network}:
 * activations in NDHWC (oneDNN's fast layout), ReLU after max pooling where a block pools (the two commute), every buffer
 * allocated once per batch size, the parameters in one flat vector updated by Adam in one call.
 */
public final class Network3D implements AutoCloseable {
    private final Net3DSpec spec;
    private final int[][] sides;
    private final INDArray params, grads;
    private final GradientUpdater<?> updater;
    private final List<INDArray> convW = new ArrayList<>(), convB = new ArrayList<>(), convGW = new ArrayList<>(), convGB = new ArrayList<>();
    private final INDArray w1, b1, w2, b2, gw1, gb1, gw2, gb2;
    private final int features;
    private Batch batch;
    private int iteration;

    /** The arrays of one batch size: per block its convolution's output and its pooled output, with their gradients. */
    private final class Batch {
        final int n;
        final INDArray cols, gW0, hidden, gHidden, mask, logits, probs, gLogits, onehot, ones;
        final INDArray[] conv, pool, gConv, gPool;

        Batch(int n) {
            this.n = n;
            int g = spec.grid(), blocks = sides.length;
            // the first convolution has one input channel: it runs as one GEMM of the grids' windows (im2col, a column
            // of ones last, so the bias rides along) with its weights and bias, adjacent in the parameter vector
            int taps = (int) Math.pow(spec.blocks().get(0).kernel(), 3);
            cols = Nd4j.create(DataType.FLOAT, taps + 1, (long) n * cube(sides[0][0])); // one row per tap: contiguous runs to write
            gW0 = Nd4j.create(DataType.FLOAT, taps + 1, spec.blocks().get(0).out());
            conv = new INDArray[blocks];
            pool = new INDArray[blocks];
            gConv = new INDArray[blocks];
            gPool = new INDArray[blocks];
            for (int k = 0; k < blocks; k++) {
                int f = spec.blocks().get(k).out(), c = sides[k][0], p = sides[k][1];
                conv[k] = Nd4j.create(DataType.FLOAT, n, c, c, c, f);
                gConv[k] = conv[k].like();
                pool[k] = spec.blocks().get(k).pool() ? Nd4j.create(DataType.FLOAT, n, p, p, p, f) : conv[k];
                gPool[k] = spec.blocks().get(k).pool() ? pool[k].like() : gConv[k];
            }
            hidden = Nd4j.create(DataType.FLOAT, n, Net3DSpec.HIDDEN);
            gHidden = hidden.like();
            mask = hidden.like();
            logits = Nd4j.create(DataType.FLOAT, n, spec.classes());
            probs = logits.like();
            gLogits = logits.like();
            onehot = logits.like();
            ones = Nd4j.ones(DataType.FLOAT, 1, n);
        }

        INDArray features() { return pool[pool.length - 1].reshape(n, Network3D.this.features); }

        INDArray gFeatures() { return gPool[gPool.length - 1].reshape(n, Network3D.this.features); }

        void close() {
            for (INDArray a : new INDArray[] {cols, gW0, hidden, gHidden, mask, logits, probs, gLogits, onehot, ones}) a.close();
            for (int k = 0; k < conv.length; k++) {
                conv[k].close();
                gConv[k].close();
                if (pool[k] != conv[k]) {
                    pool[k].close();
                    gPool[k].close();
                }
            }
        }
    }

    public Network3D(Net3DSpec spec) {
        this.spec = spec;
        this.sides = spec.sides();
        List<long[]> shapes = new ArrayList<>();
        int in = 1;
        for (Net3DSpec.Block b : spec.blocks()) {
            shapes.add(new long[] {b.kernel(), b.kernel(), b.kernel(), in, b.out()}); // ND4J's [kD, kH, kW, iC, oC]
            shapes.add(new long[] {b.out()});
            in = b.out();
        }
        int last = sides[sides.length - 1][1];
        features = last * last * last * in;
        shapes.add(new long[] {features, Net3DSpec.HIDDEN});
        shapes.add(new long[] {1, Net3DSpec.HIDDEN});
        shapes.add(new long[] {Net3DSpec.HIDDEN, spec.classes()});
        shapes.add(new long[] {1, spec.classes()});
        long total = 0;
        for (long[] s : shapes) total += count(s);
        params = Nd4j.create(DataType.FLOAT, 1, total);
        grads = Nd4j.create(DataType.FLOAT, 1, total);
        List<INDArray> p = new ArrayList<>(), g = new ArrayList<>();
        long off = 0;
        for (long[] s : shapes) {
            long n = count(s);
            p.add(params.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + n)).reshape('c', s));
            g.add(grads.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + n)).reshape('c', s));
            off += n;
        }
        for (int k = 0; k < spec.blocks().size(); k++) {
            convW.add(p.get(2 * k));
            convB.add(p.get(2 * k + 1));
            convGW.add(g.get(2 * k));
            convGB.add(g.get(2 * k + 1));
        }
        int f = 2 * spec.blocks().size();
        w1 = p.get(f);
        b1 = p.get(f + 1);
        w2 = p.get(f + 2);
        b2 = p.get(f + 3);
        gw1 = g.get(f);
        gb1 = g.get(f + 1);
        gw2 = g.get(f + 2);
        gb2 = g.get(f + 3);
        Adam adam = new Adam(spec.lr());
        updater = adam.instantiate(Nd4j.create(DataType.FLOAT, 1, adam.stateSize(total)), true);
        // He initialisation (normal, variance 2 / fan-in), zero biases
        Random rnd = new Random(spec.seed());
        in = 1;
        for (int k = 0; k < convW.size(); k++) {
            int kk = spec.blocks().get(k).kernel();
            fill(convW.get(k), rnd, (long) kk * kk * kk * in);
            in = spec.blocks().get(k).out();
        }
        fill(w1, rnd, features);
        fill(w2, rnd, Net3DSpec.HIDDEN);
    }

    public Net3DSpec spec() { return spec; }

    public long parameters() { return params.length(); }

    private static long count(long[] s) {
        long n = 1;
        for (long d : s) n *= d;
        return n;
    }

    private static void fill(INDArray w, Random rnd, long fanIn) {
        float[] v = new float[(int) w.length()];
        double sd = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * sd);
        w.assign(Nd4j.create(v, w.shape(), 'c'));
    }

    private Batch batch(int n) {
        if (batch == null || batch.n != n) {
            if (batch != null) batch.close();
            batch = new Batch(n);
        }
        return batch;
    }

    private static int[] convArgs(Net3DSpec.Block b) {
        int k = b.kernel(), s = b.stride(), p = b.padding();
        return new int[] {k, k, k, s, s, s, p, p, p, 1, 1, 1, 0, 1, 0}; // valid padding mode, NDHWC, [kD, kH, kW, iC, oC]
    }

    private static final int[] POOL = {2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 0, 1}; // 2×2×2, stride 2, NDHWC

    /**
     * Writes the first convolution's windows of n voxel grids (G³ bytes each, 0 or 1) straight into its im2col buffer, one
     * row per kernel tap (0 outside the padded grid) and a last row of ones: each row is written in runs along the grid's
     * last axis, one tap per core at a time.
     */
    private void load(Batch b, byte[] voxels, int[] index, int from) {
        Net3DSpec.Block first = spec.blocks().get(0);
        int g = spec.grid(), k = first.kernel(), st = first.stride(), p = first.padding(), c = sides[0][0], taps = k * k * k, rows = b.n * cube(c);
        java.nio.FloatBuffer out = b.cols.data().asNioFloat();
        java.util.stream.IntStream.rangeClosed(0, taps).parallel().forEach(t -> {
            float[] row = ROW.get();
            if (row.length < rows) ROW.set(row = new float[rows]);
            if (t == taps) {
                java.util.Arrays.fill(row, 0, rows, 1f);
            } else {
                int kd = t / (k * k), kh = t / k % k, kw = t % k, o = 0;
                for (int i = 0; i < b.n; i++) {
                    int src = index[from + i] * g * g * g;
                    for (int d = 0; d < c; d++) {
                        int x = d * st + kd - p;
                        for (int h = 0; h < c; h++, o += c) {
                            int y = h * st + kh - p;
                            if (x < 0 || y < 0 || x >= g || y >= g) {
                                java.util.Arrays.fill(row, o, o + c, 0f);
                                continue;
                            }
                            int base = src + (x * g + y) * g;
                            for (int w = 0; w < c; w++) {
                                int z = w * st + kw - p;
                                row[o + w] = z >= 0 && z < g ? voxels[base + z] : 0;
                            }
                        }
                    }
                }
            }
            out.put(t * rows, row, 0, rows);
        });
    }

    /** One im2col row per worker thread, reused from batch to batch. */
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);

    private static int cube(int side) { return side * side * side; }

    private INDArray firstWeights() {
        Net3DSpec.Block first = spec.blocks().get(0);
        long n = (long) (first.kernel() * first.kernel() * first.kernel() + 1) * first.out();
        return params.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, n)).reshape('c', n / first.out(), first.out());
    }

    private void forward(Batch b) {
        INDArray in = null;
        for (int k = 0; k < sides.length; k++) {
            Net3DSpec.Block blk = spec.blocks().get(k);
            if (k == 0) {
                Nd4j.gemm(b.cols, firstWeights(), b.conv[0].reshape(b.cols.size(1), blk.out()), true, false, 1.0, 0.0);
            } else {
                Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(in, convW.get(k), convB.get(k)).addOutputs(b.conv[k])
                        .addIntegerArguments(convArgs(blk)).build());
            }
            if (blk.pool()) {
                Nd4j.exec(DynamicCustomOp.builder("maxpool3dnew").addInputs(b.conv[k]).addOutputs(b.pool[k]).addIntegerArguments(POOL).build());
            }
            Transforms.relu(b.pool[k], false);
            in = b.pool[k];
        }
        Nd4j.gemm(b.features(), w1, b.hidden, false, false, 1.0, 0.0);
        b.hidden.addiRowVector(b1);
        Transforms.relu(b.hidden, false);
    }

    private void head(Batch b) {
        Nd4j.gemm(b.hidden, w2, b.logits, false, false, 1.0, 0.0);
        b.logits.addiRowVector(b2);
        Nd4j.exec(new SoftMax(b.logits, b.probs, 1));
    }

    private void backward(Batch b, boolean dropout) {
        b.gLogits.assign(b.probs).subi(b.onehot).divi(b.n);
        Nd4j.gemm(b.hidden, b.gLogits, gw2, true, false, 1.0, 0.0);
        Nd4j.gemm(b.ones, b.gLogits, gb2, false, false, 1.0, 0.0);
        Nd4j.gemm(b.gLogits, w2, b.gHidden, false, true, 1.0, 0.0);
        if (dropout) b.gHidden.muli(b.mask);
        relu(b.hidden, b.gHidden);
        Nd4j.gemm(b.features(), b.gHidden, gw1, true, false, 1.0, 0.0);
        Nd4j.gemm(b.ones, b.gHidden, gb1, false, false, 1.0, 0.0);
        Nd4j.gemm(b.gHidden, w1, b.gFeatures(), false, true, 1.0, 0.0);
        for (int k = sides.length - 1; k >= 0; k--) {
            Net3DSpec.Block blk = spec.blocks().get(k);
            relu(b.pool[k], b.gPool[k]);
            if (blk.pool()) {
                Nd4j.exec(DynamicCustomOp.builder("maxpool3dnew_bp").addInputs(b.conv[k], b.gPool[k]).addOutputs(b.gConv[k])
                        .addIntegerArguments(POOL).build());
            }
            if (k == 0) { // weights and bias at once, through the ones column; the grids need no gradient
                Nd4j.gemm(b.cols, b.gConv[0].reshape(b.cols.size(1), blk.out()), b.gW0, false, false, 1.0, 0.0);
                grads.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, b.gW0.length())).assign(b.gW0.reshape(b.gW0.length()));
            } else {
                Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(b.pool[k - 1], convW.get(k), convB.get(k), b.gConv[k])
                        .addOutputs(b.gPool[k - 1], convGW.get(k), convGB.get(k)).addIntegerArguments(convArgs(blk)).build());
            }
        }
    }

    private static void relu(INDArray out, INDArray grad) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(out, grad).addOutputs(grad).addFloatingPointArguments(0.0).build());
    }

    private void targets(Batch b, byte[] labels, int[] index, int from) {
        float[] t = new float[b.n * spec.classes()];
        for (int i = 0; i < b.n; i++) t[i * spec.classes() + labels[index[from + i]]] = 1f;
        b.onehot.assign(Nd4j.create(t, b.onehot.shape(), 'c'));
    }

    /**
     * One Adam step on grids {@code index[from..to)}; returns the batch's mean loss (before the step) and how many it
     * classified right.
     */
    public synchronized double[] step(byte[] voxels, byte[] labels, int[] index, int from, int to, Random rnd) {
        Batch b = batch(to - from);
        load(b, voxels, index, from);
        targets(b, labels, index, from);
        forward(b);
        boolean dropout = spec.dropout() > 0;
        if (dropout) {
            // inverted dropout on the hidden layer: 0 or 1/(1−p), so evaluation needs no scaling
            float[] m = new float[b.n * Net3DSpec.HIDDEN];
            float keep = (float) (1 / (1 - spec.dropout()));
            for (int i = 0; i < m.length; i++) m[i] = rnd.nextDouble() < spec.dropout() ? 0f : keep;
            b.mask.assign(Nd4j.create(m, b.mask.shape(), 'c'));
            b.hidden.muli(b.mask);
        }
        head(b);
        double[] lossRight = score(b, labels, index, from);
        backward(b, dropout);
        updater.applyUpdater(grads, iteration++, 0);
        params.subi(grads);
        return lossRight;
    }

    /** Class probabilities, {@code classes} per grid, for grids {@code index[from..to)}; no dropout. */
    public synchronized float[] predict(byte[] voxels, int[] index, int from, int to) {
        Batch b = batch(to - from);
        load(b, voxels, index, from);
        forward(b);
        head(b);
        return b.probs.data().asFloat();
    }

    /** The mean loss without dropout, and the gradients left in place, for gradient checks. */
    synchronized double lossAndGradients(byte[] voxels, byte[] labels, int[] index, int from, int to) {
        Batch b = batch(to - from);
        load(b, voxels, index, from);
        targets(b, labels, index, from);
        forward(b);
        head(b);
        double loss = score(b, labels, index, from)[0];
        backward(b, false);
        return loss;
    }

    INDArray params() { return params; }

    /** The parameters as one flat array, in the order {@link NetworkFile} writes them. */
    synchronized float[] parameterValues() { return params.toFloatVector(); }

    /** A network with the given parameters (as {@link #parameterValues} gives them). */
    static Network3D withParameters(Net3DSpec spec, float[] values) {
        Network3D net = new Network3D(spec);
        net.params.assign(Nd4j.create(values, new long[] {1, values.length}, 'c'));
        return net;
    }

    INDArray grads() { return grads; }

    private double[] score(Batch b, byte[] labels, int[] index, int from) {
        float[] p = b.probs.data().asFloat();
        double loss = 0;
        int right = 0, c = spec.classes();
        for (int i = 0; i < b.n; i++) {
            int label = labels[index[from + i]], best = argMax(p, i * c, c);
            loss -= Math.log(Math.max(p[i * c + label], 1e-30f));
            if (best == label) right++;
        }
        return new double[] {loss / b.n, right};
    }

    /** The most probable of {@code classes} probabilities starting at {@code off}. */
    public static int argMax(float[] p, int off, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (p[off + c] > p[off + best]) best = c;
        return best;
    }

    /** Frees the batch buffers (native memory the JVM cannot see); the network reallocates them when used again. */
    public synchronized void releaseBuffers() {
        if (batch != null) batch.close();
        batch = null;
    }

    @Override public synchronized void close() {
        releaseBuffers();
        params.close();
        grads.close();
    }
}
