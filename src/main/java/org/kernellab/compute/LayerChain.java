package org.kernellab.compute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shapes, parameter counts and multiply-accumulates through a chain of layers, PyTorch style, without running anything:
 * (1,3,19,19) → conv:out=7,k=5 → (1,7,15,15) → conv:out=2,k=3 → (1,2,13,13).
 */
public final class LayerChain {
    private LayerChain() {}

    /** Bytes of one value: the chain describes float32 networks, as PyTorch's defaults and this app's are. */
    public static final int BYTES_PER_VALUE = 4;

    /**
     * @param weightShape PyTorch's weight shape of the layer, empty when it has none
     * @param axes        the size arithmetic per spatial axis (conv and pool), else empty
     * @param macs        multiply-accumulates of the whole batch, counted as torchinfo's summaries count them: a
     *                    convolution's output cells times {@code C·kh·kw}, a linear layer's {@code in·out} per sample;
     *                    biases, activations and pooling count none
     */
    public record Result(LayerSpec layer, int[] shape, long parameters, int[] weightShape, List<AxisSize> axes, String pytorch, long macs,
                         Field field) {
        /** The bytes the layer's output takes in float32: its activation memory. */
        public long activationBytes() { return Shapes.cells(Arrays.stream(shape).asLongStream().toArray()) * BYTES_PER_VALUE; }
    }

    /**
     * How much of the input one output value depends on, per spatial axis: its receptive field, and how far apart (in
     * input pixels) two neighbouring outputs look. A dense layer sees all of the input.
     */
    public record Field(int[] size, int[] jump, boolean whole) {
        static Field of(int axes) { return new Field(Window.fill(axes, 1), Window.fill(axes, 1), false); }

        /** After a window of {@code kernel} cells {@code dilation} apart moving {@code stride}: each cell adds (k − 1)·d·jump. */
        Field through(int[] kernel, int[] stride, int[] dilation) {
            if (whole) return this;
            int[] size = this.size.clone(), jump = this.jump.clone();
            for (int a = 0; a < size.length; a++) {
                size[a] += (kernel[a] - 1) * dilation[a] * jump[a];
                jump[a] *= stride[a];
            }
            return new Field(size, jump, false);
        }

        Field all() { return new Field(size, jump, true); }
    }

    /** The sums over a chain's layers. Sizes in MB of 10^6 bytes, as torchinfo prints them. */
    public record Totals(long parameters, long macs, long activationBytes) {
        public static Totals of(List<Result> layers) {
            long p = 0, m = 0, a = 0;
            for (Result r : layers) {
                p += r.parameters();
                m += r.macs();
                a += r.activationBytes();
            }
            return new Totals(p, m, a);
        }

        public double weightsMegabytes() { return parameters * (double) BYTES_PER_VALUE / 1e6; }

        public double activationMegabytes() { return activationBytes / 1e6; }
    }

    /** Each layer's output, or a {@link ComputeException} naming the layer that cannot take its input. */
    public static List<Result> apply(int[] input, List<LayerSpec> layers) {
        for (int d : input) {
            if (d < 1) throw new ComputeException("chain.badInput", Arrays.toString(input));
            if (d > Shapes.LIMIT) throw new ComputeException("chain.inputOverLimit", d, Shapes.LIMIT);
        }
        List<Result> out = new ArrayList<>();
        int[] shape = input.clone();
        Field field = Field.of(Math.max(0, input.length - 2));
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            Result r;
            try {
                r = step(shape, l, field);
            } catch (ComputeException e) {
                throw new ComputeException("chain.layerFailed", i + 1, l.text(), e.problem().english());
            }
            out.add(r);
            shape = r.shape();
            field = r.field();
        }
        return out;
    }

    private static Result step(int[] in, LayerSpec l, Field field) {
        int axes = in.length - 2;
        switch (l.kind()) {
            case CONV -> {
                if (axes != 2 && axes != 3) throw new ComputeException("chain.needsImage", "conv", in.length);
                int f = outputs(l);
                fixedInput(l, in[1]);
                Window w = new Window(l.perAxis("k", axes, 0), l.perAxis("s", axes, 1), l.perAxis("p", axes, 0), l.perAxis("d", axes, 1), false);
                List<AxisSize> sizes = Shapes.axes(Arrays.copyOfRange(in, 2, in.length), w, false);
                int[] spatial = sizesOrThrow(sizes);
                boolean bias = l.flag("bias", true);
                int[] weight = Reference.concat(new int[] {f, in[1]}, w.kernel());
                long params = exact(Shapes.cells(Arrays.stream(weight).asLongStream().toArray()) + (bias ? f : 0), "chain.tooManyParameters", l);
                int[] out = Reference.concat(new int[] {in[0], f}, spatial);
                long macs = exact(Shapes.cells(Shapes.cells(Arrays.stream(out).asLongStream().toArray()), in[1], Shapes.cells(
                        Arrays.stream(w.kernel()).asLongStream().toArray())), "chain.tooManyMacs", l);
                return new Result(l, out, params, weight, sizes, PyTorch.conv(in[1], f, w, bias), macs,
                        field.through(w.kernel(), w.stride(), w.dilation()));
            }
            case POOL -> {
                if (axes != 2 && axes != 3) throw new ComputeException("chain.needsImage", "pool", in.length);
                int[] k = l.perAxis("k", axes, 0);
                Window w = new Window(k, l.perAxis("s", axes, 0), l.perAxis("p", axes, 0), Window.fill(axes, 1), l.flag("ceil", false));
                // PyTorch: the stride defaults to the window
                if (!l.options().containsKey("s")) w = new Window(k, k, w.padding(), w.dilation(), w.ceil());
                PoolMode mode = PoolMode.parse(l.options().getOrDefault("mode", "max"));
                List<AxisSize> sizes = Shapes.axes(Arrays.copyOfRange(in, 2, in.length), w, true);
                return new Result(l, Reference.concat(new int[] {in[0], in[1]}, sizesOrThrow(sizes)), 0, new int[0], sizes, PyTorch.pool(mode, w), 0,
                        field.through(w.kernel(), w.stride(), w.dilation()));
            }
            case ADAPTIVE_POOL -> {
                if (axes != 2 && axes != 3) throw new ComputeException("chain.needsImage", "adaptiveavgpool", in.length);
                int[] size = l.perAxis("out", axes, 0);
                for (int v : size) if (v < 1 || v > Shapes.LIMIT) throw new ComputeException("layer.badOut", v);
                // PyTorch's windows: from ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉, at most ⌈in/out⌉ + 1 cells, about in/out apart
                int[] kernel = new int[axes], stride = new int[axes];
                for (int a = 0; a < axes; a++) {
                    int n = in[a + 2];
                    kernel[a] = n % size[a] == 0 ? n / size[a] : n / size[a] + 2;
                    stride[a] = Math.max(1, n / size[a]);
                }
                return new Result(l, Reference.concat(new int[] {in[0], in[1]}, size), 0, new int[0], List.of(),
                        "nn.AdaptiveAvgPool" + axes + "d(" + Arrays.toString(size).replace('[', '(').replace(']', ')') + ")", 0,
                        field.through(kernel, stride, Window.fill(axes, 1)));
            }
            case RELU -> { return new Result(l, in, 0, new int[0], List.of(), "nn.ReLU()", 0, field); }
            case DROPOUT -> {
                return new Result(l, in, 0, new int[0], List.of(), "nn.Dropout(p=" + l.dropout() + ")", 0, field);
            }
            case FLATTEN -> {
                long features = 1;
                for (int i = 1; i < in.length; i++) features = Shapes.cells(features, in[i]);
                if (features > Integer.MAX_VALUE) throw new ComputeException("chain.tooManyFeatures", features, Integer.MAX_VALUE);
                return new Result(l, new int[] {in[0], (int) features}, 0, new int[0], List.of(), "nn.Flatten()", 0, field);
            }
            case LINEAR -> {
                if (in.length != 2) throw new ComputeException("chain.needsFlat", in.length);
                int out = outputs(l);
                fixedInput(l, in[1]);
                boolean bias = l.flag("bias", true);
                long params = (long) in[1] * out + (bias ? out : 0); // < 2^31 · 10^6: no wrap-around
                return new Result(l, new int[] {in[0], out}, params, new int[] {out, in[1]}, List.of(),
                        "nn.Linear(" + in[1] + ", " + out + (bias ? "" : ", bias=False") + ")",
                        exact(Shapes.cells(in[0], in[1], out), "chain.tooManyMacs", l), field.all());
            }
            default -> throw new IllegalStateException(l.kind().name());
        }
    }

    private static int outputs(LayerSpec l) {
        int f = l.integer("out", 0);
        if (f < 1) throw new ComputeException("layer.badOut", f);
        if (f > Shapes.LIMIT) throw new ComputeException("layer.outOverLimit", f, Shapes.LIMIT);
        return f;
    }

    /** A layer written with {@code in=} takes that many channels or features, like a PyTorch module built for them. */
    private static void fixedInput(LayerSpec l, int given) {
        int expected = l.integer("in", given);
        if (expected != given) throw new ComputeException("chain.inMismatch", expected, given);
    }

    /** A count, refused when it no longer fits in 63 bits (a request no machine could hold or run). */
    private static long exact(long count, String key, LayerSpec l) {
        if (count < 0 || count >= Long.MAX_VALUE / 2) throw new ComputeException(key, l.text());
        return count;
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
