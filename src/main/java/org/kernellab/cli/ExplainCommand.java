package org.kernellab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.model.Attacks;
import org.kernellab.model.Net;
import org.kernellab.model.NetFiles;
import org.kernellab.model.Network;
import org.kernellab.model.Probe;
import org.kernellab.model.Robustness;
import org.kernellab.model.Saliency;
import org.kernellab.model.Samples;

/**
 * {@code explain}, {@code attack} and {@code robustness}: what a trained net looks at and how easily it is fooled, on
 * test sample {@code --image} of {@code --data} (as {@code train --data} reads it, the built-in Fashion-MNIST without).
 * A net from any file {@code evaluate} takes.
 */
final class ExplainCommand {
    private static final Set<String> COMMON =
            Set.of("--model", "--net", "--data", "--image-size", "--test-share", "--seed", "--points", "--threads");
    private static final Set<String> FLAGS = Set.of("--normalize", "--colour", "--keep-aspect");

    private ExplainCommand() {}

    static Object explain(List<String> args, PrintStream out) throws DataException {
        Options o = options("explain", args, "--image", "--method", "--class", "--patch", "--stride", "--layer");
        Saliency.Method method = Saliency.Method.parse(o.required("--method"));
        if (method == null)
            throw new CliException(
                    "cli.badChoice", "--method", o.optional("--method"), "gradient|input-gradient|gradcam|occlusion");
        try (Network network = opened(o)) {
            Samples test = test(o, network.net());
            int image = image(o, test), cls = o.integer("--class", -1, 0, network.classes() - 1);
            float[] x = test.floats(image);
            Saliency.Patch patch =
                    new Saliency.Patch(o.integer("--patch", 4, 1, 64), o.integer("--stride", 1, 1, 64), 0.5f);
            Saliency.Map m;
            Map<String, Object> end = new LinkedHashMap<>();
            if (method == Saliency.Method.OCCLUSION && (network.net().dims() != 2 || patch.size() > test.shape()[1]))
                throw new CliException("cli.badPatch", patch.size(), test.shape()[1]);
            if (method == Saliency.Method.GRADCAM) {
                if (Saliency.gradCamLayer(network) < 1) throw new CliException("cli.noConvolution");
                int layer = o.integer("--layer", Saliency.gradCamLayer(network), 1, Probe.activations(network) - 1);
                if (Probe.shape(network, layer).length < 3) throw new CliException("cli.flatLayer", layer);
                m = Saliency.gradCam(network, x, cls, layer);
                end.put("layer", layer - 1);
            } else {
                m = Saliency.map(network, x, method, cls, patch);
            }
            end.put("class", m.cls());
            end.put("prediction", m.prediction());
            end.put("label", test.label(image));
            end.put("probabilities", doubles(m.probabilities()));
            end.put("map", nested(m.values(), m.shape()));
            if (m.upsampled() != null) end.put("upsampled", nested(m.upsampled(), test.shape(), 1));
            return end;
        }
    }

    static Object attack(List<String> args, PrintStream out) throws DataException {
        Options o = options("attack", args, "--image", "--method", "--eps", "--steps", "--step-size", "--target");
        boolean pgd = method(o);
        o.required("--eps");
        double eps = o.decimal("--eps", Double.NaN, 0, 1);
        try (Network network = opened(o)) {
            Samples test = test(o, network.net());
            int image = image(o, test), label = test.label(image);
            int steps = o.integer("--steps", 10, 1, 10_000);
            Attacks.Settings s = pgd ? Attacks.Settings.pgd(eps, steps) : Attacks.Settings.fgsm(eps);
            if (pgd && o.optional("--step-size") != null)
                s = new Attacks.Settings(true, eps, steps, o.decimal("--step-size", 0, 0, 1), -1);
            int target = o.integer("--target", -1, 0, network.classes() - 1);
            if (target >= 0) s = s.targeting(target);
            float[] x = test.floats(image);
            Attacks.Result r = Attacks.attack(network, x, label, s);
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("prediction_before", r.before());
            end.put("prediction_after", r.after());
            end.put("confidence_after", (double) r.confidenceAfter());
            end.put("linf", r.linf());
            end.put("image", nested(r.image(), test.shape(), test.shape()[0] == 1 ? 1 : 0));
            end.put("label", label);
            end.put("confidence_before", (double) r.confidenceBefore());
            end.put("loss_before", Attacks.loss(network, x, target >= 0 ? target : label));
            end.put("loss_after", Attacks.loss(network, r.image(), target >= 0 ? target : label));
            double smallest = Attacks.smallestFlip(network, x, r.before(), 1); // away from the net's own answer
            end.put("smallest_flip_eps", Double.isNaN(smallest) ? null : smallest);
            return end;
        }
    }

    static Object robustness(List<String> args, PrintStream out) throws DataException {
        Options o = options("robustness", args, "--eps", "--limit", "--method", "--steps");
        boolean pgd = method(o);
        double[] eps = eps(o.required("--eps"));
        try (Network network = opened(o)) {
            Samples test = test(o, network.net());
            int limit = o.integer("--limit", 0, 0, Integer.MAX_VALUE);
            Robustness.Curve c = Robustness.of(
                    network, test, limit, eps, pgd ? o.integer("--steps", 10, 1, 10_000) : 0, (d, t) -> {});
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("eps", Arrays.stream(c.eps()).boxed().toList());
            end.put(
                    "accuracy",
                    Arrays.stream(c.accuracy()).map(a -> TrainRun.round(a, 4)).toArray());
            end.put("samples", c.samples());
            end.put("method", pgd ? "pgd" : "fgsm");
            return end;
        }
    }

    private static Options options(String command, List<String> args, String... own) {
        Set<String> with = new HashSet<>(COMMON);
        with.addAll(List.of(own));
        return new Options(command, args, with, FLAGS, Set.of());
    }

    /** Whether --method asks for PGD (FGSM by default). */
    private static boolean method(Options o) {
        String m = o.optional("--method");
        if (m == null || m.equals("fgsm")) return false;
        if (m.equals("pgd")) return true;
        throw new CliException("cli.badChoice", "--method", m, "fgsm|pgd");
    }

    private static double[] eps(String list) {
        String[] parts = list.split(",", -1);
        double[] e = new double[parts.length];
        for (int i = 0; i < parts.length; i++) e[i] = Options.decimal("--eps", parts[i].trim(), 0, 1);
        return e;
    }

    private static Network opened(Options o) throws DataException {
        NetFiles.Opened opened = EvaluateCommand.opened(o);
        Network network = opened.network();
        if (o.flag("--normalize")) network.normalizeInputs(true);
        TrainCommand.threads(o, network);
        return network;
    }

    /** The test samples the net reads: voxelised objects for a 3D net, else pictures as {@code train --data} reads them. */
    private static Samples test(Options o, Net net) throws DataException {
        if (net.dims() == 3) return Samples.test(EvaluateCommand.voxels(o, net));
        TrainData d = TrainData.load(o, o.integer("--seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
        TrainCommand.fits(net, d.input(), d.classes());
        return d.test();
    }

    private static int image(Options o, Samples test) {
        o.required("--image");
        return o.integer("--image", 0, 0, test.count() - 1);
    }

    private static List<Double> doubles(float[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (float f : v) out.add((double) f);
        return out;
    }

    /** Values over {@code shape} (last axis fastest) as nested lists, leaving out the first {@code skip} axes of size 1. */
    static Object nested(float[] v, int[] shape, int skip) {
        return nested(v, Arrays.copyOfRange(shape, skip, shape.length));
    }

    private static Object nested(float[] v, int[] shape) {
        return nested(v, shape, 0, 0);
    }

    private static Object nested(float[] v, int[] shape, int axis, int offset) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) stride *= shape[a];
        List<Object> out = new ArrayList<>(shape[axis]);
        for (int i = 0; i < shape[axis]; i++) {
            out.add(
                    axis == shape.length - 1
                            ? (Object) (double) v[offset + i]
                            : nested(v, shape, axis + 1, offset + i * stride));
        }
        return out;
    }
}
