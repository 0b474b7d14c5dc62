package org.kernellab.model;

import java.util.List;
import org.kernellab.compute.Reference;
import org.kernellab.compute.Tensor;

/**
 * A net's forward pass in doubles with plain loops, written from PyTorch's definitions and the weights in PyTorch's
 * layouts, independent of the engine: convolution and pooling through the course's from-scratch loops
 * ({@link Reference}), the other layers written out here. Evaluation mode (dropout off, BatchNorm's running statistics).
 */
public final class LoopNet {
    private LoopNet() {}

    /** The net's output for one sample (channels first), from {@code params} and {@code buffers} as {@link Network#pytorchParameters} gives them. */
    public static double[] forward(
            Net net, List<Network.Tensor32> params, List<Network.Tensor32> buffers, double[] sample) {
        return upTo(net, params, buffers, sample, net.layers().size());
    }

    /** The output of the net's first {@code count} layers, channels first. */
    public static double[] upTo(
            Net net, List<Network.Tensor32> params, List<Network.Tensor32> buffers, double[] sample, int count) {
        Tensor x = new Tensor(batchOfOne(net.input()), sample);
        int p = 0, b = 0;
        for (Layer l : net.layers().subList(0, count)) {
            if (l instanceof Layer.Conv c) {
                Tensor w = tensor(params.get(p++));
                Tensor bias = c.bias() ? tensor(params.get(p++)) : null;
                x = Reference.conv(x, w, bias, c.window());
            } else if (l instanceof Layer.Pool pool) {
                x = Reference.pool(x, pool.mode(), pool.window());
            } else if (l instanceof Layer.BatchNorm bn) {
                x = norm(x, params.get(p++), params.get(p++), buffers.get(b++), buffers.get(b++), bn.eps());
            } else if (l instanceof Layer.Linear lin) {
                x = linear(x, params.get(p++), lin.bias() ? params.get(p++) : null);
            } else if (l instanceof Layer.AdaptiveAvgPool a) {
                x = adaptive(x, a.output());
            } else if (l instanceof Layer.ReLU) {
                double[] d = x.data().clone();
                for (int i = 0; i < d.length; i++) d[i] = Math.max(0, d[i]);
                x = new Tensor(x.shape(), d);
            } else if (l instanceof Layer.Flatten) {
                x = x.reshape(1, x.size());
            } else if (l instanceof Layer.Softmax) {
                x = softmax(x);
            } // Dropout: nothing in evaluation
        }
        return x.data();
    }

    static int[] batchOfOne(int[] input) {
        int[] s = new int[input.length + 1];
        s[0] = 1;
        System.arraycopy(input, 0, s, 1, input.length);
        return s;
    }

    static Tensor tensor(Network.Tensor32 t) {
        double[] d = new double[t.values().length];
        for (int i = 0; i < d.length; i++) d[i] = t.values()[i];
        return new Tensor(t.shape(), d);
    }

    /** y = (x − running mean) / √(running var + eps) · weight + bias, per channel. */
    static Tensor norm(
            Tensor x,
            Network.Tensor32 weight,
            Network.Tensor32 bias,
            Network.Tensor32 mean,
            Network.Tensor32 var,
            double eps) {
        int c = x.dim(1), per = x.size() / c;
        double[] d = x.data().clone();
        for (int ch = 0; ch < c; ch++) {
            double scale = weight.values()[ch] / Math.sqrt(var.values()[ch] + eps);
            for (int i = 0; i < per; i++)
                d[ch * per + i] = (d[ch * per + i] - mean.values()[ch]) * scale + bias.values()[ch];
        }
        return new Tensor(x.shape(), d);
    }

    /** y_j = Σ_i W[j][i] x_i + b_j. */
    static Tensor linear(Tensor x, Network.Tensor32 w, Network.Tensor32 b) {
        int out = w.shape()[0], in = w.shape()[1];
        double[] y = new double[out];
        for (int j = 0; j < out; j++) {
            double s = b == null ? 0 : b.values()[j];
            for (int i = 0; i < in; i++) s += w.values()[j * in + i] * x.data()[i];
            y[j] = s;
        }
        return new Tensor(new int[] {1, out}, y);
    }

    /** Output cell i of each axis averages input cells ⌊i·n/out⌋ … ⌈(i+1)·n/out⌉ − 1 (PyTorch's adaptive windows). */
    static Tensor adaptive(Tensor x, int[] out) {
        int axes = out.length, c = x.dim(1);
        int[] in = new int[axes];
        for (int a = 0; a < axes; a++) in[a] = x.dim(a + 2);
        int[] shape = new int[axes + 2];
        shape[0] = 1;
        shape[1] = c;
        System.arraycopy(out, 0, shape, 2, axes);
        Tensor y = Tensor.zeros(shape);
        int cells = y.size() / c;
        for (int ch = 0; ch < c; ch++) {
            for (int o = 0; o < cells; o++) {
                int[] pos = new int[axes], lo = new int[axes], hi = new int[axes];
                for (int a = axes - 1, rest = o; a >= 0; a--) {
                    pos[a] = rest % out[a];
                    rest /= out[a];
                    lo[a] = pos[a] * in[a] / out[a];
                    hi[a] = ((pos[a] + 1) * in[a] + out[a] - 1) / out[a];
                }
                double sum = 0;
                int count = 0;
                for (int k = 0; k < x.size() / c; k++) {
                    boolean inside = true;
                    for (int a = axes - 1, rest = k; a >= 0; a--) {
                        int v = rest % in[a];
                        rest /= in[a];
                        inside &= v >= lo[a] && v < hi[a];
                    }
                    if (!inside) continue;
                    sum += x.data()[ch * (x.size() / c) + k];
                    count++;
                }
                y.data()[ch * cells + o] = sum / count;
            }
        }
        return y;
    }

    static Tensor softmax(Tensor x) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : x.data()) max = Math.max(max, v);
        double[] d = new double[x.size()];
        for (int i = 0; i < d.length; i++) sum += d[i] = Math.exp(x.data()[i] - max);
        for (int i = 0; i < d.length; i++) d[i] /= sum;
        return new Tensor(x.shape(), d);
    }
}
