package org.kernellab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.kernellab.compute.Augment;
import org.kernellab.compute.ComputeException;
import org.kernellab.data.Dataset;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Trains a {@link Network} on Fashion-MNIST epoch by epoch, measuring speed and accuracy. */
public final class Trainer {
    /** A loss this large (the untrained net starts near ln 10 ≈ 2.3) means the run has diverged. */
    static final double EXPLODED = 100;
    private static final int EVAL_BATCH = 500;

    /** Progress after a batch. {@code done} counts batches over the whole run. */
    public record Batch(int epoch, int done, int total, double loss, double imagesPerSecond, double secondsLeft) {}

    /** What one epoch gave. Training time excludes the test pass; train accuracy is over the epoch's batches. */
    public record Epoch(int epoch, double trainSeconds, double imagesPerSecond, double trainAccuracy, Evaluation test) {
        public double testAccuracy() { return test.accuracy(); }

        public double testLoss() { return test.loss(); }
    }

    /** Told of batches and epochs; asked between batches whether to stop (and may block there to pause). */
    public interface Listener {
        void epoch(Epoch e);

        default void batch(Batch b) {}

        default boolean cancelled() { return false; }
    }

    /** A net's answers on a data set: the predicted class and its probability per image, the confusion matrix. */
    public record Evaluation(double accuracy, double loss, int[] predicted, float[] confidence, int[][] confusion) {
        /**
         * The images of {@code d} (the set this evaluates) classified wrongly, the surest first: where the net is most
         * confidently wrong. At most {@code n}.
         */
        public int[] surestMistakes(Dataset d, int n) {
            return java.util.stream.IntStream.range(0, predicted.length).filter(i -> predicted[i] != d.label(i)).boxed()
                    .sorted((a, b) -> Float.compare(confidence[b], confidence[a])).limit(n).mapToInt(Integer::intValue).toArray();
        }

        /** Share of class c's images classified as c. */
        public double classAccuracy(int c) {
            int all = 0;
            for (int v : confusion[c]) all += v;
            return all == 0 ? 0 : confusion[c][c] / (double) all;
        }
    }

    private Trainer() {}

    /**
     * @param limitTrain use only the first this many training images (0: all)
     * @return the total training time in seconds, up to a cancel
     * @throws ComputeException {@code train.diverged} when the loss becomes NaN or explodes
     */
    public static double train(Network net, Dataset train, Dataset test, int limitTrain, Listener listener) {
        return train(net, train, test, limitTrain, null, listener);
    }

    /**
     * @param augment when not null, each batch's images are flipped, turned and cropped afresh ({@link Augment#images28})
     *                before the net sees them: new variants every epoch, nothing stored
     */
    public static double train(Network net, Dataset train, Dataset test, int limitTrain, Augment.Settings augment, Listener listener) {
        try {
            return run(net, train, test, limitTrain, augment, listener);
        } finally {
            net.releaseBuffers();
        }
    }

    private static double run(Network net, Dataset train, Dataset test, int limitTrain, Augment.Settings augment, Listener listener) {
        if (train.size() == 0 || test.size() == 0) throw new ComputeException("train.noData", train.size(), test.size());
        NetSpec spec = net.spec();
        int n = limitTrain > 0 ? Math.min(limitTrain, train.size()) : train.size();
        int[] order = range(n);
        Random rnd = new Random(spec.seed()), augmentRnd = new Random(spec.seed() + 1);
        byte[] pixels = train.images().pixels(), labels = train.labels();
        int perEpoch = (n + spec.batch() - 1) / spec.batch(), done = 0;
        double total = 0;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            shuffle(order, rnd);
            long t0 = System.nanoTime();
            double right = 0;
            for (int from = 0; from < n; from += spec.batch()) {
                if (listener.cancelled()) return total + (System.nanoTime() - t0) / 1e9;
                int to = Math.min(n, from + spec.batch());
                double[] lossRight = augment == null ? net.step(pixels, labels, order, from, to, rnd)
                        : augmentedStep(net, pixels, labels, order, from, to, augment, augmentRnd, rnd);
                if (!Double.isFinite(lossRight[0]) || lossRight[0] > EXPLODED) throw new ComputeException("train.diverged", spec.lr());
                right += lossRight[1];
                done++;
                double elapsed = total + (System.nanoTime() - t0) / 1e9, speed = ((epoch - 1) * (double) n + to) / elapsed;
                listener.batch(new Batch(epoch, done, perEpoch * spec.epochs(), lossRight[0], speed,
                        (spec.epochs() * (double) n - ((epoch - 1) * (double) n + to)) / speed));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            total += seconds;
            Evaluation eval = evaluate(net, test);
            listener.epoch(new Epoch(epoch, seconds, n / seconds, right / n, eval));
        }
        return total;
    }

    /** One step on fresh variants of the images {@code order[from..to)}. */
    private static double[] augmentedStep(Network net, byte[] pixels, byte[] labels, int[] order, int from, int to, Augment.Settings s,
                                          Random augmentRnd, Random rnd) {
        int n = to - from;
        byte[] images = new byte[n * Network.PIXELS], batchLabels = new byte[n];
        Augment.images28(pixels, order, from, n, images, augmentRnd, s);
        for (int i = 0; i < n; i++) batchLabels[i] = labels[order[from + i]];
        return net.step(images, batchLabels, range(n), 0, n, rnd);
    }

    /** The net's answers on every image of a data set, in batches. */
    public static Evaluation evaluate(Network net, Dataset d) {
        int[] all = range(d.size());
        int[] predicted = new int[d.size()];
        float[] confidence = new float[d.size()];
        int[][] confusion = new int[10][10];
        long right = 0;
        double loss = 0;
        for (int from = 0; from < all.length; from += EVAL_BATCH) {
            int to = Math.min(all.length, from + EVAL_BATCH);
            float[] p = net.predict(d.images().pixels(), all, from, to);
            for (int i = from; i < to; i++) {
                int off = (i - from) * 10, label = d.label(i), guess = Network.argMax(p, off);
                predicted[i] = guess;
                confidence[i] = p[off + guess];
                confusion[label][guess]++;
                if (guess == label) right++;
                loss -= Math.log(Math.max(p[off + label], 1e-30f));
            }
        }
        net.releaseBuffers();
        return new Evaluation(right / (double) all.length, loss / all.length, predicted, confidence, confusion);
    }

    /**
     * How many threads ND4J's ops use on the calling thread (OpenMP keeps the setting per thread). On 2 cores one
     * thread trains these small nets about as fast as two, and leaves the other core to the window.
     */
    public static void useThreads(int n) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n); // oneDNN's convolutions: OpenMP's team, this thread's
        threads = n;
    }

    private static volatile int threads = Runtime.getRuntime().availableProcessors();

    /** The threads training may use: how many cores {@link Network3D} shares a batch among. */
    static int threads() { return threads; }

    /**
     * Runs {@code work} with ND4J's ops on the calling thread kept to one core (OpenMP's team size, set per thread), then
     * puts the thread's setting back: for work that runs on several threads at once.
     */
    static <T> T onOneCore(java.util.function.Supplier<T> work) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            return work.get();
        } finally {
            ops.setOmpNumThreads(before);
        }
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
            int j = rnd.nextInt(i + 1), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
