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
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.i18n.Messages;
import org.kernellab.install.Versions;
import org.kernellab.model.Architectures;

/**
 * The command line: {@code conv}, {@code pool}, {@code shape}, {@code train}, help and version, printing JSON on stdout.
 * Bad input gives one line on stderr and exit status 2; option names and JSON keys are a contract
 * teachers' scripts rely on (add, never rename).
 */
public final class Cli {
    private static final Set<String> HELP = Set.of("help", "--help", "-h", "-?"), VERSION = Set.of("version", "--version", "-V");

    private Cli() {}

    /** Whether the arguments ask for the command line rather than the window (a command, help or the version). */
    public static boolean isCommand(String arg) { return !arg.startsWith("-") || HELP.contains(arg) || VERSION.contains(arg); }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(Messages.english("cli.usage"));
            return 2;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            String result = run(command, rest, out);
            if (result != null) out.println(result);
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.problem.english());
            return 2;
        } catch (org.kernellab.data.DataException e) {
            err.println("error: " + e.problem().english());
            return 2;
        } catch (ComputeException e) {
            err.println("error: " + e.problem().english());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("error: " + Messages.english("cli.outOfMemory", command));
            return 2;
        } catch (RuntimeException | LinkageError e) {
            // a fault of the app, not of the input: still one line, never a stack trace
            err.println("error: " + command + " failed: " + e);
            return 1;
        }
    }

    /** The command's whole output when it is one JSON document, printed only once it is complete; else null. */
    private static String run(String command, List<String> rest, PrintStream out) throws org.kernellab.data.DataException {
        if (HELP.contains(command)) return Messages.english("cli.usage");
        if (VERSION.contains(command)) return "kernellab " + Versions.APP;
        switch (command) {
            case "conv" -> { return Json.write(conv(rest)); }
            case "pool" -> { return Json.write(pool(rest)); }
            case "shape" -> { return Json.write(shape(rest)); }
            case "train" -> Train.run(rest, out);
            case "voxelize" -> { return Json.write(Objects3d.voxelize(rest)); }
            case "generate3d" -> { return Json.write(Objects3d.generate(rest)); }
            case "train3d" -> Objects3d.train(rest, out);
            default -> throw new CliException("cli.unknownCommand", command);
        }
        return null;
    }

    static Map<String, Object> conv(List<String> args) {
        Options o = new Options("conv", args, Set.of("--input", "--kernel", "--padding", "--stride", "--dilation", "--bias"), Set.of(), Set.of());
        Tensor input = Json.tensor("--input", o.json("--input", true), 2, 3);
        Tensor kernel = Json.tensor("--kernel", o.json("--kernel", true), 2, 4);
        boolean plain = input.rank() == 2 && kernel.rank() == 2;
        Tensor x = batch(input);
        Tensor w;
        if (kernel.rank() == 4) w = kernel;
        else if (kernel.rank() == 2 && x.dim(1) == 1) w = kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1));
        else throw new CliException("cli.rankPair", input.rank(), kernel.rank());
        Window win = new Window(new int[] {w.dim(2), w.dim(3)}, o.perAxis("--stride", 2, 1, 1, Shapes.LIMIT),
                o.perAxis("--padding", 2, 0, 0, Shapes.LIMIT), o.perAxis("--dilation", 2, 1, 1, Shapes.LIMIT), false);
        Tensor bias = bias(o.json("--bias", false), w.dim(0));
        Tensor y = NdOps.conv(x, w, bias, win);
        Tensor result = plain ? y.reshape(y.dim(2), y.dim(3)) : y.reshape(y.dim(1), y.dim(2), y.dim(3));
        return output(result);
    }

    static Map<String, Object> pool(List<String> args) {
        Options o = new Options("pool", args, Set.of("--input", "--mode", "--size", "--stride", "--padding"), Set.of("--ceil"), Set.of());
        Tensor input = Json.tensor("--input", o.json("--input", true), 2, 3);
        PoolMode mode = PoolMode.parse(o.required("--mode"));
        o.required("--size");
        int[] size = o.perAxis("--size", 2, 0, 1, Shapes.LIMIT);
        Window win = new Window(size, o.perAxis("--stride", 2, 0, 1, Shapes.LIMIT), o.perAxis("--padding", 2, 0, 0, Shapes.LIMIT),
                Window.fill(2, 1), o.flag("--ceil"));
        if (o.optional("--stride") == null) win = new Window(size, size, win.padding(), win.dilation(), win.ceil());
        Tensor x = batch(input);
        Tensor y = NdOps.pool(x, mode, win);
        Tensor result = input.rank() == 2 ? y.reshape(y.dim(2), y.dim(3)) : y.reshape(y.dim(1), y.dim(2), y.dim(3));
        return output(result);
    }

    static Map<String, Object> shape(List<String> args) {
        Options o = new Options("shape", args, Set.of("--input", "--layer", "--model"), Set.of(), Set.of("--layer"));
        String model = o.optional("--model"), text = model == null ? o.required("--input") : o.optional("--input");
        if (model != null && !o.all("--layer").isEmpty()) throw new CliException("cli.modelOrLayers");
        Architectures.Architecture arch = model == null ? null : Architectures.of(model);
        int[] input = text == null ? arch.input() : shapeOption(text);
        List<LayerSpec> layers = arch != null ? arch.layers() : o.all("--layer").stream().map(LayerSpec::parse).toList();
        List<LayerChain.Result> results = LayerChain.apply(input, layers);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LayerChain.Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", r.layer().text());
            row.put("pytorch", r.pytorch());
            row.put("shape", r.shape());
            if (r.weightShape().length > 0) row.put("weight_shape", r.weightShape());
            row.put("parameters", r.parameters());
            if (!r.axes().isEmpty()) row.put("formula", r.axes().stream().map(AxisSize::formula).toList());
            row.put("macs", r.macs());
            row.put("activation_bytes", r.activationBytes());
            rows.add(row);
        }
        LayerChain.Totals t = LayerChain.Totals.of(results);
        Map<String, Object> res = new LinkedHashMap<>();
        if (arch != null) res.put("model", arch.name());
        res.put("input", input);
        res.put("layers", rows);
        res.put("output", results.isEmpty() ? input : results.get(results.size() - 1).shape());
        res.put("parameters", t.parameters());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("parameters", t.parameters());
        totals.put("macs", t.macs());
        totals.put("weights_mb", Math.round(t.weightsMegabytes() * 100) / 100.0);
        totals.put("activations_mb", Math.round(t.activationMegabytes() * 100) / 100.0);
        res.put("totals", totals);
        return res;
    }

    private static int[] shapeOption(String text) {
        if (!text.trim().matches("[0-9]{1,9}( *, *[0-9]{1,9}){1,4}")) throw new CliException("cli.badShape", text);
        return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
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
