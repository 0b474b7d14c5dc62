package org.kernellab.model;

import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.ComputeException;

/**
 * A sequential network as one immutable value: the shape of one input (channels first, no batch: {@code [1, 28, 28]},
 * {@code [1, 24, 24, 24]}) and its layers in forward order, as an {@code nn.Sequential} writes them. The single source
 * of building, training and evaluating a net, of its layer table, of the command line's and the labs' nets and of
 * the model file. Made only through {@link #of}, which refuses a net that does not fit its input, naming the layer and
 * the shapes. The layers are kept as given ({@code in_channels}, {@code in_features} and {@code num_features} where they
 * were fixed, 0 where they follow from the input: then another input may change them); {@link #resolved} fills them in.
 */
public final class Net {
    private final int[] input;
    private final List<Layer> layers, resolved;

    private Net(int[] input, List<Layer> layers, List<Layer> resolved) {
        this.input = input.clone();
        this.layers = List.copyOf(layers);
        this.resolved = List.copyOf(resolved);
    }

    /** The net; throws {@link ComputeException} naming the first layer that does not fit what it is given. */
    public static Net of(int[] input, List<Layer> layers) {
        if (input.length < 1 || input.length > 4)
            throw new ComputeException("net.badInputRank", Arrays.toString(input));
        return new Net(input, layers, LayerTable.resolve(input, layers));
    }

    /** The same layers on another input (a larger picture for AlexNet); refused where a layer is built for one size. */
    public Net withInput(int[] other) {
        return of(other, layers);
    }

    public int[] input() {
        return input.clone();
    }

    /** The layers as given. */
    public List<Layer> layers() {
        return layers;
    }

    /** The layers with every size that follows from the input filled in: what the engine builds. */
    public List<Layer> resolved() {
        return resolved;
    }

    /** 2 for images, 3 for volumes, 0 for a flat input. */
    public int dims() {
        return input.length - 1;
    }

    /** How many classes the last layer scores. */
    public int classes() {
        List<LayerTable.Row> rows = table(1);
        return rows.isEmpty() ? input[0] : rows.get(rows.size() - 1).shape()[1];
    }

    /** Each layer's output shape for a batch of {@code batch}, its parameters, MACs and receptive field. */
    public List<LayerTable.Row> table(int batch) {
        return LayerTable.rows(this, batch);
    }

    /** Parameters as PyTorch counts them (a BatchNorm's weight and bias, not its running statistics). */
    public long parameters() {
        return table(1).stream().mapToLong(LayerTable.Row::parameters).sum();
    }

    /** The JSON form, in PyTorch's words. */
    public String toJson() {
        return NetJson.write(this);
    }

    /** A net from its JSON form; throws {@link ComputeException} naming the first thing wrong. */
    public static Net fromJson(String json) {
        return NetJson.read(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Net n && Arrays.equals(input, n.input) && layers.equals(n.layers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(input) * 31 + layers.hashCode();
    }

    @Override
    public String toString() {
        return "Net" + Arrays.toString(input) + layers;
    }
}
