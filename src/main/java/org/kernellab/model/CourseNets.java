package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;

/**
 * The course's networks as {@link Net} values, and the shorthands the command line and the labs offer for their
 * variants: the MLP (784-64-128-10), the CNN (blocks of Conv 3×3 + ReLU + MaxPool 2, then 128 and 10 units) with other
 * filter counts, blocks and dropout, and the 3D notebook's Conv3DNet and its modified net.
 */
public final class CourseNets {
    /** Fashion-MNIST's pictures, and the classes of both data sets' nets. */
    public static final int[] FASHION = {1, 28, 28};

    public static final int CLASSES = 10, HIDDEN = 128, HIDDEN_3D = 512;

    /** Where dropout acts: on the last hidden layer (before the classifier, as the slides put it), after every conv block, or both. */
    public enum DropoutAt {
        HIDDEN,
        CONV,
        BOTH;

        public static DropoutAt parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "hidden" -> HIDDEN;
                case "conv" -> CONV;
                case "both" -> BOTH;
                default -> throw new ComputeException("train.badDropoutAt", s);
            };
        }

        boolean hidden() {
            return this != CONV;
        }

        boolean conv() {
            return this != HIDDEN;
        }
    }

    /** A 3D conv block: Conv3d(in, out, kernel, stride, padding) and ReLU, then MaxPool3d(2) when {@code pool}. */
    public record Block3d(int out, int kernel, int stride, int padding, boolean pool) {}

    private CourseNets() {}

    /** The notebook's NeuralNetwork: Flatten, Linear(784, 64), ReLU, Linear(64, 128), ReLU, Linear(128, 10); dropout before the last. */
    public static Net mlp(double dropout) {
        Limits.dropout(dropout);
        List<Layer> l = new ArrayList<>(List.of(
                new Layer.Flatten(),
                new Layer.Linear(0, 64, true),
                new Layer.ReLU(),
                new Layer.Linear(0, HIDDEN, true),
                new Layer.ReLU()));
        if (dropout > 0) l.add(new Layer.Dropout(dropout));
        l.add(new Layer.Linear(0, CLASSES, true));
        return Net.of(FASHION, l);
    }

    /** The notebook's ConvNet with {@code filters} per conv layer and {@code blocks} blocks (32 and 2 are the course's). */
    public static Net cnn(int filters, int blocks, double dropout, DropoutAt at) {
        Limits.filters(filters);
        Limits.blocks(blocks);
        Limits.dropout(dropout);
        List<Layer> l = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            l.add(Layer.Conv.of(2, filters, 3, 1, 0));
            l.add(new Layer.ReLU());
            l.add(Layer.Pool.of(2, PoolMode.MAX, 2));
            if (dropout > 0 && at.conv()) l.add(new Layer.Dropout(dropout));
        }
        l.addAll(List.of(new Layer.Flatten(), new Layer.Linear(0, HIDDEN, true), new Layer.ReLU()));
        if (dropout > 0 && at.hidden()) l.add(new Layer.Dropout(dropout));
        l.add(new Layer.Linear(0, CLASSES, true));
        return Net.of(FASHION, l);
    }

    /** The course's CNN: two blocks of 32 filters. */
    public static Net cnn() {
        return cnn(32, 2, 0, DropoutAt.HIDDEN);
    }

    /**
     * A 3D net as the ModelNet notebook builds it: the blocks, then Flatten, Linear(features, 512), ReLU, Dropout and
     * Linear(512, classes), on grids of {@code grid}³.
     */
    public static Net conv3d(List<Block3d> blocks, int grid, int classes, double dropout) {
        if (blocks.isEmpty()) throw new ComputeException("train3d.noBlocks");
        Limits.classes(classes);
        Limits.dropout(dropout);
        List<Layer> l = new ArrayList<>();
        for (Block3d b : blocks) {
            l.add(Layer.Conv.of(3, b.out(), b.kernel(), b.stride(), b.padding()));
            l.add(new Layer.ReLU());
            if (b.pool()) l.add(Layer.Pool.of(3, PoolMode.MAX, 2));
        }
        l.addAll(List.of(new Layer.Flatten(), new Layer.Linear(0, HIDDEN_3D, true), new Layer.ReLU()));
        if (dropout > 0) l.add(new Layer.Dropout(dropout));
        l.add(new Layer.Linear(0, classes, true));
        return Net.of(new int[] {1, grid, grid, grid}, l);
    }

    /** The notebook's Conv3DNet: 16, 32, 64 filters of 3×3×3, each block pooled: 24 → 22 → 11 → 9 → 4 → 2 → 1. */
    public static List<Block3d> course3d() {
        return List.of(new Block3d(16, 3, 1, 0, true), new Block3d(32, 3, 1, 0, true), new Block3d(64, 3, 1, 0, true));
    }

    /**
     * The exercise's answer, features of [32, 128, 4, 4, 4] for a batch of 32: Conv3d(1,32,5) pool → Conv3d(32,64,3) pool →
     * Conv3d(64,128,3,padding=1): 24 → 20 → 10 → 8 → 4 → 4.
     */
    public static List<Block3d> modified3d() {
        return List.of(
                new Block3d(32, 5, 1, 0, true), new Block3d(64, 3, 1, 0, true), new Block3d(128, 3, 1, 1, false));
    }

    /** The notebook's Conv3DNet on its 24³ grids, dropout 0.5. */
    public static Net conv3dNet(int classes) {
        return conv3d(course3d(), 24, classes, 0.5);
    }

    /** {@code course} or {@code modified}, the command line's and lessons' names of the two 3D nets. */
    public static List<Block3d> blocks3d(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "course" -> course3d();
            case "modified" -> modified3d();
            default -> throw new ComputeException("train3d.badNet", name);
        };
    }
}
