package org.kernellab.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.kernellab.compute.Dropout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The ops of the layers that need no more than a few lines each, and what every layer kind stores and needs. */
final class Ops {
    private Ops() {}

    /** The op computing layer {@code layer} of {@code net} from activation {@code at}, of computed shapes in and out (channels last). */
    static Op of(Net net, int layer, int at, int[] in, int[] out) {
        Layer l = net.layers().get(layer);
        if (l instanceof Layer.Conv c) return new ConvOp(c, layer, at, in, out);
        if (l instanceof Layer.Pool p) return new PoolOp(p, layer, at, in, out);
        if (l instanceof Layer.BatchNorm b) return new NormOp(b, layer, at, in);
        if (l instanceof Layer.Linear lin) return new LinearOp(lin, layer, at, flattened(net, layer));
        if (l instanceof Layer.Flatten) return new FlattenOp(layer, at, in);
        if (l instanceof Layer.Dropout d) return new DropoutOp(d, layer, at);
        if (l instanceof Layer.AdaptiveAvgPool) return new AdaptivePoolOp(layer, at, in, out);
        if (l instanceof Layer.ReLU) return new ReluOp(layer, at);
        throw new IllegalArgumentException("no op for " + l);
    }

    /** The channels-last shape a linear layer's input was flattened from (for its starting values' order), or null. */
    private static int[] flattened(Net net, int layer) {
        if (layer == 0 || !(net.layers().get(layer - 1) instanceof Layer.Flatten)) return null;
        return Plan.fullShapes(net).get(layer - 1);
    }

    /** The stored shapes of a layer's parameters: convolution weights in ND4J's (k…, in, out), linear ones as PyTorch's (out, in). */
    static List<long[]> parameterShapes(Layer l) {
        if (l instanceof Layer.Conv c) {
            long[] w = new long[c.dims() + 2];
            for (int a = 0; a < c.dims(); a++) w[a] = c.kernel()[a];
            w[c.dims()] = c.in();
            w[c.dims() + 1] = c.out();
            return c.bias() ? List.of(w, new long[] {c.out()}) : List.of(w);
        }
        if (l instanceof Layer.Linear lin) {
            return lin.bias()
                    ? List.of(new long[] {lin.out(), lin.in()}, new long[] {lin.out()})
                    : List.of(new long[] {lin.out(), lin.in()});
        }
        if (l instanceof Layer.BatchNorm b) return List.of(new long[] {b.features()}, new long[] {b.features()});
        return List.of();
    }

    /**
     * What of its input a layer needs to give {@code outExtent} of its output: for a convolution or pooling without
     * padding or ceil mode, the rows its windows reach; for ReLU and dropout the same; null for a layer that needs its
     * whole input and gives its whole output.
     */
    static int[] needed(Layer l, int[] fullIn, int[] outExtent) {
        if (l instanceof Layer.ReLU || l instanceof Layer.Dropout) return outExtent.clone();
        int[] k, s, d;
        if (l instanceof Layer.Conv c && Arrays.stream(c.padding()).allMatch(v -> v == 0)) {
            k = c.kernel();
            s = c.stride();
            d = c.dilation();
        } else if (l instanceof Layer.Pool p && Arrays.stream(p.padding()).allMatch(v -> v == 0) && !p.ceil()) {
            k = p.kernel();
            s = p.stride();
            d = new int[k.length];
            Arrays.fill(d, 1);
        } else {
            return null;
        }
        int[] need = fullIn.clone();
        for (int a = 0; a < k.length; a++)
            need[a] = Math.min(fullIn[a], (outExtent[a] - 1) * s[a] + d[a] * (k[a] - 1) + 1);
        return need;
    }

    static void exec(String name, INDArray[] in, INDArray[] out, int... args) {
        DynamicCustomOp.DynamicCustomOpsBuilder b =
                DynamicCustomOp.builder(name).addInputs(in).addOutputs(out);
        if (args.length > 0) b.addIntegerArguments(args);
        Nd4j.exec(b.build());
    }

    /** Gradient through a ReLU, in place: zero where its output is zero. */
    static void reluBackward(INDArray out, INDArray grad) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp")
                .addInputs(out, grad)
                .addOutputs(grad)
                .addFloatingPointArguments(0.0)
                .build());
    }

    /** nn.ReLU, in place. */
    static final class ReluOp extends Op {
        ReluOp(int layer, int at) {
            super(layer, layer + 1, at);
        }

        @Override
        INDArray output(INDArray input, Plan plan, int n) {
            return input;
        }

        @Override
        INDArray gradient(INDArray inputGradient, INDArray output) {
            return inputGradient != null ? inputGradient : output.like();
        }

        @Override
        void forward(Lane lane, boolean training) {
            Transforms.relu(lane.out(this), false);
        }

        @Override
        void backward(Lane lane) {
            reluBackward(lane.out(this), lane.gOut(this));
        }
    }

    /**
     * nn.Dropout, in place: in training each value is multiplied by its mask (0 with probability p, else 1/(1 − p));
     * the masks of a whole batch are drawn before its lanes share it, so the draws do not depend on how many there are.
     */
    static final class DropoutOp extends Op {
        private final double p;
        private float[] masks;
        private int perSample;

        DropoutOp(Layer.Dropout d, int layer, int at) {
            super(layer, layer + 1, at);
            this.p = d.p();
        }

        @Override
        INDArray output(INDArray input, Plan plan, int n) {
            return input;
        }

        @Override
        INDArray gradient(INDArray inputGradient, INDArray output) {
            return inputGradient != null ? inputGradient : output.like();
        }

        void draw(int n, int size, Random rnd) {
            perSample = size;
            masks = p > 0 ? Dropout.mask(n * size, p, rnd) : null;
        }

        @Override
        void forward(Lane lane, boolean training) {
            if (!training || masks == null) return;
            INDArray mask = lane.state(this);
            if (mask == null) {
                mask = lane.out(this).like();
                lane.state(this, mask);
            }
            FloatBuffer m =
                    mask.data().asNioFloat(); // written in place: a new array per step would churn native memory
            m.clear();
            m.put(masks, lane.start * perSample, lane.n * perSample);
            lane.out(this).muli(mask);
        }

        @Override
        void backward(Lane lane) {
            if (masks != null)
                lane.gOut(this).muli((INDArray) lane.state(this)); // the mask's 1/(1−p) scales the gradient too
        }
    }

    /** nn.Flatten: (N, H, W, C) to (N, C·H·W) in PyTorch's channel-first order; a view where the orders agree. */
    static final class FlattenOp extends Op {
        private final int[] in;
        private final boolean view;

        FlattenOp(int layer, int at, int[] in) {
            super(layer, layer + 1, at);
            this.in = in.clone();
            long spatial = 1;
            for (int a = 0; a + 1 < in.length; a++) spatial *= in[a];
            view = in.length == 1 || in[in.length - 1] == 1 || spatial == 1;
        }

        @Override
        INDArray output(INDArray input, Plan plan, int n) {
            return view && input != null ? input.reshape(plan.batchShape(at + 1, n)) : super.output(input, plan, n);
        }

        @Override
        INDArray gradient(INDArray inputGradient, INDArray output) {
            return view && inputGradient != null ? inputGradient.reshape(output.shape()) : output.like();
        }

        /** (N, H, W, C) axes to (N, C, H, W). */
        private int[] toFirst() {
            int[] perm = new int[in.length + 1];
            perm[1] = in.length;
            for (int a = 0; a + 1 < in.length; a++) perm[a + 2] = a + 1;
            return perm;
        }

        private long[] firstShape(int n) {
            long[] s = new long[in.length + 1];
            s[0] = n;
            s[1] = in[in.length - 1];
            for (int a = 0; a + 1 < in.length; a++) s[a + 2] = in[a];
            return s;
        }

        @Override
        void forward(Lane lane, boolean training) {
            if (!view)
                lane.out(this).reshape(firstShape(lane.n)).assign(lane.in(this).permute(toFirst()));
        }

        @Override
        void backward(Lane lane) {
            if (!view && lane.gIn(this) != null)
                lane.gIn(this).permute(toFirst()).assign(lane.gOut(this).reshape(firstShape(lane.n)));
        }
    }

    /** nn.Linear: y = x·Wᵀ + b, W stored as PyTorch's (out, in). */
    static final class LinearOp extends Op {
        private final Layer.Linear l;
        private final int[] flattenedFrom;

        LinearOp(Layer.Linear l, int layer, int at, int[] flattenedFrom) {
            super(layer, layer + 1, at);
            this.l = l;
            this.flattenedFrom = flattenedFrom;
        }

        @Override
        List<long[]> parameterShapes() {
            return Ops.parameterShapes(l);
        }

        /**
         * He's values drawn in the (in, out) order, rows in the channels-last order of a flattened input, as this app's
         * earlier versions drew them: a seed gives the same starting net (and the lessons' measured runs) as before.
         */
        @Override
        void initialise(List<INDArray> p, Random rnd) {
            INDArray drawn = Nd4j.create(DataType.FLOAT, l.in(), l.out());
            he(drawn, rnd, l.in());
            p.get(0).assign(Layouts.channelsFirstRows(drawn, flattenedFrom).transpose());
        }

        @Override
        void forward(Lane lane, boolean training) {
            INDArray y = lane.out(this);
            Nd4j.gemm(lane.in(this), lane.p(param), y, false, true, 1.0, 0.0);
            if (l.bias()) y.addiRowVector(lane.p(param + 1));
        }

        @Override
        void backward(Lane lane) {
            INDArray g = lane.gOut(this);
            Nd4j.gemm(g, lane.in(this), lane.g.get(param), true, false, 1.0, 0.0);
            if (l.bias()) Nd4j.gemm(lane.b.ones, g, lane.g.get(param + 1).reshape(1, l.out()), false, false, 1.0, 0.0);
            if (lane.gIn(this) != null) Nd4j.gemm(g, lane.p(param), lane.gIn(this), false, false, 1.0, 0.0);
        }
    }

    /**
     * nn.AdaptiveAvgPool2d/3d: output cell i of an axis averages input cells ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉ − 1, PyTorch's
     * windows. Written as loops: it is a summary layer of the famous nets, never on a lesson's training path.
     */
    static final class AdaptivePoolOp extends Op {
        private final int[] in, out;

        AdaptivePoolOp(int layer, int at, int[] in, int[] out) {
            super(layer, layer + 1, at);
            this.in = in.clone();
            this.out = out.clone();
        }

        @Override
        void forward(Lane lane, boolean training) {
            pass(lane, true);
        }

        @Override
        void backward(Lane lane) {
            if (lane.gIn(this) != null) pass(lane, false);
        }

        /** Forward: each output the mean of its window. Backward: each window cell gets its output's gradient over the count. */
        private void pass(Lane lane, boolean forward) {
            int axes = in.length - 1, c = in[axes];
            float[] x =
                    (forward ? lane.in(this) : lane.gOut(this)).dup('c').data().asFloat();
            float[] y = new float
                    [(int) (forward ? lane.out(this).length() : lane.gIn(this).length())];
            int inCells = cells(in), outCells = cells(out);
            for (int s = 0; s < lane.n; s++) {
                for (int o = 0; o < outCells / c; o++) {
                    int[] lo = new int[axes], hi = new int[axes];
                    int count = window(o, lo, hi);
                    for (int[] at = lo.clone(); at != null; at = next(at, lo, hi)) {
                        int i = offset(at, in) * c;
                        for (int ch = 0; ch < c; ch++) {
                            if (forward) y[s * outCells + o * c + ch] += x[s * inCells + i + ch] / count;
                            else y[s * inCells + i + ch] += x[s * outCells + o * c + ch] / count;
                        }
                    }
                }
            }
            INDArray target = forward ? lane.out(this) : lane.gIn(this);
            target.assign(Nd4j.create(y, target.shape(), 'c'));
        }

        private int window(int o, int[] lo, int[] hi) {
            int count = 1, rest = o;
            for (int a = in.length - 2; a >= 0; a--) {
                int i = rest % out[a];
                rest /= out[a];
                lo[a] = (int) ((long) i * in[a] / out[a]);
                hi[a] = (int) (((long) (i + 1) * in[a] + out[a] - 1) / out[a]);
                count *= hi[a] - lo[a];
            }
            return count;
        }

        private static int[] next(int[] at, int[] lo, int[] hi) {
            for (int a = at.length - 1; a >= 0; a--) {
                if (++at[a] < hi[a]) return at;
                at[a] = lo[a];
            }
            return null;
        }

        private static int offset(int[] at, int[] shape) {
            int o = 0;
            for (int a = 0; a < at.length; a++) o = o * shape[a] + at[a];
            return o;
        }

        private static int cells(int[] shape) {
            int n = 1;
            for (int d : shape) n *= d;
            return n;
        }
    }
}
