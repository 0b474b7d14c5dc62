package org.kernellab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.kernellab.compute.Augment;
import org.kernellab.compute.ComputeException;

/** Trains a {@link Network} epoch by epoch, 2D or 3D alike, measuring speed and accuracy; evaluates one on a test set. */
public final class Trainer {
    /** A loss this large (an untrained net starts near ln(classes), 2.3 for ten) means the run has diverged. */
    static final double EXPLODED = 100;

    private static final int EVAL_BATCH = 250;

    /** Progress after a batch. {@code done} counts batches over the whole run. */
    public record Batch(int epoch, int done, int total, double loss, double samplesPerSecond, double secondsLeft) {}

    /** What one epoch gave. Training time excludes the test pass; train accuracy is over the epoch's batches, as they trained. */
    public record Epoch(
            int epoch, double trainSeconds, double samplesPerSecond, double trainAccuracy, Evaluation test) {
        public double testAccuracy() {
            return test.accuracy();
        }

        public double testLoss() {
            return test.loss();
        }
    }

    /** Told of batches and epochs; asked between batches whether to stop (and may block there to pause). */
    public interface Listener {
        void epoch(Epoch e);

        default void batch(Batch b) {}

        default boolean cancelled() {
            return false;
        }
    }

    /**
     * How to feed the data: the first {@code limit} training samples only (0: all), and whether each batch's pictures are
     * flipped, turned and cropped afresh before the net sees them ({@link Augment#images28}, Fashion-MNIST's 28×28 grey),
     * and the FGSM ε of adversarial training (0: none): each batch is then its pictures and their FGSM examples against
     * the net as it is, half the loss each (Goodfellow et al., 2015), the examples rounded to the pictures' 256 levels.
     */
    public record Feed(int limit, Augment.Settings augment, double adversarial) {
        public static final Feed ALL = new Feed(0, null);

        public Feed(int limit, Augment.Settings augment) {
            this(limit, augment, 0);
        }
    }

    /** A net's answers on a data set: the predicted class and its probability per sample, the confusion matrix. */
    public record Evaluation(double accuracy, double loss, int[] predicted, float[] confidence, int[][] confusion) {
        /** The samples of {@code d} (the set this evaluates) classified wrongly, the surest first. At most {@code n}. */
        public int[] surestMistakes(Samples d, int n) {
            return IntStream.range(0, predicted.length)
                    .filter(i -> predicted[i] != d.label(i))
                    .boxed()
                    .sorted((a, b) -> Float.compare(confidence[b], confidence[a]))
                    .limit(n)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        /** Share of class c's samples classified as c. */
        public double classAccuracy(int c) {
            int all = Arrays.stream(confusion[c]).sum();
            return all == 0 ? 0 : confusion[c][c] / (double) all;
        }
    }

    private Trainer() {}

    /**
     * @return the training time in seconds, up to a cancel
     * @throws ComputeException {@code train.diverged} when the loss becomes NaN or explodes
     */
    public static double train(Network net, Samples train, Samples test, Feed feed, Listener listener) {
        if (train.count() == 0 || test.count() == 0)
            throw new ComputeException("train.noData", train.count(), test.count());
        if (feed.augment() != null && !Arrays.equals(train.shape(), CourseNets.FASHION))
            throw new ComputeException("train.augment28");
        if (feed.adversarial() > 0 && train.binary()) throw new ComputeException("train.adversarialPictures");
        try {
            return run(net, train, test, feed, listener);
        } finally {
            net.releaseBuffers();
        }
    }

    private static double run(Network net, Samples train, Samples test, Feed feed, Listener listener) {
        Training t = net.training();
        int n = feed.limit() > 0 ? Math.min(feed.limit(), train.count()) : train.count();
        int[] order = range(n);
        Random rnd = new Random(t.seed()), augmentRnd = new Random(t.seed() + 1);
        int perEpoch = (n + t.batch() - 1) / t.batch(), done = 0;
        double total = 0;
        for (int epoch = 1; epoch <= t.epochs(); epoch++) {
            shuffle(order, rnd);
            long t0 = System.nanoTime();
            double right = 0;
            for (int from = 0; from < n; from += t.batch()) {
                if (listener.cancelled()) return total + (System.nanoTime() - t0) / 1e9;
                int to = Math.min(n, from + t.batch());
                double[] lossRight = feed.adversarial() > 0
                        ? adversarialStep(net, train, order, from, to, feed, augmentRnd, rnd)
                        : feed.augment() == null
                                ? net.step(train, order, from, to, rnd)
                                : augmentedStep(net, train, order, from, to, feed.augment(), augmentRnd, rnd);
                if (!Double.isFinite(lossRight[0]) || lossRight[0] > EXPLODED)
                    throw new ComputeException("train.diverged", t.lr());
                right += lossRight[1];
                done++;
                double elapsed = total + (System.nanoTime() - t0) / 1e9,
                        seen = (epoch - 1) * (double) n + to,
                        speed = seen / elapsed;
                listener.batch(new Batch(
                        epoch,
                        done,
                        perEpoch * t.epochs(),
                        lossRight[0],
                        speed,
                        (t.epochs() * (double) n - seen) / speed));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            total += seconds;
            listener.epoch(new Epoch(epoch, seconds, n / seconds, right / n, answers(net, test)));
        }
        return total;
    }

    /** One step on fresh variants of the pictures {@code order[from..to)}. */
    private static double[] augmentedStep(
            Network net,
            Samples train,
            int[] order,
            int from,
            int to,
            Augment.Settings s,
            Random augmentRnd,
            Random rnd) {
        int n = to - from;
        byte[] images = new byte[n * train.size()], labels = new byte[n];
        Augment.images28(train.values(), order, from, n, images, augmentRnd, s);
        for (int i = 0; i < n; i++) labels[i] = train.labels()[order[from + i]];
        return net.step(train.with(images, labels), range(n), 0, n, rnd);
    }

    /** One step on the batch's pictures (augmented when asked) and their FGSM examples; right answers averaged over both. */
    private static double[] adversarialStep(
            Network net, Samples train, int[] order, int from, int to, Feed feed, Random augmentRnd, Random rnd) {
        int n = to - from, size = train.size();
        byte[] images = new byte[2 * n * size], labels = new byte[2 * n];
        if (feed.augment() != null)
            Augment.images28(train.values(), order, from, n, images, augmentRnd, feed.augment());
        for (int i = 0; i < n; i++) {
            if (feed.augment() == null)
                System.arraycopy(train.values(), order[from + i] * size, images, i * size, size);
            labels[i] = labels[n + i] = train.labels()[order[from + i]];
        }
        Samples clean = train.with(Arrays.copyOf(images, n * size), Arrays.copyOf(labels, n));
        float[] x = new float[n * size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(clean.floats(i), 0, x, i * size, size);
            y[i] = clean.label(i);
        }
        float[] adv = Attacks.attacked(net, x, y, n, Attacks.Settings.fgsm(feed.adversarial()), () -> false);
        for (int k = 0; k < adv.length; k++)
            images[n * size + k] = (byte) Math.round((adv[k] - train.shift()) / train.scale());
        double[] lossRight = net.step(train.with(images, labels), range(2 * n), 0, 2 * n, rnd);
        return new double[] {lossRight[0], lossRight[1] / 2};
    }

    /** The net's answers on every sample of a data set, in batches; the test batches' buffers are freed after. */
    public static Evaluation evaluate(Network net, Samples d) {
        try {
            return answers(net, d);
        } finally {
            net.releaseBuffers();
        }
    }

    /**
     * The answers, keeping the buffers: within a run the training and test batches' buffers stay allocated from one
     * epoch to the next (freeing them meant the system faulting in fresh pages for every epoch, a tenth of a run's time).
     */
    private static Evaluation answers(Network net, Samples d) {
        int n = d.count(), classes = net.classes();
        int[] all = range(n), predicted = new int[n];
        float[] confidence = new float[n];
        int[][] confusion = new int[classes][classes];
        long right = 0;
        double loss = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            float[] p = net.predict(d, all, from, to);
            for (int i = from; i < to; i++) {
                int off = (i - from) * classes, label = d.label(i), guess = Loss.argMax(p, off, classes);
                predicted[i] = guess;
                confidence[i] = p[off + guess];
                if (label < classes) confusion[label][guess]++;
                if (guess == label) right++;
                loss -= Math.log(Math.max(label < classes ? p[off + label] : 0, 1e-30f));
            }
        }
        return new Evaluation(right / (double) n, loss / n, predicted, confidence, confusion);
    }

    /** The process's peak resident memory (Linux /proc), −1 where the system does not say. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
