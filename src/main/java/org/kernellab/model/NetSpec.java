package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.compute.LayerSpec;

/**
 * A network and how to train it, limited to what the course's exercises change: the MLP
 * (784-64-128-10) or the CNN (blocks of Conv3×3 + ReLU + MaxPool2, then 128 and 10 units), the number of
 * filters and blocks, dropout and where it goes, the optimizer, learning rate, batch size and epochs.
 */
public record NetSpec(Kind kind, int filters, int blocks, double dropout, DropoutAt dropoutAt, Optimizer optimizer, double lr, int batch,
                      int epochs, long seed) {
    public enum Kind { MLP, CNN }

    public enum Optimizer { SGD, ADAM }

    /** Where dropout acts: on the last hidden layer (before the classifier, as the slides put it), after every conv block, or both. */
    public enum DropoutAt { HIDDEN, CONV, BOTH;
        boolean hidden() { return this != CONV; }

        boolean conv() { return this != HIDDEN; }
    }

    /** A batch larger than Fashion-MNIST's training set, or more epochs than a class could wait for, is a typo. */
    public static final int MAX_BATCH = 60_000, MAX_EPOCHS = 1_000;

    public NetSpec {
        if (kind == Kind.CNN && (filters < 1 || filters > 256)) throw new ComputeException("train.badFilters", filters);
        if (kind == Kind.CNN && (blocks < 1 || blocks > 3)) throw new ComputeException("train.badBlocks", blocks);
        if (!(dropout >= 0 && dropout < 1)) throw new ComputeException("train.badDropout", dropout);
        if (kind == Kind.MLP && dropoutAt.conv()) throw new ComputeException("train.dropoutNeedsConv");
        if (!(lr > 0) || lr > 10) throw new ComputeException("train.badLr", lr);
        if (batch < 1 || batch > MAX_BATCH) throw new ComputeException("train.badBatch", batch, MAX_BATCH);
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new ComputeException("train.badEpochs", epochs, MAX_EPOCHS);
    }

    /** Dropout, if any, on the last hidden layer. */
    public NetSpec(Kind kind, int filters, int blocks, double dropout, Optimizer optimizer, double lr, int batch, int epochs, long seed) {
        this(kind, filters, blocks, dropout, DropoutAt.HIDDEN, optimizer, lr, batch, epochs, seed);
    }

    /** The course's CNN: two blocks of 32 filters, Adam. */
    public static NetSpec courseCnn(double lr, int batch, int epochs) {
        return new NetSpec(Kind.CNN, 32, 2, 0, Optimizer.ADAM, lr, batch, epochs, 42);
    }

    public static Kind kind(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "mlp" -> Kind.MLP;
            case "cnn" -> Kind.CNN;
            default -> throw new ComputeException("train.badModel", s);
        };
    }

    public static Optimizer optimizer(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "sgd" -> Optimizer.SGD;
            case "adam" -> Optimizer.ADAM;
            default -> throw new ComputeException("train.badOptimizer", s);
        };
    }

    public static DropoutAt dropoutAt(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "hidden" -> DropoutAt.HIDDEN;
            case "conv" -> DropoutAt.CONV;
            case "both" -> DropoutAt.BOTH;
            default -> throw new ComputeException("train.badDropoutAt", s);
        };
    }

    /** Whether dropout acts after each conv block, and whether on the last hidden layer. */
    boolean convDropout() { return dropout > 0 && dropoutAt.conv(); }

    boolean hiddenDropout() { return dropout > 0 && dropoutAt.hidden(); }

    /** Shapes and parameter count of every layer, from the compute core's arithmetic (input 1×1×28×28). */
    public List<LayerChain.Result> summary() { return LayerChain.apply(new int[] {1, 1, 28, 28}, layers()); }

    public long parameters() { return summary().stream().mapToLong(LayerChain.Result::parameters).sum(); }

    /** The layers as a chain, for shapes and parameter counts (input 1×1×28×28). */
    public List<LayerSpec> layers() {
        List<LayerSpec> l = new ArrayList<>();
        if (kind == Kind.MLP) {
            for (String s : new String[] {"flatten", "linear:out=64", "relu", "linear:out=128", "relu"}) l.add(LayerSpec.parse(s));
        } else {
            for (int b = 0; b < blocks; b++) {
                l.add(LayerSpec.parse("conv:out=" + filters + ",k=3"));
                l.add(LayerSpec.parse("relu"));
                l.add(LayerSpec.parse("maxpool:k=2"));
                if (convDropout()) l.add(LayerSpec.parse("dropout:p=" + dropout));
            }
            l.add(LayerSpec.parse("flatten"));
            l.add(LayerSpec.parse("linear:out=128"));
            l.add(LayerSpec.parse("relu"));
        }
        if (hiddenDropout()) l.add(LayerSpec.parse("dropout:p=" + dropout));
        l.add(LayerSpec.parse("linear:out=10"));
        return l;
    }
}
