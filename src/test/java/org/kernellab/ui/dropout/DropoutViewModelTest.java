package org.kernellab.ui.dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.LoopNet;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.task.DirectTaskRunner;

/**
 * Dropout on the shipped CNN's last hidden layer, without a window: the mask, the scaling and the committee; and lesson
 * 18's figures, each held against a computation of its own: the hidden layer by plain loops in doubles from the
 * network's weights, and the masks' effect as a Monte Carlo estimate over 20,000 masks of an independent generator.
 */
class DropoutViewModelTest {
    static final int IMAGE = 89, SHIRT = 6, MASKS = 20_000;
    /** What the loops and the estimate give: evaluation's probabilities; E[distance of one mask]; P(not shirt); the committee's limit. */
    static double[] evaluation;

    static double oneMask, notShirt, committeeShirt, committeeDistance;

    Workbench bench;
    DropoutViewModel vm;

    @BeforeAll
    static void computeIndependently() throws Exception {
        Network net = ModelFile.pretrained();
        Net whole = net.net();
        int last = whole.layers().size() - 1;
        Net body = Net.of(whole.input(), whole.layers().subList(0, last));
        List<Network.Tensor32> params = net.pytorchParameters();
        Samples test = Samples.of(FashionMnist.builtIn().test());
        float[] pixels = test.floats(IMAGE);
        double[] sample = new double[pixels.length];
        for (int i = 0; i < sample.length; i++) sample[i] = pixels[i];
        double[] hidden = LoopNet.forward(body, params.subList(0, params.size() - 2), List.of(), sample);
        float[] w = params.get(params.size() - 2).values(),
                b = params.get(params.size() - 1).values();
        evaluation = classify(hidden, w, b);
        Random rnd = new Random(2024);
        double[] sum = new double[10], masked = new double[hidden.length];
        double distance = 0;
        int other = 0;
        for (int m = 0; m < MASKS; m++) {
            for (int i = 0; i < hidden.length; i++) masked[i] = rnd.nextDouble() < 0.5 ? 0 : 2 * hidden[i];
            double[] p = classify(masked, w, b);
            int best = 0;
            double d = 0;
            for (int c = 0; c < 10; c++) {
                sum[c] += p[c];
                d += Math.abs(p[c] - evaluation[c]);
                if (p[c] > p[best]) best = c;
            }
            distance += d / 10;
            if (best != SHIRT) other++;
        }
        oneMask = distance / MASKS;
        notShirt = other / (double) MASKS;
        committeeShirt = sum[SHIRT] / MASKS;
        double limit = 0;
        for (int c = 0; c < 10; c++) limit += Math.abs(sum[c] / MASKS - evaluation[c]);
        committeeDistance = limit / 10;
    }

    /** Softmax of W·h + b, W as PyTorch's (10, 128). */
    static double[] classify(double[] h, float[] w, float[] b) {
        double[] z = new double[10];
        for (int c = 0; c < 10; c++) {
            z[c] = b[c];
            for (int i = 0; i < h.length; i++) z[c] += w[c * h.length + i] * h[i];
        }
        double max = 0, total = 0;
        for (double v : z) max = Math.max(max, v);
        for (int c = 0; c < 10; c++) total += z[c] = Math.exp(z[c] - max);
        for (int c = 0; c < 10; c++) z[c] /= total;
        return z;
    }

    @BeforeEach
    void setUp() {
        bench = new Workbench(new I18n(), new DirectTaskRunner());
        vm = new DropoutViewModel(bench);
        bench.withData(d -> {});
        bench.usePretrained(false);
        vm.indexProperty().set(IMAGE);
    }

    @Test
    void theMaskZeroesAboutPAndScalesTheRestBy1OverOneMinusP() {
        DropoutViewModel.State s = vm.state();
        assertEquals(128, s.hidden().length);
        assertEquals(SHIRT, s.label(), "test image 89 is a shirt");
        for (int i = 0; i < 128; i++) {
            assertTrue(s.mask()[i] == 0 || s.mask()[i] == 2f, "p = 0.5: 0 or 2");
            assertEquals(s.hidden()[i] * s.mask()[i], s.trained()[i], 1e-6);
        }
        int dropped = 0;
        for (int m = 0; m < 200; m++) {
            vm.newMask();
            dropped += vm.state().dropped();
        }
        assertEquals(0.5, dropped / (200.0 * 128), 0.02, "half of the values, on average");
        vm.percentProperty().set(20);
        for (float m : vm.state().mask()) assertTrue(m == 0 || Math.abs(m - 1.25f) < 1e-6, "p = 0.2: 0 or 1.25");
        float[] probe = bench.networkProperty()
                .get()
                .predict(Samples.of(bench.dataProperty().get().test()), new int[] {IMAGE}, 0, 1);
        assertArrayEquals(probe, vm.state().evaluation(), 1e-5f, "evaluation: the whole net without dropout");
        for (int c = 0; c < 10; c++)
            assertEquals(evaluation[c], vm.state().evaluation()[c], 1e-4, "the plain loops give the same, class " + c);
    }

    /** The committee settles where the estimate says; its own draws leave it within their own spread of that. */
    @Test
    void theCommitteeComesCloseToEvaluationAsTheEstimateSays() {
        vm.addMembers(1000);
        DropoutViewModel.State s = vm.state();
        assertEquals(1000, s.members());
        // 1,000 masks: the committee's mean is within 4 standard errors (each probability's spread is below 0.5)
        assertEquals(committeeShirt, s.committee()[SHIRT], 4 * 0.5 / Math.sqrt(1000));
        assertEquals(committeeDistance, last(s.distance()), 0.02);
        int best = 0, committee = 0;
        for (int c = 1; c < 10; c++) {
            if (s.evaluation()[c] > s.evaluation()[best]) best = c;
            if (s.committee()[c] > s.committee()[committee]) committee = c;
        }
        assertEquals(best, committee, "the committee answers what the evaluation answers");
        vm.resetCommittee();
        assertEquals(0, vm.state().members());
        assertTrue(DropoutViewModel.logStep(30) && DropoutViewModel.logStep(400) && !DropoutViewModel.logStep(45));
    }

    /** Lesson 18 says what the computation gives, in both languages, to the digits it quotes. */
    @Test
    void theLessonsFiguresAreTheComputedOnes() throws Exception {
        // each figure, and how far from it the computation may be: the rounding of what is quoted, or the estimate's
        // spread
        double[][] figures = {
            {evaluation[SHIRT] * 100, 0.05},
            {evaluation[2] * 100, 0.05},
            {evaluation[0] * 100, 0.05},
            {notShirt * 100, 1.5},
            {oneMask, 0.002},
            {committeeDistance, 0.002},
            {committeeShirt * 100, 0.6}
        };
        String[] quoted = {"63.5", "21.7", "14.1", "39", "0.064", "0.024", "51.6"};
        String en = Files.readString(Path.of("lessons/18-dropout/en.md")),
                es = Files.readString(Path.of("lessons/18-dropout/es.md"));
        for (int i = 0; i < figures.length; i++) {
            assertEquals(Double.parseDouble(quoted[i]), figures[i][0], figures[i][1], "the lesson quotes " + quoted[i]);
            assertTrue(en.contains(quoted[i]), "en.md quotes " + quoted[i]);
            assertTrue(es.contains(quoted[i].replace('.', ',')), "es.md quotes " + quoted[i].replace('.', ','));
        }
    }

    static double last(List<double[]> d) {
        return d.get(d.size() - 1)[1];
    }
}
