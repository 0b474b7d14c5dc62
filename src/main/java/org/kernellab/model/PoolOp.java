package org.kernellab.model;

import org.kernellab.compute.PoolMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * nn.MaxPool2d/3d and nn.AvgPool2d/3d on ND4J's pooling ops (channels last). Padding, and ceil mode's last window that
 * hangs past the padded input, are made explicit here: the input is copied into a buffer with the padding around it
 * (−∞ for the maximum, 0 for the average, which counts padding cells as PyTorch's default does) and pooled without any;
 * an average's windows that hang past the edge are rescaled to count only the cells they cover.
 */
final class PoolOp extends Op {
    private final Layer.Pool p;
    private final int[] in, out, before, after, args;
    private final boolean padded;

    PoolOp(Layer.Pool p, int layer, int at, int[] in, int[] out) {
        super(layer, layer + 1, at);
        this.p = p;
        this.in = in.clone();
        this.out = out.clone();
        int d = p.dims();
        before = p.padding().clone();
        after = new int[d];
        boolean any = false;
        for (int a = 0; a < d; a++) {
            long reach = (long) (out[a] - 1) * p.stride()[a] + p.kernel()[a];
            after[a] = before[a]
                    + (int) Math.max(0, reach - (in[a] + 2L * before[a])); // ceil mode's overhang, less than a window
            any |= before[a] > 0 || after[a] > 0;
        }
        padded = any;
        args = new int[4 * d + 3];
        for (int a = 0; a < d; a++) {
            args[a] = p.kernel()[a];
            args[d + a] = p.stride()[a];
            args[3 * d + a] = 1; // no dilation, no padding of ND4J's own: the padding is in the buffer
        }
        args[4 * d + 2] = 1; // then not ND4J's same mode, its divisor mode (no padding here: the window), channels last
    }

    private String name() {
        return (p.mode() == PoolMode.MAX ? "maxpool" : "avgpool") + (p.dims() == 2 ? "2d" : "3dnew");
    }

    /** The padded input, its gradient, and for an average with overhang the factor each output is rescaled by. */
    private record Padded(INDArray buffer, INDArray gradient, INDArray factor) implements AutoCloseable {
        @Override
        public void close() {
            buffer.close();
            gradient.close();
            if (factor != null) factor.close();
        }
    }

    private Padded padded(Lane lane) {
        Padded s = lane.state(this);
        if (s != null) return s;
        long[] shape = new long[in.length + 1];
        shape[0] = lane.n;
        for (int a = 0; a < in.length; a++) shape[a + 1] = a < p.dims() ? in[a] + before[a] + after[a] : in[a];
        INDArray buffer = Nd4j.create(DataType.FLOAT, shape);
        s = new Padded(buffer, buffer.like(), p.mode() == PoolMode.AVG ? overhang(lane.out(this)) : null);
        lane.state(this, s);
        return s;
    }

    /** kernel cells ÷ cells the window covers, per output cell: 1 except for windows hanging past the padded input. */
    private INDArray overhang(INDArray like) {
        int d = p.dims();
        float[] f = new float[(int) like.length()];
        int c = out[d], cells = f.length / (int) like.size(0) / c;
        int kernel = 1;
        for (int k : p.kernel()) kernel *= k;
        boolean any = false;
        for (int o = 0; o < cells; o++) {
            int covered = 1, rest = o;
            for (int a = d - 1; a >= 0; a--) {
                int i = rest % out[a], start = i * p.stride()[a];
                rest /= out[a];
                covered *= Math.min(start + p.kernel()[a], in[a] + 2 * before[a]) - start;
            }
            any |= covered != kernel;
            for (int n = 0; n < like.size(0); n++)
                for (int ch = 0; ch < c; ch++) f[(n * cells + o) * c + ch] = kernel / (float) covered;
        }
        return any ? Nd4j.create(f, like.shape(), 'c') : null;
    }

    private INDArray interior(INDArray buffer) {
        INDArrayIndex[] at = new INDArrayIndex[in.length + 1];
        at[0] = NDArrayIndex.all();
        for (int a = 0; a < in.length; a++)
            at[a + 1] = a < p.dims() ? NDArrayIndex.interval(before[a], before[a] + in[a]) : NDArrayIndex.all();
        return buffer.get(at);
    }

    @Override
    void forward(Lane lane, boolean training) {
        if (!padded) {
            Ops.exec(name(), new INDArray[] {lane.in(this)}, new INDArray[] {lane.out(this)}, args);
            return;
        }
        Padded s = padded(lane);
        s.buffer().assign(p.mode() == PoolMode.MAX ? Float.NEGATIVE_INFINITY : 0f);
        interior(s.buffer()).assign(lane.in(this));
        Ops.exec(name(), new INDArray[] {s.buffer()}, new INDArray[] {lane.out(this)}, args);
        if (s.factor() != null) lane.out(this).muli(s.factor());
    }

    @Override
    void backward(Lane lane) {
        INDArray gIn = lane.gIn(this);
        if (gIn == null) return;
        if (!padded) {
            Ops.exec(name() + "_bp", new INDArray[] {lane.in(this), lane.gOut(this)}, new INDArray[] {gIn}, args);
            return;
        }
        Padded s = padded(lane);
        INDArray g = s.factor() == null ? lane.gOut(this) : lane.gOut(this).mul(s.factor());
        Ops.exec(name() + "_bp", new INDArray[] {s.buffer(), g}, new INDArray[] {s.gradient()}, args);
        gIn.assign(interior(s.gradient()));
    }
}
