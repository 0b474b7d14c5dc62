package org.kernellab.model;

import java.util.Map;
import java.util.Random;
import org.kernellab.compute.ComputeException;
import org.kernellab.data.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Trains a {@link Network} on Fashion-MNIST epoch by epoch, measuring speed and test accuracy. */
public final class Trainer {
    /** What one epoch gave. Training time excludes the test pass. */
    public record Epoch(int epoch, double trainSeconds, double imagesPerSecond, double testAccuracy, double testLoss) {}

    /** Told of each epoch; asked between batches whether to stop. */
    public interface Listener {
        void epoch(Epoch e);

        default boolean cancelled() { return false; }
    }

    private Trainer() {}

    /**
     * @param limitTrain use only the first this many training images (0: all)
     * @return the total training time in seconds
     */
    public static double train(Network net, Dataset train, Dataset test, int limitTrain, Listener listener) {
        NetSpec spec = net.spec();
        int n = limitTrain > 0 ? Math.min(limitTrain, train.size()) : train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rnd = new Random(spec.seed());
        double total = 0;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            shuffle(order, rnd);
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += spec.batch()) {
                if (listener.cancelled()) return total;
                int to = Math.min(n, from + spec.batch());
                net.step(features(train, order, from, to), oneHot(train, order, from, to), rnd);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            total += seconds;
            double[] eval = evaluate(net, test);
            if (!Double.isFinite(eval[1]) || eval[1] > 1e3) throw new ComputeException("train.diverged", spec.lr());
            listener.epoch(new Epoch(epoch, seconds, n / seconds, eval[0], eval[1]));
        }
        return total;
    }

    /** Accuracy and mean loss over a data set, in batches. */
    public static double[] evaluate(Network net, Dataset d) {
        int[] all = new int[d.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        long right = 0;
        double loss = 0;
        for (int from = 0; from < all.length; from += 1000) {
            int to = Math.min(all.length, from + 1000);
            Map<String, INDArray> out = net.evaluate(features(d, all, from, to), oneHot(d, all, from, to));
            INDArray predicted = Nd4j.argMax(out.get(Network.PROBS), 1);
            for (int i = from; i < to; i++) if (predicted.getInt(i - from) == d.label(i)) right++;
            loss += out.get(Network.LOSS).getDouble(0) * (to - from);
        }
        return new double[] {right / (double) all.length, loss / all.length};
    }

    static INDArray features(Dataset d, int[] idx, int from, int to) {
        int size = d.images().rows() * d.images().cols();
        float[] f = new float[(to - from) * size];
        byte[] px = d.images().pixels();
        for (int i = from; i < to; i++) {
            int base = idx[i] * size, out = (i - from) * size;
            for (int k = 0; k < size; k++) f[out + k] = (px[base + k] & 0xFF) / 255f;
        }
        return Nd4j.create(f, new long[] {to - from, 1, d.images().rows(), d.images().cols()}, 'c');
    }

    static INDArray oneHot(Dataset d, int[] idx, int from, int to) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, to - from, 10);
        for (int i = from; i < to; i++) y.putScalar(i - from, d.label(idx[i]), 1f);
        return y;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
