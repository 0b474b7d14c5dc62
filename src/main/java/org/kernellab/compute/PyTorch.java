package org.kernellab.compute;

import java.util.Arrays;

/** The PyTorch line that builds a layer with given settings, as the course writes it. */
public final class PyTorch {
    private PyTorch() {}

    public static String conv(int in, int out, Window w, boolean bias) {
        return "nn.Conv" + w.axes() + "d(" + in + ", " + out + ", kernel_size=" + tuple(w.kernel())
                + opt("stride", w.stride(), 1) + opt("padding", w.padding(), 0) + opt("dilation", w.dilation(), 1)
                + (bias ? "" : ", bias=False") + ")";
    }

    public static String convTranspose(int in, int out, Window w, boolean bias) {
        return conv(in, out, w, bias).replace("nn.Conv", "nn.ConvTranspose");
    }

    public static String pool(PoolMode mode, Window w) {
        return "nn." + (mode == PoolMode.MAX ? "Max" : "Avg") + "Pool" + w.axes() + "d(" + tuple(w.kernel())
                + (Arrays.equals(w.stride(), w.kernel()) ? "" : ", stride=" + tuple(w.stride()))
                + opt("padding", w.padding(), 0) + (w.ceil() ? ", ceil_mode=True" : "") + ")";
    }

    /** {@code torch.Size([1, 3, 19, 19])}. */
    public static String size(int... shape) {
        StringBuilder sb = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append("])").toString();
    }

    /** One number when all axes agree, else a tuple: 3 or (3, 5). */
    public static String tuple(int[] v) {
        if (Arrays.stream(v).allMatch(x -> x == v[0])) return String.valueOf(v[0]);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(v[i]);
        return sb.append(")").toString();
    }

    private static String opt(String name, int[] v, int def) {
        return Arrays.stream(v).allMatch(x -> x == def) ? "" : ", " + name + "=" + tuple(v);
    }
}
