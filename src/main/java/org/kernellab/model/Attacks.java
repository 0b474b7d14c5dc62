package org.kernellab.model;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Fooling a net: FGSM and PGD in the L∞ ball of radius ε, untargeted (raising the loss against the true label) or
 * targeted (lowering it toward a chosen class), the pictures kept in [0, 1]. Inputs are channels first, as
 * {@link Samples#floats} gives them, several samples one after the other.
 */
public final class Attacks {
    /** The attack's settings: PGD takes {@code steps} of {@code stepSize}; FGSM is one step of ε; target −1: none. */
    public record Settings(boolean pgd, double eps, int steps, double stepSize, int target) {
        public static Settings fgsm(double eps) {
            return new Settings(false, eps, 1, eps, -1);
        }

        /** PGD as Madry et al. run it: steps of 2.5·ε / steps, so that the walk can reach the ball's far side. */
        public static Settings pgd(double eps, int steps) {
            return new Settings(true, eps, steps, 2.5 * eps / steps, -1);
        }

        public Settings targeting(int t) {
            return new Settings(pgd, eps, steps, stepSize, t);
        }
    }

    /** One attacked sample: the prediction and its probability before and after, the L∞ distance moved and the picture. */
    public record Result(
            int before, float confidenceBefore, int after, float confidenceAfter, double linf, float[] image) {
        public boolean flipped() {
            return before != after;
        }
    }

    private Attacks() {}

    /** The attack on one sample with true label {@code label}. */
    public static Result attack(Network net, float[] x, int label, Settings s) {
        float[] adv = attacked(net, x, new int[] {label}, 1, s, () -> false);
        int c = net.classes();
        float[] p0 = Saliency.probabilities(net, x, 1), p1 = Saliency.probabilities(net, adv, 1);
        int b = Loss.argMax(p0, 0, c), a = Loss.argMax(p1, 0, c);
        double linf = 0;
        for (int k = 0; k < x.length; k++) linf = Math.max(linf, Math.abs(adv[k] - x[k]));
        return new Result(b, p0[b], a, p1[a], linf, adv);
    }

    /** n samples attacked in one batch; between PGD's steps {@code stop} may end the walk early (the last step kept). */
    public static float[] attacked(Network net, float[] x, int[] labels, int n, Settings s, BooleanSupplier stop) {
        int[] toward = labels;
        if (s.target() >= 0) {
            toward = new int[n];
            Arrays.fill(toward, s.target());
        }
        double sign = s.target() >= 0 ? -1 : 1; // targeted: down the loss toward the target
        float[] adv = x.clone();
        int steps = s.pgd() ? s.steps() : 1;
        double step = s.pgd() ? s.stepSize() : s.eps();
        for (int t = 0; t < steps && !(t > 0 && stop.getAsBoolean()); t++) {
            float[] g = Probe.run(net, adv, n, Probe.activations(net) - 1, Probe.loss(toward), 0)
                    .inputGradient();
            for (int k = 0; k < adv.length; k++) {
                double v = adv[k] + sign * step * Math.signum(g[k]);
                v = Math.max(x[k] - s.eps(), Math.min(x[k] + s.eps(), v)); // back into the ball
                adv[k] = (float) Math.max(0, Math.min(1, v));
            }
        }
        return adv;
    }

    /** The cross-entropy loss of one sample against a label. */
    public static double loss(Network net, float[] x, int label) {
        float[] z = Probe.logits(net, x, 1);
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (float v : z) max = Math.max(max, v);
        for (float v : z) sum += Math.exp(v - max);
        return max + Math.log(sum) - z[label];
    }

    /**
     * The smallest ε, in steps of 1/255 (a grey level) up to {@code max}, at which FGSM changes this sample's prediction;
     * NaN when none does. FGSM's direction is the same for every ε: all the candidates go through the net in one batch.
     */
    public static double smallestFlip(Network net, float[] x, int label, double max) {
        int size = x.length, c = net.classes(), levels = (int) Math.floor(max * 255 + 1e-9);
        float[] g = Probe.run(net, x, 1, Probe.activations(net) - 1, Probe.loss(label), 0)
                .inputGradient();
        int before = Saliency.predicted(net, x);
        float[] batch = new float[levels * size];
        for (int e = 1; e <= levels; e++)
            for (int k = 0; k < size; k++)
                batch[(e - 1) * size + k] = (float) Math.max(0, Math.min(1, x[k] + e / 255.0 * Math.signum(g[k])));
        float[] z = Probe.logits(net, batch, levels);
        for (int e = 1; e <= levels; e++) if (Loss.argMax(z, (e - 1) * c, c) != before) return e / 255.0;
        return Double.NaN;
    }

    /** Whether FGSM at {@code eps} changes the prediction: how the challenge checks a student's answer. */
    public static boolean flips(Network net, float[] x, int label, double eps) {
        return attack(net, x, label, Settings.fgsm(eps)).flipped();
    }
}
