package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.Augment;
import org.kernellab.data.FashionMnist;

/**
 * Training reports every batch and epoch in figures that add up, stops when asked within one batch and leaves nothing
 * behind; an evaluation counts what a loop over the net's answers counts; the shipped model is a good one.
 */
class TrainerTest {
    static FashionMnist.Loaded data;

    @BeforeAll
    static void load() throws Exception {
        data = FashionMnist.builtIn();
    }

    static Network course(int batch, int epochs) {
        return Network.build(CourseNets.cnn(), Training.adam(1e-3, batch, epochs));
    }

    static double train(Network net, Trainer.Listener l) {
        return Trainer.train(net, Samples.of(data.train()), Samples.of(data.test()), Trainer.Feed.ALL, l);
    }

    /** Cancels after {@code after} batches; counts the batches that ran. */
    static final class CancelAfter implements Trainer.Listener {
        final int after;
        int batches, epochs;

        CancelAfter(int after) {
            this.after = after;
        }

        @Override
        public void epoch(Trainer.Epoch e) {
            epochs++;
        }

        @Override
        public void batch(Trainer.Batch b) {
            batches++;
        }

        @Override
        public boolean cancelled() {
            return batches >= after;
        }
    }

    @Test
    void aCancelMidEpochStopsBeforeTheNextBatch() {
        CancelAfter l = new CancelAfter(3);
        train(course(64, 5), l);
        assertEquals(3, l.batches, "no batch after the cancel");
        assertEquals(0, l.epochs, "no test pass after the cancel");
    }

    @Test
    void theShippedPretrainedCnnIsTheCoursesNetAndClassifiesWell() throws Exception {
        Network net = ModelFile.pretrained();
        assertEquals(CourseNets.cnn(), net.net());
        assertEquals(113386, net.parameters());
        double accuracy = Trainer.evaluate(net, Samples.of(data.test())).accuracy();
        assertTrue(accuracy > 0.86, "accuracy on the first 2,000 test images: " + accuracy);
    }

    /** Records what a run reports. */
    static final class Recorder implements Trainer.Listener {
        final List<Trainer.Batch> batches = new ArrayList<>();
        final List<Trainer.Epoch> epochs = new ArrayList<>();

        @Override
        public void epoch(Trainer.Epoch e) {
            epochs.add(e);
        }

        @Override
        public void batch(Trainer.Batch b) {
            batches.add(b);
        }
    }

    /**
     * 40 of the training pictures (a limit), batches of 16, two epochs: three batches an epoch, the last one of 8. Each
     * batch's speed times the time it says is left is the pictures still to see; each epoch's speed times its time is its
     * 40 pictures, and its training accuracy a whole number of them; the run's time is its epochs' times.
     */
    @Test
    void everyBatchAndEpochIsReportedInFiguresThatAddUp() {
        Recorder r = new Recorder();
        Network net = Network.build(CourseNets.mlp(0), new Training(Training.Optimizer.SGD, 0.05, 16, 2, 3));
        Samples test = Samples.of(data.test()).first(300);
        double seconds = Trainer.train(net, Samples.of(data.train()), test, new Trainer.Feed(40, null), r);
        int[] seen = {16, 32, 40, 56, 72, 80};
        assertEquals(seen.length, r.batches.size());
        for (int i = 0; i < seen.length; i++) {
            Trainer.Batch b = r.batches.get(i);
            assertEquals(i / 3 + 1, b.epoch());
            assertEquals(i + 1, b.done());
            assertEquals(6, b.total());
            assertTrue(b.loss() > 0 && b.loss() < 10, "loss " + b.loss());
            assertEquals(80 - seen[i], b.samplesPerSecond() * b.secondsLeft(), 1e-6 * 80, "batch " + (i + 1));
        }
        assertEquals(2, r.epochs.size());
        double sum = 0;
        for (Trainer.Epoch e : r.epochs) {
            assertEquals(40, e.samplesPerSecond() * e.trainSeconds(), 1e-9 * 40);
            double right = e.trainAccuracy() * 40;
            assertTrue(right >= 0 && right <= 40 && Math.abs(right - Math.rint(right)) < 1e-9, "right " + right);
            assertEquals(test.count(), e.test().predicted().length);
            sum += e.trainSeconds();
        }
        assertEquals(sum, seconds, 1e-12);
        assertTrue(r.epochs.get(1).testLoss() < r.epochs.get(0).testLoss() + 0.5, "a sane step size");
    }

    /** Accuracy, loss, confusion matrix and confidences against a loop over the net's own probabilities. */
    @Test
    void anEvaluationCountsWhatALoopOverTheAnswersCounts() throws Exception {
        Network net = ModelFile.pretrained();
        Samples test = Samples.of(data.test()).first(600); // more than one evaluation batch, the last one partial
        Trainer.Evaluation e = Trainer.evaluate(net, test);
        float[] p = net.predict(test, Trainer.range(test.count()), 0, test.count());
        int right = 0;
        double loss = 0;
        int[][] confusion = new int[10][10];
        for (int i = 0; i < test.count(); i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) if (p[i * 10 + c] > p[i * 10 + best]) best = c;
            assertEquals(best, e.predicted()[i], "picture " + i);
            // evaluated in batches of its own, the products' summing order (and so the last bits) may differ
            assertEquals(p[i * 10 + best], e.confidence()[i], 1e-6);
            confusion[test.label(i)][best]++;
            if (best == test.label(i)) right++;
            loss -= Math.log(p[i * 10 + test.label(i)]);
        }
        assertEquals(right / 600.0, e.accuracy(), 1e-12);
        assertEquals(loss / 600, e.loss(), 1e-6);
        assertTrue(Arrays.deepEquals(confusion, e.confusion()), "the confusion matrix");
    }

    /** The order of each epoch is a Fisher–Yates shuffle: the one Collections.shuffle makes from the same generator. */
    @Test
    void eachEpochsOrderIsTheShuffleJavaMakes() {
        int compared = 0;
        for (int n : new int[] {2, 3, 10, 257}) {
            int[] a = Trainer.range(n);
            Trainer.shuffle(a, new Random(n));
            List<Integer> b = new ArrayList<>();
            for (int i = 0; i < n; i++) b.add(i);
            Collections.shuffle(b, new Random(n));
            for (int i = 0; i < n; i++) assertEquals(b.get(i), a[i], "n " + n + " at " + i);
            compared += n;
        }
        assertEquals(272, compared);
    }

    /**
     * Augmentation that draws nothing (no flip, no turn, the whole picture) hands the net the very pictures and labels,
     * so the run ends on the same weights as one without; the course's augmentation does change them.
     */
    @Test
    void augmentedBatchesCarryTheirPicturesAndLabels() {
        Augment.Settings none = new Augment.Settings(0, 0, 1, 1, 0, 0, 0, 0);
        float[] plain = trained(null), same = trained(none), course = trained(Augment.Settings.COURSE);
        assertTrue(Arrays.equals(plain, same), "identity augmentation changed the run");
        assertTrue(!Arrays.equals(plain, course), "the course's augmentation changed nothing");
    }

    private static float[] trained(Augment.Settings augment) {
        Network net = Network.build(CourseNets.mlp(0), new Training(Training.Optimizer.SGD, 0.05, 16, 1, 5));
        Trainer.train(
                net,
                Samples.of(data.train()),
                Samples.of(data.test()).first(50),
                new Trainer.Feed(48, augment),
                new Recorder());
        return net.parameterValues();
    }
}
