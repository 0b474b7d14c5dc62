package org.kernellab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.compute.LayerSpec;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.i18n.Messages;

/**
 * The command line: {@code conv}, {@code pool}, {@code shape} and {@code bench}, printing JSON on stdout.
 * Bad input gives one line on stderr and exit status 2; option names and JSON keys are a contract
 * teachers' scripts rely on (add, never rename).
 */
public final class Cli {
    public static final Set<String> COMMANDS = Set.of("conv", "pool", "shape", "train", "bench", "help");

    private Cli() {}

    public static boolean isCommand(String arg) { return !arg.startsWith("-"); }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(Messages.english("cli.usage"));
            return 2;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (command) {
                case "conv" -> out.println(Json.write(conv(rest)));
                case "pool" -> out.println(Json.write(pool(rest)));
                case "shape" -> out.println(Json.write(shape(rest)));
                case "train" -> Train.run(rest, out);
                case "bench" -> Bench.run(new Options("bench", rest, Set.of("--repeat"), Set.of(), Set.of()).integer("--repeat", 200), out);
                case "help" -> out.println(Messages.english("cli.usage"));
                default -> throw new CliException("cli.unknownCommand", command);
            }
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.problem.english());
            return 2;
        } catch (org.kernellab.data.DataException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (ComputeException e) {
            err.println("error: " + e.problem().english());
            return 2;
        } catch (RuntimeException | LinkageError e) {
            // never a stack trace: name what failed in one line
            err.println("error: " + command + " failed: " + e);
            return 1;
        }
    }

    static Map<String, Object> conv(List<String> args) {
        Options o = new Options("conv", args, Set.of("--input", "--kernel", "--padding", "--stride", "--dilation", "--bias"), Set.of(), Set.of());
        Tensor input = Json.tensor("--input", o.required("--input"), 2, 3);
        Tensor kernel = Json.tensor("--kernel", o.required("--kernel"), 2, 4);
        boolean plain = input.rank() == 2 && kernel.rank() == 2;
        Tensor x = batch(input);
        Tensor w;
        if (kernel.rank() == 4) w = kernel;
        else if (kernel.rank() == 2 && x.dim(1) == 1) w = kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1));
        else throw new CliException("cli.rankPair", input.rank(), kernel.rank());
        Window win = new Window(new int[] {w.dim(2), w.dim(3)}, o.perAxis("--stride", 2, 1), o.perAxis("--padding", 2, 0), o.perAxis("--dilation", 2, 1), false);
        Tensor bias = bias(o.optional("--bias"), w.dim(0));
        Tensor y = NdOps.conv(x, w, bias, win);
        Tensor result = plain ? y.reshape(y.dim(2), y.dim(3)) : y.reshape(y.dim(1), y.dim(2), y.dim(3));
        return output(result);
    }

    static Map<String, Object> pool(List<String> args) {
        Options o = new Options("pool", args, Set.of("--input", "--mode", "--size", "--stride", "--padding"), Set.of("--ceil"), Set.of());
        Tensor input = Json.tensor("--input", o.required("--input"), 2, 3);
        PoolMode mode = PoolMode.parse(o.required("--mode"));
        int[] size = o.perAxis("--size", 2, 0);
        if (o.optional("--size") == null) throw new CliException("cli.missingOption", "--size", "pool");
        Window win = new Window(size, o.perAxis("--stride", 2, 0), o.perAxis("--padding", 2, 0), Window.fill(2, 1), o.flag("--ceil"));
        if (o.optional("--stride") == null) win = new Window(size, size, win.padding(), win.dilation(), win.ceil());
        Tensor x = batch(input);
        Tensor y = NdOps.pool(x, mode, win);
        Tensor result = input.rank() == 2 ? y.reshape(y.dim(2), y.dim(3)) : y.reshape(y.dim(1), y.dim(2), y.dim(3));
        return output(result);
    }

    static Map<String, Object> shape(List<String> args) {
        Options o = new Options("shape", args, Set.of("--input", "--layer"), Set.of(), Set.of("--layer"));
        int[] input;
        try {
            input = Arrays.stream(o.required("--input").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new CliException("cli.badShape");
        }
        List<LayerSpec> layers = o.all("--layer").stream().map(LayerSpec::parse).toList();
        List<LayerChain.Result> results = LayerChain.apply(input, layers);
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        for (LayerChain.Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", r.layer().text());
            row.put("pytorch", r.pytorch());
            row.put("shape", r.shape());
            if (r.weightShape().length > 0) row.put("weight_shape", r.weightShape());
            row.put("parameters", r.parameters());
            if (!r.axes().isEmpty()) row.put("formula", r.axes().stream().map(AxisSize::formula).toList());
            rows.add(row);
            total += r.parameters();
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("input", input);
        res.put("layers", rows);
        res.put("output", results.isEmpty() ? input : results.get(results.size() - 1).shape());
        res.put("parameters", total);
        return res;
    }

    private static Tensor bias(String text, int filters) {
        if (text == null) return null;
        String t = text.trim();
        if (t.startsWith("[")) {
            Tensor b = Json.tensor("--bias", t, 1, 1);
            if (b.dim(0) != filters) throw new ComputeException("conv.badBias", filters, Arrays.toString(b.shape()));
            return b;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new CliException("cli.badDecimal", "--bias", text);
        }
        double[] all = new double[filters];
        Arrays.fill(all, v);
        return new Tensor(new int[] {filters}, all);
    }

    private static Map<String, Object> output(Tensor t) {
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
