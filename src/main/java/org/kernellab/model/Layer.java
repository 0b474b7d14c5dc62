package org.kernellab.model;

import java.util.Arrays;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Window;

/**
 * One layer of a sequential network, in {@code torch.nn}'s words: the module's name ({@link #type}) and its arguments,
 * with PyTorch's defaults. Sizes that PyTorch asks for but that follow from the input ({@code in_channels},
 * {@code in_features}, BatchNorm's {@code num_features}) are worked out by {@link Net}; where given, they must agree.
 * Values are immutable; {@link NetJson} reads and writes them.
 */
public sealed interface Layer {
    /** The module's name in torch.nn: {@code Conv2d}, {@code MaxPool3d}, {@code ReLU}… */
    String type();

    /** Spatial axes of a layer that has them (2 or 3), 0 for the ones that work on any shape. */
    default int dims() {
        return 0;
    }

    /** {@code nn.Conv2d}/{@code nn.Conv3d}: {@code in} is 0 when it follows from the input. */
    record Conv(int dims, int in, int out, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean bias)
            implements Layer {
        public Conv {
            kernel = kernel.clone();
            stride = stride.clone();
            padding = padding.clone();
            dilation = dilation.clone();
        }

        /** A square or cubic convolution with one kernel size, stride and padding, dilation 1, with bias. */
        public static Conv of(int dims, int out, int kernel, int stride, int padding) {
            return new Conv(
                    dims,
                    0,
                    out,
                    Window.fill(dims, kernel),
                    Window.fill(dims, stride),
                    Window.fill(dims, padding),
                    Window.fill(dims, 1),
                    true);
        }

        @Override
        public String type() {
            return "Conv" + dims + "d";
        }

        public Window window() {
            return new Window(kernel, stride, padding, dilation, false);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Conv c
                    && dims == c.dims
                    && in == c.in
                    && out == c.out
                    && bias == c.bias
                    && Arrays.equals(kernel, c.kernel)
                    && Arrays.equals(stride, c.stride)
                    && Arrays.equals(padding, c.padding)
                    && Arrays.equals(dilation, c.dilation);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new int[] {dims, in, out, window().hashCode(), bias ? 1 : 0});
        }

        @Override
        public String toString() {
            return type() + "(" + in + ", " + out + ", " + window() + (bias ? "" : ", bias=False") + ")";
        }
    }

    /** {@code nn.BatchNorm2d}/{@code 3d}: per channel, batch statistics in training, running ones in evaluation. */
    record BatchNorm(int dims, int features, double eps, double momentum) implements Layer {
        public static final double EPS = 1e-5, MOMENTUM = 0.1;

        @Override
        public String type() {
            return "BatchNorm" + dims + "d";
        }
    }

    /** {@code nn.ReLU}. */
    record ReLU() implements Layer {
        @Override
        public String type() {
            return "ReLU";
        }
    }

    /** {@code nn.MaxPool2d/3d} or {@code nn.AvgPool2d/3d} (average pooling counts padding cells, PyTorch's default). */
    record Pool(int dims, PoolMode mode, int[] kernel, int[] stride, int[] padding, boolean ceil) implements Layer {
        public Pool {
            kernel = kernel.clone();
            stride = stride.clone();
            padding = padding.clone();
        }

        /** A window of {@code k} moving {@code k} (PyTorch's default stride), no padding. */
        public static Pool of(int dims, PoolMode mode, int k) {
            return new Pool(dims, mode, Window.fill(dims, k), Window.fill(dims, k), Window.fill(dims, 0), false);
        }

        @Override
        public String type() {
            return (mode == PoolMode.MAX ? "MaxPool" : "AvgPool") + dims + "d";
        }

        public Window window() {
            return new Window(kernel, stride, padding, Window.fill(dims, 1), ceil);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pool p && dims == p.dims && mode == p.mode && window().equals(p.window());
        }

        @Override
        public int hashCode() {
            return window().hashCode() * 31 + mode.hashCode();
        }

        @Override
        public String toString() {
            return type() + "(" + window() + ")";
        }
    }

    /** {@code nn.AdaptiveAvgPool2d/3d}: windows chosen so that the output has the given size, whatever the input's. */
    record AdaptiveAvgPool(int dims, int[] output) implements Layer {
        public AdaptiveAvgPool {
            output = output.clone();
        }

        @Override
        public String type() {
            return "AdaptiveAvgPool" + dims + "d";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AdaptiveAvgPool a && dims == a.dims && Arrays.equals(output, a.output);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(output) * 31 + dims;
        }

        @Override
        public String toString() {
            return type() + Arrays.toString(output);
        }
    }

    /** {@code nn.Dropout(p)}: in training, each value zeroed with probability p and the others scaled by 1/(1 − p). */
    record Dropout(double p) implements Layer {
        @Override
        public String type() {
            return "Dropout";
        }
    }

    /** {@code nn.Flatten()}: (N, C, …) to (N, C·…), in PyTorch's (channel-first) order. */
    record Flatten() implements Layer {
        @Override
        public String type() {
            return "Flatten";
        }
    }

    /** {@code nn.Linear}: {@code in} is 0 when it follows from the input. */
    record Linear(int in, int out, boolean bias) implements Layer {
        @Override
        public String type() {
            return "Linear";
        }
    }

    /** {@code nn.Softmax(dim=1)}: only as the last layer, where it turns logits into probabilities. */
    record Softmax() implements Layer {
        @Override
        public String type() {
            return "Softmax";
        }
    }
}
