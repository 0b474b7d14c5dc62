package org.kernellab.model;

import java.util.function.BooleanSupplier;

/** A net's accuracy on test samples attacked at each of several ε: how fast it falls is how fragile the net is. */
public final class Robustness {
    private static final int BATCH = 200;

    /** The accuracy at each ε, over {@code samples} samples. */
    public record Curve(double[] eps, double[] accuracy, int samples) {}

    /** Told after each batch of each ε; asked between them whether to stop. */
    public interface Progress {
        void done(long work, long total);

        default boolean cancelled() {
            return false;
        }
    }

    private Robustness() {}

    /**
     * The curve over the first {@code limit} samples of {@code test} (0: all); {@code pgdSteps} 0 for FGSM. Null when
     * cancelled.
     */
    public static Curve of(Network net, Samples test, int limit, double[] eps, int pgdSteps, Progress progress) {
        int n = limit > 0 ? Math.min(limit, test.count()) : test.count(), size = test.size(), c = net.classes();
        long total = (long) eps.length * n, work = 0;
        int[] right = new int[eps.length];
        BooleanSupplier stop = progress::cancelled;
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] x = new float[m * size];
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(test.floats(from + i), 0, x, i * size, size);
                labels[i] = test.label(from + i);
            }
            for (int e = 0; e < eps.length; e++) {
                if (progress.cancelled()) return null;
                Attacks.Settings s =
                        pgdSteps > 0 ? Attacks.Settings.pgd(eps[e], pgdSteps) : Attacks.Settings.fgsm(eps[e]);
                float[] adv = eps[e] > 0 ? Attacks.attacked(net, x, labels, m, s, stop) : x;
                float[] z = Probe.logits(net, adv, m);
                for (int i = 0; i < m; i++) if (Loss.argMax(z, i * c, c) == labels[i]) right[e]++;
                work += m;
                progress.done(work, total);
            }
        }
        double[] acc = new double[eps.length];
        for (int e = 0; e < eps.length; e++) acc[e] = (double) right[e] / n;
        return new Curve(eps.clone(), acc, n);
    }
}
