package org.kernellab.model;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/** Which op computes each layer kind, and what every layer kind stores and needs. */
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

    /**
     * {@link #exec} on libnd4j's own implementation, not oneDNN's: oneDNN's dilated convolutions in this ND4J refuse to
     * start ("could not create a descriptor for a dilated convolution"), when they are not the net's first layer.
     */
    static void execWithoutHelpers(String name, INDArray[] in, INDArray[] out, int... args) {
        try (OpContext ctx = Nd4j.getExecutioner().buildContext()) {
            ctx.setInputArrays(in);
            ctx.setOutputArrays(out);
            ctx.setIArguments(Arrays.stream(args).mapToLong(v -> v).toArray());
            ctx.allowHelpers(false);
            Nd4j.getExecutioner().exec(DynamicCustomOp.builder(name).build(), ctx);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
