package org.kernellab.model;

import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * What a filter or a class "wants to see", by gradient ascent on a 2D input picture. A filter: the unit at the centre
 * of its output map, before its ReLU (whose zeros would stop the ascent), from plain grey; only the pixels it sees (its
 * receptive field: 3×3 for the course CNN's first convolution, 8×8 for its second) change, and for a first-layer filter
 * the ascent reaches the true optimum, white where the weights are positive and black where they are negative. A
 * channel's mean output would not do: for a convolution it grows with the picture's brightness alone. A class: its
 * logit over the whole picture, from noisy grey, with the usual regularisation (Olah et al., "Feature Visualization"):
 * the picture jittered by a pixel or two before each step and blurred every few, so that shapes rather than
 * high-frequency noise come out. Each step is normalised by the gradient's mean size.
 */
public final class Maximise {
    /** Steps, their size, the jitter in pixels and blur every how many steps (0: never): the class pictures' settings. */
    public record Settings(int steps, double stepSize, int jitter, int blurEvery, long seed) {
        public static final Settings DEFAULT = new Settings(120, 0.02, 2, 4, 1);
    }

    private Maximise() {}

    /**
     * The picture (C, H, W) in [0, 1] that raises unit {@code channel} of activation {@code a}: a convolution's filter
     * (its centre unit; {@code s}'s steps only, no jitter or blur) or, for the logits, a class. Null when {@code stop}
     * ended it.
     */
    public static float[] picture(Network net, int a, int channel, Settings s, BooleanSupplier stop) {
        int[] in = Probe.shape(net, 0);
        if (in.length != 3) throw new IllegalArgumentException("pictures only");
        int c = in[0], h = in[1], w = in[2];
        int[] shape = Probe.shape(net, a);
        if (channel < 0 || channel >= shape[0])
            throw new IllegalArgumentException("channel " + channel + " of " + shape[0]);
        boolean filter = shape.length > 1;
        Random rnd = new Random(s.seed());
        float[] x = new float[c * h * w];
        for (int k = 0; k < x.length; k++)
            x[k] = filter ? 0.5f : (float) Math.max(0, Math.min(1, 0.5 + 0.1 * rnd.nextGaussian()));
        Probe.Seed seed = filter ? centre(channel, shape) : Probe.logit(channel);
        int jitter = filter ? 0 : s.jitter(), blur = filter ? 0 : s.blurEvery();
        for (int t = 0; t < s.steps(); t++) {
            if (stop.getAsBoolean()) return null;
            int dy = rnd.nextInt(2 * jitter + 1) - jitter, dx = rnd.nextInt(2 * jitter + 1) - jitter;
            float[] g =
                    roll(Probe.run(net, roll(x, c, h, w, dy, dx), 1, a, seed, 0).inputGradient(), c, h, w, -dy, -dx);
            double mean = 0;
            for (float v : g) mean += Math.abs(v);
            mean = mean / g.length + 1e-12;
            for (int k = 0; k < x.length; k++)
                x[k] = (float) Math.max(0, Math.min(1, x[k] + s.stepSize() * g[k] / mean));
            if (blur > 0 && (t + 1) % blur == 0) x = blur(x, c, h, w);
        }
        return x;
    }

    /** The gradient of one channel's centre unit (the cell at half its height and width). */
    private static Probe.Seed centre(int channel, int[] shape) {
        int cells = 1;
        for (int i = 1; i < shape.length; i++) cells *= shape[i];
        int per = cells, at = channel * per + shape[1] / 2 * (per / shape[1]) + shape[2] / 2;
        return (v, start, n, size) -> {
            float[] g = new float[n * size];
            for (int i = 0; i < n; i++) g[i * size + at] = 1;
            return g;
        };
    }

    /** The picture shifted by (dy, dx), wrapping round. */
    static float[] roll(float[] x, int c, int h, int w, int dy, int dx) {
        float[] out = new float[x.length];
        for (int k = 0; k < c; k++)
            for (int y = 0; y < h; y++)
                for (int z = 0; z < w; z++)
                    out[k * h * w + Math.floorMod(y + dy, h) * w + Math.floorMod(z + dx, w)] = x[k * h * w + y * w + z];
        return out;
    }

    /** A 3×3 binomial blur (1 2 1 / 4 per axis), edges repeated. */
    private static float[] blur(float[] x, int c, int h, int w) {
        float[] out = new float[x.length];
        for (int k = 0; k < c; k++)
            for (int y = 0; y < h; y++)
                for (int z = 0; z < w; z++) {
                    double sum = 0;
                    for (int a = -1; a <= 1; a++)
                        for (int b = -1; b <= 1; b++) {
                            int yy = Math.max(0, Math.min(h - 1, y + a)), zz = Math.max(0, Math.min(w - 1, z + b));
                            sum += (2 - Math.abs(a)) * (2 - Math.abs(b)) * x[k * h * w + yy * w + zz];
                        }
                    out[k * h * w + y * w + z] = (float) (sum / 16);
                }
        return out;
    }
}
