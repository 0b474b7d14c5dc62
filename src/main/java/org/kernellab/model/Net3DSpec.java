package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.compute.LayerSpec;

/**
 * A 3D convolutional network for voxel grids, as the course's ModelNet notebook builds it: blocks of Conv3d (stride 1)
 * + ReLU, each optionally followed by MaxPool3d(2), then flatten, Linear(features, 512) + ReLU + Dropout, and Linear to
 * the classes; trained with Adam.
 */
public record Net3DSpec(List<Block> blocks, int grid, int classes, double dropout, double lr, int batch, int epochs, long seed) {
    /** Conv3d(in, {@code out}, {@code kernel}, stride={@code stride}, padding={@code padding}), ReLU, then MaxPool3d(2) when {@code pool}. */
    public record Block(int out, int kernel, int stride, int padding, boolean pool) {
        /** A block of stride 1, as the course's are. */
        public Block(int out, int kernel, int padding, boolean pool) { this(out, kernel, 1, padding, pool); }
    }

    public static final int HIDDEN = 512;

    public Net3DSpec {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) throw new ComputeException("train3d.noBlocks");
        if (classes < 2 || classes > 40) throw new ComputeException("train3d.badClasses", classes);
        if (!(dropout >= 0 && dropout < 1)) throw new ComputeException("train.badDropout", dropout);
        if (!(lr > 0) || lr > 10) throw new ComputeException("train.badLr", lr);
        if (batch < 1 || batch > 4096) throw new ComputeException("train.badBatch", batch, 4096);
        if (epochs < 1 || epochs > NetSpec.MAX_EPOCHS) throw new ComputeException("train.badEpochs", epochs, NetSpec.MAX_EPOCHS);
        // refuses blocks that shrink the grid to nothing, naming the layer that does it
        LayerChain.apply(new int[] {batch, 1, grid, grid, grid}, layers(blocks, classes, dropout));
    }

    /** The course's Conv3DNet: 16, 32, 64 filters of 3×3×3, each block pooled: 24 → 22 → 11 → 9 → 4 → 2 → 1. */
    public static List<Block> course() { return List.of(new Block(16, 3, 0, true), new Block(32, 3, 0, true), new Block(64, 3, 0, true)); }

    /**
     * The exercise's answer, features of [32, 128, 4, 4, 4] for a batch of 32: Conv3d(1,32,5) pool → Conv3d(32,64,3) pool →
     * Conv3d(64,128,3,padding=1): 24 → 20 → 10 → 8 → 4 → 4.
     */
    public static List<Block> modified() { return List.of(new Block(32, 5, 0, true), new Block(64, 3, 0, true), new Block(128, 3, 1, false)); }

    /** The layers as a chain for one grid (N, 1, G, G, G), so shapes and parameter counts come from the compute core. */
    public List<LayerSpec> layers() { return layers(blocks, classes, dropout); }

    private static List<LayerSpec> layers(List<Block> blocks, int classes, double dropout) {
        List<LayerSpec> l = new ArrayList<>();
        for (Block b : blocks) {
            l.add(LayerSpec.parse("conv:out=" + b.out() + ",k=" + b.kernel() + ",s=" + b.stride() + ",p=" + b.padding()));
            l.add(LayerSpec.parse("relu"));
            if (b.pool()) l.add(LayerSpec.parse("maxpool:k=2"));
        }
        l.add(LayerSpec.parse("flatten"));
        l.add(LayerSpec.parse("linear:out=" + HIDDEN));
        l.add(LayerSpec.parse("relu"));
        if (dropout > 0) l.add(LayerSpec.parse("dropout:p=" + dropout));
        l.add(LayerSpec.parse("linear:out=" + classes));
        return l;
    }

    public List<LayerChain.Result> summary() { return LayerChain.apply(new int[] {batch, 1, grid, grid, grid}, layers()); }

    public long parameters() { return summary().stream().mapToLong(LayerChain.Result::parameters).sum(); }

    /** Each block's side after its convolution and after its pooling (the same when it has none). */
    int[][] sides() {
        int[][] s = new int[blocks.size()][2];
        int side = grid;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            s[i][0] = (side + 2 * b.padding() - b.kernel()) / b.stride() + 1;
            s[i][1] = b.pool() ? s[i][0] / 2 : s[i][0];
            side = s[i][1];
        }
        return s;
    }
}
