package org.kernellab.model;

import java.util.Arrays;

/** One layer's output for one sample: its per-sample shape channels-last and its values in that order. */
public record Activation(int layer, Layer kind, int[] shape, float[] values) {
    /** Channels of a spatial output (the last axis), or 1 for a flat one. */
    public int channels() {
        return shape.length == 1 ? 1 : shape[shape.length - 1];
    }

    /** Channel {@code c} of a 2D output as rows × cols. */
    public double[][] map(int c) {
        int h = shape[0], w = shape[1], ch = shape[2];
        double[][] m = new double[h][w];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[y][x] = values[(y * w + x) * ch + c];
        return m;
    }

    @Override
    public String toString() {
        return kind.type() + Arrays.toString(shape);
    }
}
