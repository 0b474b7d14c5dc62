package org.kernellab.data;

import java.util.List;
import org.kernellab.compute.Problem;

/**
 * Pictures of one size with their class labels: each picture's channels one after another (channels first, as
 * PyTorch's tensors), bytes 0–255. CIFAR-10's batches and a folder of the user's own pictures both come as these.
 */
public record Pictures(byte[] pixels, byte[] labels, int channels, int height, int width) {
    public Pictures {
        if ((long) labels.length * channels * height * width != pixels.length)
            throw new IllegalArgumentException(pixels.length + " bytes for " + labels.length + " pictures");
    }

    public int count() {
        return labels.length;
    }

    /** The values of one picture: its size in bytes. */
    public int size() {
        return channels * height * width;
    }

    /** A training and a test set, their class names, and the files that could not be read (each with why). */
    public record Split(Pictures train, Pictures test, List<String> classes, List<Problem> skipped) {}
}
