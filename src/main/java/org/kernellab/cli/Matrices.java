package org.kernellab.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;

/**
 * {@code conv} and {@code pool}: one convolution or pooling of a matrix (or of channels) given as JSON, PyTorch's
 * conventions: cross-correlation, zero padding, per-axis settings.
 */
final class Matrices {
    private Matrices() {}

    static Map<String, Object> conv(List<String> args) {
        Options o = new Options(
                "conv",
                args,
                Set.of("--input", "--kernel", "--padding", "--stride", "--dilation", "--bias"),
                Set.of(),
                Set.of());
        Tensor input = Json.tensor("--input", o.json("--input", true), 2, 3);
        Tensor kernel = Json.tensor("--kernel", o.json("--kernel", true), 2, 4);
        boolean plain = input.rank() == 2 && kernel.rank() == 2;
        Tensor x = batch(input);
        Tensor w;
        if (kernel.rank() == 4) w = kernel;
        else if (kernel.rank() == 2 && x.dim(1) == 1) w = kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1));
        else throw new CliException("cli.rankPair", input.rank(), kernel.rank());
        Window win = new Window(
                new int[] {w.dim(2), w.dim(3)},
                o.perAxis("--stride", 2, 1, 1, Shapes.LIMIT),
                o.perAxis("--padding", 2, 0, 0, Shapes.LIMIT),
                o.perAxis("--dilation", 2, 1, 1, Shapes.LIMIT),
                false);
        Tensor bias = bias(o.json("--bias", false), w.dim(0));
        Tensor y = NdOps.conv(x, w, bias, win);
        Tensor result = plain ? y.reshape(y.dim(2), y.dim(3)) : y.reshape(y.dim(1), y.dim(2), y.dim(3));
        return output(result);
    }

    static Map<String, Object> pool(List<String> args) {
        Options o = new Options(
                "pool",
                args,
                Set.of("--input", "--mode", "--size", "--stride", "--padding"),
                Set.of("--ceil"),
                Set.of());
        Tensor input = Json.tensor("--input", o.json("--input", true), 2, 3);
        PoolMode mode = PoolMode.parse(o.required("--mode"));
        o.required("--size");
        int[] size = o.perAxis("--size", 2, 0, 1, Shapes.LIMIT);
        Window win = new Window(
                size,
                o.perAxis("--stride", 2, 0, 1, Shapes.LIMIT),
                o.perAxis("--padding", 2, 0, 0, Shapes.LIMIT),
                Window.fill(2, 1),
                o.flag("--ceil"));
        if (o.optional("--stride") == null) win = new Window(size, size, win.padding(), win.dilation(), win.ceil());
        Tensor x = batch(input);
        Tensor y = NdOps.pool(x, mode, win);
        Tensor result = input.rank() == 2 ? y.reshape(y.dim(2), y.dim(3)) : y.reshape(y.dim(1), y.dim(2), y.dim(3));
        return output(result);
    }

    private static Tensor bias(String text, int filters) {
        if (text == null) return null;
        String t = text.trim();
        if (t.startsWith("[")) {
            Tensor b = Json.tensor("--bias", t, 1, 1);
            if (b.dim(0) != filters) throw new ComputeException("conv.badBias", filters, Arrays.toString(b.shape()));
            return b;
        }
        double v = Options.decimal("--bias", t, -Double.MAX_VALUE, Double.MAX_VALUE);
        double[] all = new double[filters];
        Arrays.fill(all, v);
        return new Tensor(new int[] {filters}, all);
    }

    private static Map<String, Object> output(Tensor t) {
        for (double v : t.data()) if (!Double.isFinite(v)) throw new CliException("cli.overflow");
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("shape", t.shape());
        res.put("output", t.toNested());
        return res;
    }

    /** (H, W) or (C, H, W) as PyTorch's (1, C, H, W). */
    private static Tensor batch(Tensor t) {
        return t.rank() == 2 ? t.reshape(1, 1, t.dim(0), t.dim(1)) : t.reshape(1, t.dim(0), t.dim(1), t.dim(2));
    }
}
