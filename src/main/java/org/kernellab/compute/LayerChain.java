package org.kernellab.compute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shapes and parameter counts through a chain of layers, PyTorch style, without running anything:
 * (1,3,19,19) → conv:out=7,k=5 → (1,7,15,15) → conv:out=2,k=3 → (1,2,13,13).
 */
public final class LayerChain {
    private LayerChain() {}

    /**
     * @param weightShape PyTorch's weight shape of the layer, empty when it has none
     * @param axes        the size arithmetic per spatial axis (conv and pool), else empty
     */
    public record Result(LayerSpec layer, int[] shape, long parameters, int[] weightShape, List<AxisSize> axes, String pytorch) {}

    /** Each layer's output, or a {@link ComputeException} naming the layer that cannot take its input. */
    public static List<Result> apply(int[] input, List<LayerSpec> layers) {
        for (int d : input) {
            if (d < 1) throw new ComputeException("chain.badInput", Arrays.toString(input));
            if (d > Shapes.LIMIT) throw new ComputeException("chain.inputOverLimit", d, Shapes.LIMIT);
        }
        List<Result> out = new ArrayList<>();
        int[] shape = input.clone();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            Result r;
            try {
                r = step(shape, l);
            } catch (ComputeException e) {
                throw new ComputeException("chain.layerFailed", i + 1, l.text(), e.problem().english());
            }
            out.add(r);
            shape = r.shape();
        }
        return out;
    }

    private static Result step(int[] in, LayerSpec l) {
        int axes = in.length - 2;
        switch (l.kind()) {
            case CONV -> {
                if (axes != 2 && axes != 3) throw new ComputeException("chain.needsImage", "conv", in.length);
                int f = outputs(l);
                Window w = new Window(l.perAxis("k", axes, 0), l.perAxis("s", axes, 1), l.perAxis("p", axes, 0), l.perAxis("d", axes, 1), false);
                List<AxisSize> sizes = Shapes.axes(Arrays.copyOfRange(in, 2, in.length), w, false);
                int[] spatial = sizesOrThrow(sizes);
                boolean bias = l.flag("bias", true);
                int[] weight = Reference.concat(new int[] {f, in[1]}, w.kernel());
                long params = exact(Shapes.cells(Arrays.stream(weight).asLongStream().toArray()) + (bias ? f : 0), l);
                return new Result(l, Reference.concat(new int[] {in[0], f}, spatial), params, weight, sizes, PyTorch.conv(in[1], f, w, bias));
            }
            case POOL -> {
                if (axes != 2 && axes != 3) throw new ComputeException("chain.needsImage", "pool", in.length);
                int[] k = l.perAxis("k", axes, 0);
                Window w = new Window(k, l.perAxis("s", axes, 0), l.perAxis("p", axes, 0), Window.fill(axes, 1), l.flag("ceil", false));
                // PyTorch: the stride defaults to the window
                if (!l.options().containsKey("s")) w = new Window(k, k, w.padding(), w.dilation(), w.ceil());
                PoolMode mode = PoolMode.parse(l.options().getOrDefault("mode", "max"));
                List<AxisSize> sizes = Shapes.axes(Arrays.copyOfRange(in, 2, in.length), w, true);
                return new Result(l, Reference.concat(new int[] {in[0], in[1]}, sizesOrThrow(sizes)), 0, new int[0], sizes, PyTorch.pool(mode, w));
            }
            case RELU -> { return new Result(l, in, 0, new int[0], List.of(), "nn.ReLU()"); }
            case DROPOUT -> {
                return new Result(l, in, 0, new int[0], List.of(), "nn.Dropout(p=" + l.dropout() + ")");
            }
            case FLATTEN -> {
                long features = 1;
                for (int i = 1; i < in.length; i++) features = Shapes.cells(features, in[i]);
                if (features > Integer.MAX_VALUE) throw new ComputeException("chain.tooManyFeatures", features, Integer.MAX_VALUE);
                return new Result(l, new int[] {in[0], (int) features}, 0, new int[0], List.of(), "nn.Flatten()");
            }
            case LINEAR -> {
                if (in.length != 2) throw new ComputeException("chain.needsFlat", in.length);
                int out = outputs(l);
                boolean bias = l.flag("bias", true);
                long params = (long) in[1] * out + (bias ? out : 0); // < 2^31 · 10^6: no wrap-around
                return new Result(l, new int[] {in[0], out}, params, new int[] {out, in[1]}, List.of(),
                        "nn.Linear(" + in[1] + ", " + out + (bias ? "" : ", bias=False") + ")");
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

    /** A parameter count, refused when it no longer fits in 63 bits (a request no machine could hold). */
    private static long exact(long parameters, LayerSpec l) {
        if (parameters < 0 || parameters >= Long.MAX_VALUE / 2) throw new ComputeException("chain.tooManyParameters", l.text());
        return parameters;
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
