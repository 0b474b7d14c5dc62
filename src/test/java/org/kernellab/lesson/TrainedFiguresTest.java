package org.kernellab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.Augment;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.CourseNets;
import org.kernellab.model.LayerTable;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.model.Threads;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;

/**
 * The tables of measured figures in lessons 12 and 20, trained again here with the settings the lessons give, in both
 * languages: counts exactly, accuracies within 1.5 points and losses within a few hundredths (the runs are seeded; the
 * tolerance is for arithmetic that another machine orders differently). Two runs at a time, one core each.
 */
class TrainedFiguresTest {
    private static FashionMnist.Loaded data;
    private static ExecutorService pool;
    /** Lesson 20's three runs (the longest, the augmented one first), then lesson 12's five: one queue for both cores. */
    private static List<Future<Outcome>> overfitting, architectures;

    private static final int[][] NETS = {{16, 2}, {32, 2}, {64, 2}, {32, 1}, {32, 3}};

    @BeforeAll
    static void load() throws Exception {
        data = FashionMnist.builtIn();
        pool = Executors.newFixedThreadPool(2);
        Training slow = new Training(Training.Optimizer.ADAM, 0.001, 32, 40, 42);
        Future<Outcome> augmented = train(CourseNets.cnn(), slow, new Trainer.Feed(1_000, Augment.Settings.COURSE));
        overfitting = List.of(
                train(CourseNets.cnn(), slow, new Trainer.Feed(1_000, null)),
                train(CourseNets.cnn(32, 2, 0.5, CourseNets.DropoutAt.HIDDEN), slow, new Trainer.Feed(1_000, null)),
                augmented);
        Training t = new Training(Training.Optimizer.ADAM, 0.002, 64, 2, 42);
        List<Future<Outcome>> runs = new ArrayList<>();
        for (int[] n : NETS) runs.add(train(cnn(n), t, new Trainer.Feed(6_000, null)));
        architectures = runs;
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** What a run ends with: last training and test accuracy, the lowest test loss and its epoch, the last test loss. */
    /** The last epoch's accuracies, the lowest test loss and the test loss of every epoch (epoch 1 first). */
    record Outcome(double train, double test, double lowest, double[] losses) {
        double last() {
            return losses[losses.length - 1];
        }
    }

    static Future<Outcome> train(Net net, Training t, Trainer.Feed feed) {
        return pool.submit(() -> {
            try (Network n = Network.build(net, t)) {
                Threads.here(1); // as --threads 1 does: ND4J's ops on this thread use one core, in one order
                n.threads(1);
                List<Trainer.Epoch> epochs = new ArrayList<>();
                Trainer.train(n, Samples.of(data.train()), Samples.of(data.test()), feed, epochs::add);
                double[] losses =
                        epochs.stream().mapToDouble(Trainer.Epoch::testLoss).toArray();
                Trainer.Epoch end = epochs.get(epochs.size() - 1);
                return new Outcome(
                        end.trainAccuracy(),
                        end.testAccuracy(),
                        Arrays.stream(losses).min().orElseThrow(),
                        losses);
            }
        });
    }

    /**
     * A lesson's table of figures, header left out: per row, per cell after the first (which names the row), the
     * numbers it holds, read in the language's own way (0.5 and 10,000, or 0,5 and 10.000).
     */
    static List<List<double[]>> table(String lesson, String language) {
        List<List<double[]>> rows = new ArrayList<>();
        boolean header = true;
        for (String line : LessonFiguresTest.text(lesson, language).split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---")) continue;
            if (header) {
                header = false;
                continue;
            }
            String plain = language.equals("es") ? line.replace(".", "").replace(',', '.') : line.replace(",", "");
            String[] cells = plain.split("\\|");
            List<double[]> row = new ArrayList<>();
            for (int c = 2; c < cells.length; c++) { // cells[0] is before the first bar, cells[1] the row's name
                Matcher m = NUMBER.matcher(cells[c]);
                List<Double> v = new ArrayList<>();
                while (m.find()) v.add(Double.parseDouble(m.group()));
                row.add(v.stream().mapToDouble(Double::doubleValue).toArray());
            }
            rows.add(row);
        }
        return rows;
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    /** Lesson 12: five nets, Adam at 0.002 in batches of 64, two epochs on 6,000 images. */
    @Test
    void theArchitectureExercisesTable() throws Exception {
        int[][] nets = NETS;
        List<Future<Outcome>> runs = architectures;
        int compared = 0;
        for (String language : List.of("en", "es")) {
            List<List<double[]>> rows = table("exercise-architecture", language);
            assertEquals(nets.length, rows.size(), language + ": one row per net");
            for (int i = 0; i < nets.length; i++) {
                Net net = cnn(nets[i]);
                String where = language + " " + nets[i][0] + "×" + nets[i][1];
                List<double[]> row = rows.get(i);
                assertEquals(net.parameters(), row.get(0)[0], where + ": parameters");
                assertEquals(LayerTable.Totals.of(net.table(1)).macs(), row.get(1)[0], where + ": MACs");
                Outcome o = runs.get(i).get();
                assertEquals(100 * o.test(), row.get(2)[0], 1.5, where + ": test accuracy");
                assertEquals(100 * o.train(), row.get(3)[0], 1.5, where + ": training accuracy");
                compared += 4;
            }
        }
        assertEquals(40, compared);
    }

    private static Net cnn(int[] filtersAndBlocks) {
        return CourseNets.cnn(filtersAndBlocks[0], filtersAndBlocks[1], 0, CourseNets.DropoutAt.HIDDEN);
    }

    /** Lesson 20: the course CNN on 1,000 images for 40 epochs, plain, with dropout 0.5, augmented. */
    @Test
    void theOverfittingExperimentsTable() throws Exception {
        List<Future<Outcome>> runs = overfitting;
        int compared = 0;
        for (String language : List.of("en", "es")) {
            List<List<double[]>> rows = table("well-trained", language);
            assertEquals(runs.size(), rows.size(), language + ": plain, dropout, augmented");
            for (int i = 0; i < runs.size(); i++) {
                Outcome o = runs.get(i).get();
                List<double[]> row = rows.get(i);
                String where = String.format(Locale.ROOT, "%s row %d", language, i + 1);
                assertEquals(100 * o.train(), row.get(0)[0], 1.5, where + ": training accuracy");
                assertEquals(100 * o.test(), row.get(0)[1], 1.5, where + ": test accuracy");
                assertEquals(100 * (o.train() - o.test()), row.get(1)[0], 2, where + ": gap");
                assertEquals(o.lowest(), row.get(2)[0], 0.03, where + ": lowest test loss");
                // on a flat stretch which epoch comes lowest is chance: the epoch quoted must be at the floor
                assertEquals(o.lowest(), o.losses()[(int) row.get(2)[1] - 1], 0.03, where + ": the loss at its epoch");
                assertEquals(o.last(), row.get(2)[2], 0.05, where + ": last test loss");
                compared += 6;
            }
        }
        assertEquals(36, compared);
    }
}
