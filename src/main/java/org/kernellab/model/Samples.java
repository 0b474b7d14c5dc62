package org.kernellab.model;

import java.util.Arrays;
import org.kernellab.data.Dataset;
import org.kernellab.data.Pictures;
import org.kernellab.mesh.VoxelSet;

/**
 * What a net reads: {@code count} samples of {@code shape} (channels first, as PyTorch's tensors) stored as bytes, each
 * value times {@code scale} (1/255 for pictures, 1 for voxel grids) plus {@code shift}, and one class label per sample.
 * {@code binary}: every value is 0 or 1 (occupancy grids), which the fast first 3D block counts on.
 */
public record Samples(byte[] values, byte[] labels, int[] shape, float scale, float shift, boolean binary) {
    public Samples {
        shape = shape.clone();
        long per = 1;
        for (int d : shape) per *= d;
        if (per * labels.length != values.length) {
            throw new IllegalArgumentException(
                    values.length + " values for " + labels.length + " samples of " + Arrays.toString(shape));
        }
    }

    public Samples(byte[] values, byte[] labels, int[] shape, float scale, boolean binary) {
        this(values, labels, shape, scale, 0, binary);
    }

    /** Fashion-MNIST images, grey values 0–255 read as 0–1 (torchvision's ToTensor). */
    public static Samples of(Dataset d) {
        return new Samples(
                d.images().pixels(),
                d.labels(),
                new int[] {1, d.images().rows(), d.images().cols()},
                1 / 255f,
                false);
    }

    /** Pictures of any size and channels (CIFAR-10, a folder of one's own), 0–255 read as 0–1. */
    public static Samples of(Pictures p) {
        return new Samples(p.pixels(), p.labels(), new int[] {p.channels(), p.height(), p.width()}, 1 / 255f, false);
    }

    public static Samples train(VoxelSet v) {
        return grids(v.train(), v.trainLabels(), v.grid());
    }

    public static Samples test(VoxelSet v) {
        return grids(v.test(), v.testLabels(), v.grid());
    }

    /** Occupancy grids of {@code grid}³, 0 or 1 per cell. */
    public static Samples grids(byte[] voxels, byte[] labels, int grid) {
        return new Samples(voxels, labels, new int[] {1, grid, grid, grid}, 1f, true);
    }

    public int count() {
        return labels.length;
    }

    /** Values per sample. */
    public int size() {
        return values.length / Math.max(1, labels.length);
    }

    public int label(int i) {
        return labels[i];
    }

    /** The same kind of samples for other values and labels (an augmented batch). */
    public Samples with(byte[] otherValues, byte[] otherLabels) {
        return new Samples(otherValues, otherLabels, shape, scale, shift, binary);
    }

    /** The first {@code n} samples (all of them when there are fewer). */
    public Samples first(int n) {
        int k = Math.min(n, count());
        return new Samples(Arrays.copyOf(values, k * size()), Arrays.copyOf(labels, k), shape, scale, shift, binary);
    }

    /** As torchvision's {@code Normalize((0.5,), (0.5,))} after {@code ToTensor()}: each value v read as (v − 0.5) / 0.5. */
    public Samples normalized() {
        return new Samples(values, labels, shape, scale * 2, shift * 2 - 1, false);
    }

    /** Sample {@code i}'s values, scaled, channels first. */
    public float[] floats(int i) {
        int n = size();
        float[] f = new float[n];
        for (int k = 0; k < n; k++) f[k] = (values[i * n + k] & 0xFF) * scale + shift;
        return f;
    }
}
