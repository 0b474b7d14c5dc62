package org.kernellab.compute;

import java.util.Arrays;

/**
 * How a kernel or pooling window moves over the spatial axes (2 for images, 3 for volumes), in PyTorch's
 * terms. Each setting is given per axis; {@code ceil} is pooling's {@code ceil_mode}.
 */
public record Window(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil) {
    public Window {
        int n = kernel.length;
        if (n < 1 || stride.length != n || padding.length != n || dilation.length != n) {
            throw new IllegalArgumentException("window settings need one value per axis");
        }
        kernel = kernel.clone();
        stride = stride.clone();
        padding = padding.clone();
        dilation = dilation.clone();
    }

    /** The same kernel, stride, padding and dilation on every one of {@code axes} axes. */
    public static Window cubic(int axes, int kernel, int stride, int padding, int dilation) {
        return new Window(fill(axes, kernel), fill(axes, stride), fill(axes, padding), fill(axes, dilation), false);
    }

    public static Window square(int kernel, int stride, int padding) {
        return cubic(2, kernel, stride, padding, 1);
    }

    /** A window whose kernel size comes from a weight tensor's trailing axes. */
    public Window withKernel(int... k) {
        return new Window(k, stride, padding, dilation, ceil);
    }

    public Window withCeil(boolean c) {
        return new Window(kernel, stride, padding, dilation, c);
    }

    public int axes() {
        return kernel.length;
    }

    public static int[] fill(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w
                && Arrays.equals(kernel, w.kernel)
                && Arrays.equals(stride, w.stride)
                && Arrays.equals(padding, w.padding)
                && Arrays.equals(dilation, w.dilation)
                && ceil == w.ceil;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {
            Arrays.hashCode(kernel),
            Arrays.hashCode(stride),
            Arrays.hashCode(padding),
            Arrays.hashCode(dilation),
            ceil ? 1 : 0
        });
    }

    @Override
    public String toString() {
        return "Window[k=" + Arrays.toString(kernel) + ", s=" + Arrays.toString(stride) + ", p="
                + Arrays.toString(padding) + ", d=" + Arrays.toString(dilation) + (ceil ? ", ceil" : "") + "]";
    }
}
