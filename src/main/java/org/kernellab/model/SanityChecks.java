package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks of "Sanity Checks for Saliency Maps" (Adebayo et al., NeurIPS 2018): a map that explains the net must
 * change when the net does. Cascading randomisation re-draws the learned layers' weights from the top down, one more
 * layer each time; a net trained on shuffled labels has learned nothing about the pictures. Each is compared with the
 * trained net's map by Spearman's rank correlation of the maps' absolute values, as in the paper.
 */
public final class SanityChecks {
    /** One step: the layers randomised so far (the topmost's index and type), the map, and its correlation. */
    public record Step(int layer, String type, Saliency.Map map, double correlation) {}

    private SanityChecks() {}

    /**
     * The cascade on one sample: the trained net's map for class {@code cls} (−1: predicted), then the map with every
     * learned layer from the last down to each one re-drawn as at the start of training (He's weights, zero biases)
     * by {@code seed}. The class is kept fixed along the cascade.
     */
    public static List<Step> cascading(
            Network trained, float[] x, Saliency.Method method, int cls, Saliency.Patch patch, long seed) {
        Saliency.Map original = Saliency.map(trained, x, method, cls, patch);
        List<Step> out = new ArrayList<>();
        try (Network copy = Network.withParameters(
                trained.net(), trained.training(), trained.parameterValues(), trained.statistics())) {
            copy.normalizeInputs(trained.normalizesInputs());
            List<Op> ops = copy.lanes.plan(false, false).ops;
            Random rnd = new Random(seed);
            for (int k = ops.size() - 1; k >= 0; k--) {
                Op op = ops.get(k);
                if (op.param < 0 || op.parameterShapes().isEmpty()) continue;
                redraw(copy, op, rnd);
                Saliency.Map m = method == Saliency.Method.GRADCAM
                        ? Saliency.gradCam(copy, x, original.cls(), Saliency.gradCamLayer(trained))
                        : Saliency.map(copy, x, method, original.cls(), patch);
                Layer l = Probe.layers(copy).get(op.first);
                out.add(new Step(op.first, l.type(), m, spearman(original.full(), m.full())));
            }
        }
        return out;
    }

    private static void redraw(Network net, Op op, Random rnd) {
        List<INDArray> all = net.p,
                views = all.subList(op.param, op.param + op.parameterShapes().size());
        synchronized (net) {
            views.forEach(v -> v.assign(0));
            op.initialise(views, rnd);
        }
    }

    /** The same net's architecture trained afresh on the training samples with their labels shuffled by {@code seed}. */
    public static Network shuffledLabels(
            Network trained, Samples train, int limit, Training training, Trainer.Listener listener) {
        Samples data = limit > 0 ? train.first(limit) : train;
        byte[] labels = data.labels().clone();
        Random rnd = new Random(training.seed());
        for (int i = labels.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            byte t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        Network net = Network.build(trained.net(), training);
        net.normalizeInputs(trained.normalizesInputs());
        Trainer.train(net, data.with(data.values(), labels), data.first(1), Trainer.Feed.ALL, listener);
        return net;
    }

    /** Spearman's rank correlation of |a| and |b| (ties given their mean rank). */
    public static double spearman(float[] a, float[] b) {
        double[] ra = ranks(a), rb = ranks(b);
        double ma = 0, mb = 0;
        for (int i = 0; i < ra.length; i++) {
            ma += ra[i];
            mb += rb[i];
        }
        ma /= ra.length;
        mb /= rb.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(float[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Float.compare(Math.abs(v[p]), Math.abs(v[q])));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && Math.abs(v[order[j + 1]]) == Math.abs(v[order[i]])) j++;
            for (int k = i; k <= j; k++) r[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return r;
    }
}
