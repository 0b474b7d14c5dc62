package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
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
        int[] shape = LayerRows.concat(new int[] {batch}, input);
        Field field = Field.of(Math.max(0, input.length - 1));
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Row r;
            try {
                if (l instanceof Layer.Softmax && i != layers.size() - 1)
                    throw new ComputeException("net.softmaxNotLast");
                r = LayerRows.of(shape, l, field);
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
}
