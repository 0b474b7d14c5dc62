package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
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
 * activations in NDHWC (oneDNN's fast layout), ReLU after max pooling where a block pools (the two commute), the
 * parameters in one flat vector updated by Adam in one call. The first block reads 0/1 grids and is computed from their
 * occupied cells ({@link VoxelBlock}).
 *
 * <p>A batch is shared among {@link Trainer#threads()} lanes, each a thread with its own buffers running single-threaded
 * ND4J ops on its share, their gradients added before the step: these layers are too small for ND4J to spread one op over
 * two cores well, and two lanes keep both cores busy through the Java parts too.
 */
public final class Network3D implements AutoCloseable {
    /** Fewer grids than this per lane cost more in overhead than a second core gains. */
    private static final int MIN_PER_LANE = 8;
    private static final int[] POOL = {2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 0, 1}; // 2×2×2, stride 2, NDHWC

    private final Net3DSpec spec;
    /** Per block its convolution's side and its pooled side, as computed: only what later layers read. */
    private final int[] convSide, outSide;
    private final VoxelBlock first;
    private final int firstWeights, features;
    private final List<long[]> shapes = new ArrayList<>();
    private final INDArray params, grads;
    /** The parameters by layer (views of {@link #params}): per block weights and bias, then the two dense layers'. */
    private final List<INDArray> p;
    private final GradientUpdater<?> updater;
    private final List<Lane> lanes = new ArrayList<>();
    private int iteration;

    /**
     * One thread's share of a batch: its grids' activations with their gradients, and its own gradient vector (the
     * first lane's is the net's).
     */
    private final class Lane {
        final INDArray grads;
        final List<INDArray> g;
        /** Buffers for up to {@code capacity} grids; a smaller share uses their first rows. */
        int capacity, n;
        VoxelBlock.Batch voxels;
        INDArray[] full = new INDArray[0];
        INDArray hidden, gHidden, mask, logits, probs, gLogits, onehot, ones;
        INDArray[] conv, pool, gConv, gPool;

        Lane(INDArray grads) {
            this.grads = grads;
            this.g = views(grads);
        }

        /** Buffers for n grids: allocated when n is more than ever before, else views of the first n rows. */
        void size(int n) {
            if (n == this.n) return;
            if (n > capacity) {
                release();
                capacity = n;
                voxels = first.new Batch(n);
                int blocks = outSide.length;
                // per block: conv, pool, their gradients (pool and conv are one array where a block does not pool)
                List<INDArray> all = new ArrayList<>();
                for (int k = 0; k < blocks; k++) {
                    int f = spec.blocks().get(k).out(), c = convSide[k], s = outSide[k];
                    boolean pools = k > 0 && spec.blocks().get(k).pool();
                    INDArray cv = k == 0 ? null : Nd4j.create(DataType.FLOAT, n, c, c, c, f), gc = k == 0 ? null : cv.like();
                    INDArray pl = k == 0 || pools ? Nd4j.create(DataType.FLOAT, n, s, s, s, f) : cv;
                    all.addAll(Arrays.asList(cv, pl, gc, k == 0 || pools ? pl.like() : gc));
                }
                for (int classes : new int[] {Net3DSpec.HIDDEN, Net3DSpec.HIDDEN, Net3DSpec.HIDDEN, spec.classes(), spec.classes(),
                        spec.classes(), spec.classes()}) {
                    all.add(Nd4j.create(DataType.FLOAT, n, classes));
                }
                all.add(Nd4j.ones(DataType.FLOAT, n, 1));
                full = all.toArray(new INDArray[0]);
            }
            this.n = n;
            INDArray[] v = new INDArray[full.length];
            for (int i = 0; i < full.length; i++) v[i] = full[i] == null ? null : full[i].get(NDArrayIndex.interval(0, n));
            int blocks = outSide.length;
            conv = new INDArray[blocks];
            pool = new INDArray[blocks];
            gConv = new INDArray[blocks];
            gPool = new INDArray[blocks];
            for (int k = 0; k < blocks; k++) {
                conv[k] = v[4 * k];
                pool[k] = v[4 * k + 1];
                gConv[k] = v[4 * k + 2];
                gPool[k] = v[4 * k + 3];
            }
            int h = 4 * blocks;
            hidden = v[h];
            gHidden = v[h + 1];
            mask = v[h + 2];
            logits = v[h + 3];
            probs = v[h + 4];
            gLogits = v[h + 5];
            onehot = v[h + 6];
            ones = v[h + 7].reshape(1, n);
        }

        INDArray features() { return pool[pool.length - 1].reshape(n, Network3D.this.features); }

        INDArray gFeatures() { return gPool[gPool.length - 1].reshape(n, Network3D.this.features); }

        void forward(byte[] voxelGrids, int[] index, int from) {
            first.forward(voxels, n, voxelGrids, index, from, pool[0].data().asNioFloat());
            for (int k = 1; k < outSide.length; k++) {
                Net3DSpec.Block blk = spec.blocks().get(k);
                Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(pool[k - 1], p.get(2 * k), p.get(2 * k + 1)).addOutputs(conv[k])
                        .addIntegerArguments(convArgs(blk)).build());
                if (blk.pool()) {
                    Nd4j.exec(DynamicCustomOp.builder("maxpool3dnew").addInputs(conv[k]).addOutputs(pool[k]).addIntegerArguments(POOL).build());
                }
                Transforms.relu(pool[k], false);
            }
            int d = 2 * outSide.length;
            Nd4j.gemm(features(), p.get(d), hidden, false, false, 1.0, 0.0);
            hidden.addiRowVector(p.get(d + 1));
            Transforms.relu(hidden, false);
        }

        void head() {
            int d = 2 * outSide.length;
            Nd4j.gemm(hidden, p.get(d + 2), logits, false, false, 1.0, 0.0);
            logits.addiRowVector(p.get(d + 3));
            Nd4j.exec(new SoftMax(logits, probs, 1));
        }

        /** Gradients of the whole batch's mean loss (over {@code total} grids) from this lane's share. */
        void backward(boolean dropout, int total) {
            int d = 2 * outSide.length;
            gLogits.assign(probs).subi(onehot).divi(total);
            Nd4j.gemm(hidden, gLogits, g.get(d + 2), true, false, 1.0, 0.0);
            Nd4j.gemm(ones, gLogits, g.get(d + 3), false, false, 1.0, 0.0);
            Nd4j.gemm(gLogits, p.get(d + 2), gHidden, false, true, 1.0, 0.0);
            if (dropout) gHidden.muli(mask);
            relu(hidden, gHidden);
            Nd4j.gemm(features(), gHidden, g.get(d), true, false, 1.0, 0.0);
            Nd4j.gemm(ones, gHidden, g.get(d + 1), false, false, 1.0, 0.0);
            Nd4j.gemm(gHidden, p.get(d), gFeatures(), false, true, 1.0, 0.0);
            for (int k = outSide.length - 1; k > 0; k--) {
                Net3DSpec.Block blk = spec.blocks().get(k);
                relu(pool[k], gPool[k]);
                if (blk.pool()) {
                    Nd4j.exec(DynamicCustomOp.builder("maxpool3dnew_bp").addInputs(conv[k], gPool[k]).addOutputs(gConv[k])
                            .addIntegerArguments(POOL).build());
                }
                Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(pool[k - 1], p.get(2 * k), p.get(2 * k + 1), gConv[k])
                        .addOutputs(gPool[k - 1], g.get(2 * k), g.get(2 * k + 1)).addIntegerArguments(convArgs(blk)).build());
            }
            // the first block's weights and bias are the parameter vector's first values; the grids need no gradient
            first.backward(voxels, gPool[0].data().asNioFloat(), grads.data().asNioFloat());
        }

        void targets(byte[] labels, int[] index, int from) {
            float[] t = new float[n * spec.classes()];
            for (int i = 0; i < n; i++) t[i * spec.classes() + labels[index[from + i]]] = 1f;
            onehot.assign(Nd4j.create(t, onehot.shape(), 'c'));
        }

        /** The summed loss of this lane's grids and how many it classified right. */
        double[] score(byte[] labels, int[] index, int from) {
            float[] pr = probs.data().asFloat();
            double loss = 0;
            int right = 0, c = spec.classes();
            for (int i = 0; i < n; i++) {
                int label = labels[index[from + i]];
                loss -= Math.log(Math.max(pr[i * c + label], 1e-30f));
                if (argMax(pr, i * c, c) == label) right++;
            }
            return new double[] {loss, right};
        }

        void release() {
            java.util.Set<INDArray> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (INDArray a : full) if (a != null && distinct.add(a)) a.close();
            full = new INDArray[0];
            capacity = 0;
            n = 0;
            voxels = null;
        }
    }

    public Network3D(Net3DSpec spec) {
        this.spec = spec;
        int[][] sides = spec.sides();
        int blocks = sides.length;
        convSide = new int[blocks];
        outSide = new int[blocks];
        // A max pooling of an odd side drops the last row: the rows only it would read need not be computed, nor the
        // inputs only they read, back to the first block. Cropping from the far end is exact where the convolutions
        // after the first have no padding (padding would be added at the cropped end).
        boolean crop = spec.blocks().stream().skip(1).allMatch(b -> b.padding() == 0);
        outSide[blocks - 1] = sides[blocks - 1][1];
        for (int k = blocks - 1; k > 0; k--) {
            Net3DSpec.Block b = spec.blocks().get(k);
            convSide[k] = crop ? (b.pool() ? 2 * outSide[k] : outSide[k]) : sides[k][0];
            outSide[k - 1] = crop ? (convSide[k] - 1) * b.stride() + b.kernel() : sides[k - 1][1];
        }
        first = new VoxelBlock(spec.grid(), spec.blocks().get(0), outSide[0]);
        int in = 1;
        for (Net3DSpec.Block b : spec.blocks()) {
            shapes.add(new long[] {b.kernel(), b.kernel(), b.kernel(), in, b.out()}); // ND4J's [kD, kH, kW, iC, oC]
            shapes.add(new long[] {b.out()});
            in = b.out();
        }
        Net3DSpec.Block b0 = spec.blocks().get(0);
        firstWeights = (b0.kernel() * b0.kernel() * b0.kernel() + 1) * b0.out();
        int last = outSide[blocks - 1];
        features = last * last * last * in;
        shapes.add(new long[] {features, Net3DSpec.HIDDEN});
        shapes.add(new long[] {1, Net3DSpec.HIDDEN});
        shapes.add(new long[] {Net3DSpec.HIDDEN, spec.classes()});
        shapes.add(new long[] {1, spec.classes()});
        long total = 0;
        for (long[] s : shapes) total += count(s);
        params = Nd4j.create(DataType.FLOAT, 1, total);
        grads = Nd4j.create(DataType.FLOAT, 1, total);
        p = views(params);
        Adam adam = new Adam(spec.lr());
        updater = adam.instantiate(Nd4j.create(DataType.FLOAT, 1, adam.stateSize(total)), true);
        // He initialisation (normal, variance 2 / fan-in), zero biases
        Random rnd = new Random(spec.seed());
        in = 1;
        for (int k = 0; k < blocks; k++) {
            int kk = spec.blocks().get(k).kernel();
            fill(p.get(2 * k), rnd, (long) kk * kk * kk * in);
            in = spec.blocks().get(k).out();
        }
        fill(p.get(2 * blocks), rnd, features);
        fill(p.get(2 * blocks + 2), rnd, Net3DSpec.HIDDEN);
    }

    /** A flat vector's layers, each a view shaped as ND4J's ops take it. */
    private List<INDArray> views(INDArray flat) {
        List<INDArray> v = new ArrayList<>();
        long off = 0;
        for (long[] s : shapes) {
            long n = count(s);
            v.add(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + n)).reshape('c', s));
            off += n;
        }
        return v;
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

    private static int[] convArgs(Net3DSpec.Block b) {
        int k = b.kernel(), s = b.stride(), p = b.padding();
        return new int[] {k, k, k, s, s, s, p, p, p, 1, 1, 1, 0, 1, 0}; // valid padding mode, NDHWC, [kD, kH, kW, iC, oC]
    }

    private static void relu(INDArray out, INDArray grad) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(out, grad).addOutputs(grad).addFloatingPointArguments(0.0).build());
    }

    /**
     * Runs {@code work} on each lane over its share of grids {@code from .. from+n}, in parallel when there are several;
     * returns how many lanes ran.
     */
    private int inLanes(int n, LaneWork work) {
        int count = Math.max(1, Math.min(Trainer.threads(), n / MIN_PER_LANE));
        while (lanes.size() < count) lanes.add(new Lane(lanes.isEmpty() ? grads : grads.like()));
        float[] weights = new float[firstWeights];
        params.data().asNioFloat().get(0, weights);
        first.prepare(weights);
        if (count == 1) {
            lanes.get(0).size(n);
            work.run(lanes.get(0), 0, 0);
            return 1;
        }
        // each lane is one core's work; ops that spread over cores would have OpenMP's idle threads spin on the other lane's core
        IntStream.range(0, count).parallel().forEach(i -> Trainer.onOneCore(() -> {
            int start = i * n / count;
            Lane lane = lanes.get(i);
            lane.size((i + 1) * n / count - start);
            work.run(lane, i, start);
            return null;
        }));
        return count;
    }

    private interface LaneWork {
        void run(Lane lane, int laneIndex, int start);
    }

    /**
     * One Adam step on grids {@code index[from..to)}; returns the batch's mean loss (before the step) and how many it
     * classified right.
     */
    public synchronized double[] step(byte[] voxels, byte[] labels, int[] index, int from, int to, Random rnd) {
        return Trainer.threads() > 1 ? Trainer.onOneCore(() -> train(voxels, labels, index, from, to, rnd))
                : train(voxels, labels, index, from, to, rnd);
    }

    private double[] train(byte[] voxels, byte[] labels, int[] index, int from, int to, Random rnd) {
        int n = to - from;
        boolean dropout = spec.dropout() > 0;
        // inverted dropout on the hidden layer: 0 or 1/(1−p), so evaluation needs no scaling; drawn here, in order
        float[] masks = dropout ? new float[n * Net3DSpec.HIDDEN] : null;
        float keep = (float) (1 / (1 - spec.dropout()));
        for (int i = 0; dropout && i < masks.length; i++) masks[i] = rnd.nextDouble() < spec.dropout() ? 0f : keep;
        double[][] scores = new double[Trainer.threads()][];
        int count = inLanes(n, (lane, i, start) -> {
            lane.targets(labels, index, from + start);
            lane.forward(voxels, index, from + start);
            if (dropout) {
                float[] m = Arrays.copyOfRange(masks, start * Net3DSpec.HIDDEN, (start + lane.n) * Net3DSpec.HIDDEN);
                lane.mask.assign(Nd4j.create(m, lane.mask.shape(), 'c'));
                lane.hidden.muli(lane.mask);
            }
            lane.head();
            scores[i] = lane.score(labels, index, from + start);
            lane.backward(dropout, n);
        });
        double loss = 0, right = 0;
        for (int i = 0; i < count; i++) {
            loss += scores[i][0];
            right += scores[i][1];
            if (i > 0) grads.addi(lanes.get(i).grads);
        }
        updater.applyUpdater(grads, iteration++, 0);
        params.subi(grads);
        return new double[] {loss / n, right};
    }

    /** Class probabilities, {@code classes} per grid, for grids {@code index[from..to)}; no dropout. */
    public synchronized float[] predict(byte[] voxels, int[] index, int from, int to) {
        return Trainer.threads() > 1 ? Trainer.onOneCore(() -> classify(voxels, index, from, to)) : classify(voxels, index, from, to);
    }

    private float[] classify(byte[] voxels, int[] index, int from, int to) {
        int n = to - from, c = spec.classes();
        float[] out = new float[n * c];
        inLanes(n, (lane, i, start) -> {
            lane.forward(voxels, index, from + start);
            lane.head();
            System.arraycopy(lane.probs.data().asFloat(), 0, out, start * c, lane.n * c);
        });
        return out;
    }

    /** The mean loss without dropout, and the gradients left in place, for gradient checks. */
    synchronized double lossAndGradients(byte[] voxels, byte[] labels, int[] index, int from, int to) {
        int n = to - from;
        double[] loss = new double[Trainer.threads()];
        int count = inLanes(n, (lane, i, start) -> {
            lane.targets(labels, index, from + start);
            lane.forward(voxels, index, from + start);
            lane.head();
            loss[i] = lane.score(labels, index, from + start)[0];
            lane.backward(false, n);
        });
        for (int i = 1; i < count; i++) grads.addi(lanes.get(i).grads);
        return Arrays.stream(loss).sum() / n;
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

    /** The most probable of {@code classes} probabilities starting at {@code off}. */
    public static int argMax(float[] p, int off, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (p[off + c] > p[off + best]) best = c;
        return best;
    }

    /** Frees the batch buffers (native memory the JVM cannot see); the network reallocates them when used again. */
    public synchronized void releaseBuffers() {
        for (Lane lane : lanes) lane.release();
    }

    @Override public synchronized void close() {
        releaseBuffers();
        for (int i = 1; i < lanes.size(); i++) lanes.get(i).grads.close();
        lanes.clear();
        params.close();
        grads.close();
    }
}
