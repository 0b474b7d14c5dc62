package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.PyTorch;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Window;

/**
 * A net layer by layer, PyTorch style, without running anything: each layer's output shape, parameters, weight shape,
 * multiply-accumulates, activation memory and receptive field, (1,3,19,19) → Conv2d(3, 7, 5) → (1,7,15,15).
 */
public final class LayerTable {
    /** Bytes of one value: nets here are float32, as PyTorch's defaults. */
    public static final int BYTES_PER_VALUE = 4;

    private LayerTable() {}

    /**
     * @param weightShape PyTorch's weight shape, empty when the layer has none
     * @param axes        the size arithmetic per spatial axis (convolution and pooling), else empty
     * @param macs        multiply-accumulates of the whole batch as torchinfo counts them: a convolution's output cells
     *                    times {@code C·kh·kw}, a linear layer's {@code in·out} per sample; biases, activations, BatchNorm
     *                    and pooling count none
     */
    public record Row(
            Layer layer,
            int[] shape,
            long parameters,
            int[] weightShape,
            List<AxisSize> axes,
            String pytorch,
            long macs,
            Field field) {
        /** The bytes the layer's output takes in float32: its activation memory. */
        public long activationBytes() {
            return Shapes.cells(Arrays.stream(shape).asLongStream().toArray()) * BYTES_PER_VALUE;
        }

        /** The layer in the command line's short text form, {@code conv:in=1,out=32,k=3}. */
        public String text() {
            return LayerText.format(layer);
        }
    }

    /**
     * How much of the input one output value depends on, per spatial axis: its receptive field, and how far apart (in
     * input pixels) two neighbouring outputs look. A dense layer sees all of the input.
     */
    public record Field(int[] size, int[] jump, boolean whole) {
        static Field of(int axes) {
            return new Field(Window.fill(axes, 1), Window.fill(axes, 1), false);
        }

        /** After a window of {@code kernel} cells {@code dilation} apart moving {@code stride}: each cell adds (k − 1)·d·jump. */
        Field through(int[] kernel, int[] stride, int[] dilation) {
            if (whole) return this;
            int[] s = size.clone(), j = jump.clone();
            for (int a = 0; a < s.length; a++) {
                s[a] += (kernel[a] - 1) * dilation[a] * j[a];
                j[a] *= stride[a];
            }
            return new Field(s, j, false);
        }

        Field all() {
            return new Field(size, jump, true);
        }
    }

    /** The sums over a net's rows. Sizes in MB of 10^6 bytes, as torchinfo prints them. */
    public record Totals(long parameters, long macs, long activationBytes) {
        public static Totals of(List<Row> rows) {
            long p = 0, m = 0, a = 0;
            for (Row r : rows) {
                p += r.parameters();
                m += r.macs();
                a += r.activationBytes();
            }
            return new Totals(p, m, a);
        }

        public double weightsMegabytes() {
            return parameters * (double) BYTES_PER_VALUE / 1e6;
        }

        public double activationMegabytes() {
            return activationBytes / 1e6;
        }
    }

    /** The rows of a valid net for a batch of {@code batch}. */
    static List<Row> rows(Net net, int batch) {
        return walk(net.input(), net.resolved(), batch).rows();
    }

    /** The layers with their input-dependent sizes filled in, or a ComputeException naming the layer that does not fit. */
    static List<Layer> resolve(int[] input, List<Layer> layers) {
        return walk(input, layers, 1).resolved();
    }

    private record Walk(List<Row> rows, List<Layer> resolved) {}

    private static Walk walk(int[] input, List<Layer> layers, int batch) {
        for (int d : input) {
            if (d < 1) throw new ComputeException("chain.badInput", Arrays.toString(input));
            if (d > Shapes.LIMIT) throw new ComputeException("chain.inputOverLimit", d, Shapes.LIMIT);
        }
        List<Row> rows = new ArrayList<>();
        List<Layer> resolved = new ArrayList<>();
        int[] shape = concat(new int[] {batch}, input);
        Field field = Field.of(Math.max(0, input.length - 1));
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Row r;
            try {
                if (l instanceof Layer.Softmax && i != layers.size() - 1)
                    throw new ComputeException("net.softmaxNotLast");
                r = step(shape, l, field);
            } catch (ComputeException e) {
                throw new ComputeException(
                        "chain.layerFailed",
                        i + 1,
                        LayerText.format(l) + " " + shapeText(shape),
                        e.problem().english());
            }
            rows.add(r);
            resolved.add(r.layer());
            shape = r.shape();
            field = r.field();
        }
        return new Walk(rows, resolved);
    }

    /** {@code on (1, 3, 19, 19)}: the shape a layer was given, for messages. */
    private static String shapeText(int[] shape) {
        return "on " + Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    private static Row step(int[] in, Layer l, Field field) {
        if (l instanceof Layer.Conv c) return conv(in, c, field);
        if (l instanceof Layer.Pool p) return pool(in, p, field);
        if (l instanceof Layer.AdaptiveAvgPool a) return adaptive(in, a, field);
        if (l instanceof Layer.BatchNorm b) return batchNorm(in, b, field);
        if (l instanceof Layer.Flatten f) return flatten(in, f, field);
        if (l instanceof Layer.Linear lin) return linear(in, lin, field);
        if (l instanceof Layer.Dropout d && !(d.p() >= 0 && d.p() < 1))
            throw new ComputeException("train.badDropout", d.p());
        if (l instanceof Layer.Softmax && in.length != 2) throw new ComputeException("chain.needsFlat", in.length);
        String line = l instanceof Layer.Dropout d
                ? "nn.Dropout(p=" + d.p() + ")"
                : l instanceof Layer.Softmax ? "nn.Softmax(dim=1)" : "nn.ReLU()";
        return new Row(
                l, in, 0, new int[0], List.of(), line, 0, field); // ReLU, Dropout, Softmax: the shape goes through
    }

    private static void spatial(int[] in, Layer l, int dims) {
        if (in.length != dims + 2) throw new ComputeException("net.needsRank", l.type(), dims + 2, in.length);
    }

    private static Row conv(int[] in, Layer.Conv c, Field field) {
        spatial(in, c, c.dims());
        checkOut(c.out());
        if (c.in() != 0 && c.in() != in[1]) throw new ComputeException("chain.inMismatch", c.in(), in[1]);
        Layer.Conv r =
                new Layer.Conv(c.dims(), in[1], c.out(), c.kernel(), c.stride(), c.padding(), c.dilation(), c.bias());
        Window w = r.window();
        List<AxisSize> sizes = Shapes.axes(Arrays.copyOfRange(in, 2, in.length), w, false);
        int[] weight = concat(new int[] {c.out(), in[1]}, w.kernel());
        long params = exact(
                Shapes.cells(Arrays.stream(weight).asLongStream().toArray()) + (c.bias() ? c.out() : 0),
                "chain.tooManyParameters",
                r);
        int[] out = concat(new int[] {in[0], c.out()}, sizesOrThrow(sizes));
        long macs = exact(
                Shapes.cells(
                        Shapes.cells(Arrays.stream(out).asLongStream().toArray()),
                        in[1],
                        Shapes.cells(Arrays.stream(w.kernel()).asLongStream().toArray())),
                "chain.tooManyMacs",
                r);
        return new Row(
                r,
                out,
                params,
                weight,
                sizes,
                PyTorch.conv(in[1], c.out(), w, c.bias()),
                macs,
                field.through(w.kernel(), w.stride(), w.dilation()));
    }

    private static Row pool(int[] in, Layer.Pool p, Field field) {
        spatial(in, p, p.dims());
        Window w = p.window();
        int[] spatialIn = Arrays.copyOfRange(in, 2, in.length);
        List<AxisSize> sizes = Shapes.axes(spatialIn, w, true);
        int[] out = concat(new int[] {in[0], in[1]}, sizesOrThrow(sizes));
        if (p.dims() == 3 && p.mode() == PoolMode.AVG) Shapes.checkAvgPool3d(spatialIn, p.kernel());
        return new Row(
                p,
                out,
                0,
                new int[0],
                sizes,
                PyTorch.pool(p.mode(), w),
                0,
                field.through(w.kernel(), w.stride(), w.dilation()));
    }

    private static Row adaptive(int[] in, Layer.AdaptiveAvgPool a, Field field) {
        spatial(in, a, a.dims());
        int axes = a.dims();
        int[] size = a.output();
        for (int v : size) checkOut(v);
        // PyTorch's windows: from ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉, at most ⌈in/out⌉ + 1 cells, about in/out apart
        int[] kernel = new int[axes], stride = new int[axes];
        for (int x = 0; x < axes; x++) {
            int n = in[x + 2];
            kernel[x] = n % size[x] == 0 ? n / size[x] : n / size[x] + 2;
            stride[x] = Math.max(1, n / size[x]);
        }
        String tuple = Arrays.toString(size).replace('[', '(').replace(']', ')');
        return new Row(
                a,
                concat(new int[] {in[0], in[1]}, size),
                0,
                new int[0],
                List.of(),
                "nn.AdaptiveAvgPool" + axes + "d(" + tuple + ")",
                0,
                field.through(kernel, stride, Window.fill(axes, 1)));
    }

    private static Row batchNorm(int[] in, Layer.BatchNorm b, Field field) {
        spatial(in, b, b.dims());
        if (b.features() != 0 && b.features() != in[1])
            throw new ComputeException("chain.inMismatch", b.features(), in[1]);
        if (!(b.eps() > 0) || !(b.momentum() >= 0 && b.momentum() <= 1))
            throw new ComputeException("net.badBatchNorm", b.eps(), b.momentum());
        Layer.BatchNorm r = new Layer.BatchNorm(b.dims(), in[1], b.eps(), b.momentum());
        String extra = (b.eps() == Layer.BatchNorm.EPS ? "" : ", eps=" + b.eps())
                + (b.momentum() == Layer.BatchNorm.MOMENTUM ? "" : ", momentum=" + b.momentum());
        return new Row(
                r,
                in,
                2L * in[1],
                new int[] {in[1]},
                List.of(),
                "nn.BatchNorm" + b.dims() + "d(" + in[1] + extra + ")",
                0,
                field);
    }

    private static Row flatten(int[] in, Layer.Flatten f, Field field) {
        long features = 1;
        for (int i = 1; i < in.length; i++) features = Shapes.cells(features, in[i]);
        if (features > Integer.MAX_VALUE)
            throw new ComputeException("chain.tooManyFeatures", features, Integer.MAX_VALUE);
        return new Row(f, new int[] {in[0], (int) features}, 0, new int[0], List.of(), "nn.Flatten()", 0, field);
    }

    private static Row linear(int[] in, Layer.Linear l, Field field) {
        if (in.length != 2) throw new ComputeException("chain.needsFlat", in.length);
        checkOut(l.out());
        if (l.in() != 0 && l.in() != in[1]) throw new ComputeException("chain.inMismatch", l.in(), in[1]);
        Layer.Linear r = new Layer.Linear(in[1], l.out(), l.bias());
        long params = (long) in[1] * l.out() + (l.bias() ? l.out() : 0); // < 2^31 · 10^6: no wrap-around
        return new Row(
                r,
                new int[] {in[0], l.out()},
                params,
                new int[] {l.out(), in[1]},
                List.of(),
                "nn.Linear(" + in[1] + ", " + l.out() + (l.bias() ? "" : ", bias=False") + ")",
                exact(Shapes.cells(in[0], in[1], l.out()), "chain.tooManyMacs", r),
                field.all());
    }

    private static void checkOut(int n) {
        if (n < 1) throw new ComputeException("layer.badOut", n);
        if (n > Shapes.LIMIT) throw new ComputeException("layer.outOverLimit", n, Shapes.LIMIT);
    }

    /** A count, refused when it no longer fits in 63 bits (a request no machine could hold or run). */
    private static long exact(long count, String key, Layer l) {
        if (count < 0 || count >= Long.MAX_VALUE / 2) throw new ComputeException(key, LayerText.format(l));
        return count;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] sizesOrThrow(List<AxisSize> sizes) {
        int[] out = new int[sizes.size()];
        for (int i = 0; i < out.length; i++) {
            if (!sizes.get(i).ok()) throw new ComputeException(sizes.get(i).problem());
            out[i] = sizes.get(i).output();
        }
        return out;
    }
}
