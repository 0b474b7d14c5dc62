package org.kernellab.model;

import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.PyTorch;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Window;
import org.kernellab.model.LayerTable.Field;
import org.kernellab.model.LayerTable.Row;

/**
 * One row of a {@link LayerTable} per layer kind: the layer's output shape, parameters, PyTorch line, MACs and receptive
 * field from the shape it is given, or a {@link ComputeException} saying why it does not fit.
 */
final class LayerRows {
    private LayerRows() {}

    /** The row of layer {@code l} given input shape {@code in} (batch first) and the receptive field so far. */
    static Row of(int[] in, Layer l, Field field) {
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

    static int[] concat(int[] a, int[] b) {
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
