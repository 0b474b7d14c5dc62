package org.kernellab.model;

import java.util.Random;
import org.kernellab.compute.ComputeException;
import org.kernellab.mesh.VoxelSet;

/** Trains a {@link Network3D} on voxel grids epoch by epoch, as {@link Trainer} does the 2D nets: same progress, same answers. */
public final class Trainer3D {
    private static final int EVAL_BATCH = 64;

    private Trainer3D() {}

    /**
     * @return the training time in seconds, up to a cancel
     * @throws ComputeException {@code train.diverged} when the loss becomes NaN or explodes
     */
    public static double train(Network3D net, VoxelSet data, Trainer.Listener listener) {
        if (data.trainSize() == 0 || data.testSize() == 0) throw new ComputeException("train.noData", data.trainSize(), data.testSize());
        try {
            Net3DSpec spec = net.spec();
            int n = data.trainSize();
            int[] order = Trainer.range(n);
            Random rnd = new Random(spec.seed());
            int perEpoch = (n + spec.batch() - 1) / spec.batch(), done = 0;
            double total = 0;
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                Trainer.shuffle(order, rnd);
                long t0 = System.nanoTime();
                double right = 0;
                for (int from = 0; from < n; from += spec.batch()) {
                    if (listener.cancelled()) return total + (System.nanoTime() - t0) / 1e9;
                    int to = Math.min(n, from + spec.batch());
                    double[] lossRight = net.step(data.train(), data.trainLabels(), order, from, to, rnd);
                    if (!Double.isFinite(lossRight[0]) || lossRight[0] > Trainer.EXPLODED) throw new ComputeException("train.diverged", spec.lr());
                    right += lossRight[1];
                    done++;
                    double elapsed = total + (System.nanoTime() - t0) / 1e9, speed = ((epoch - 1) * (double) n + to) / elapsed;
                    listener.batch(new Trainer.Batch(epoch, done, perEpoch * spec.epochs(), lossRight[0], speed,
                            (spec.epochs() * (double) n - ((epoch - 1) * (double) n + to)) / speed));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                total += seconds;
                listener.epoch(new Trainer.Epoch(epoch, seconds, n / seconds, right / n, evaluate(net, data)));
            }
            return total;
        } finally {
            net.releaseBuffers();
        }
    }

    /** The net's answers on the test grids: predicted class, its probability, the confusion matrix. */
    public static Trainer.Evaluation evaluate(Network3D net, VoxelSet d) {
        int n = d.testSize(), classes = net.spec().classes();
        int[] all = Trainer.range(n), predicted = new int[n];
        float[] confidence = new float[n];
        int[][] confusion = new int[classes][classes];
        long right = 0;
        double loss = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            float[] p = net.predict(d.test(), all, from, to);
            for (int i = from; i < to; i++) {
                int off = (i - from) * classes, label = d.testLabels()[i], guess = Network3D.argMax(p, off, classes);
                predicted[i] = guess;
                confidence[i] = p[off + guess];
                confusion[label][guess]++;
                if (guess == label) right++;
                loss -= Math.log(Math.max(p[off + label], 1e-30f));
            }
        }
        return new Trainer.Evaluation(right / (double) n, loss / n, predicted, confidence, confusion);
    }
}
