package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.data.FashionMnist;

/**
 * Explanations and attacks against independent computations: input gradients against finite differences, occlusion
 * against a loop of single predictions on the pictures' bytes (the trained path, not the probe's), FGSM against the
 * loss it must raise, PGD against its ball, the robustness curve at ε = 0 against {@link Trainer#evaluate}, and the
 * sanity checks against the threshold measured on the shipped CNN.
 */
class ExplainTest {
    private static Network cnn;
    private static Samples test;

    @BeforeAll
    static void load() throws Exception {
        cnn = ModelFile.pretrained();
        test = Samples.of(FashionMnist.builtIn().test());
    }

    /**
     * Central differences of the logit, where the logit is smooth within the step: where the one-sided differences
     * disagree a ReLU or a max pooling's choice switches inside it (a kink, where the derivative is one-sided), counted
     * and bounded instead. Cells of the garment only: on the flat background max pooling's windows tie everywhere.
     */
    @Test
    void inputGradientsAreTheLogitsFiniteDifferences() {
        int compared = 0, kinks = 0;
        double h = 1e-3;
        for (int image : new int[] {3, 11}) {
            float[] x = test.floats(image);
            int c = test.label(image);
            float[] g = Probe.run(cnn, x, 1, Probe.activations(cnn) - 1, Probe.logit(c), 0)
                    .inputGradient();
            double max = 0, at = Probe.logits(cnn, x, 1)[c];
            for (float v : g) max = Math.max(max, Math.abs(v));
            for (int k = 0; k < x.length; k += 11) {
                if (x[k] < 0.1) continue;
                float[] up = x.clone(), down = x.clone();
                up[k] += (float) h;
                down[k] -= (float) h;
                double fu = Probe.logits(cnn, up, 1)[c], fd = Probe.logits(cnn, down, 1)[c];
                if (Math.abs((fu - at) - (at - fd)) / h > 0.02 * max) {
                    kinks++;
                    continue;
                }
                assertEquals((fu - fd) / (2 * h), g[k], 0.02 * max, "image " + image + " cell " + k);
                compared++;
            }
        }
        assertTrue(compared > 30 && kinks <= compared / 10, "compared " + compared + ", kinks " + kinks);
    }

    /**
     * Grad-CAM as its definition reads, by a loop here: the last convolution's ReLU output A taken from the feature
     * maps' forward pass ({@link Network#activations}, not the probe's), the weights α_k as the mean over the cells of
     * the logit's gradient at A, ReLU(Σ_k α_k A^k); and the upsampling by its own formula at two cells.
     */
    @Test
    void gradCamIsItsDefinitionLoopedOut() {
        int compared = 0;
        for (int image : new int[] {1, 6}) {
            float[] x = test.floats(image);
            byte[] px = Arrays.copyOfRange(test.values(), image * 784, (image + 1) * 784);
            int a = Saliency.gradCamLayer(cnn), c = test.label(image);
            Activation act =
                    cnn.activations(new Samples(px, new byte[1], new int[] {1, 28, 28}, 1 / 255f, false), 0).stream()
                            .filter(r -> r.layer() == a - 1)
                            .findFirst()
                            .orElseThrow();
            float[] g = Probe.run(cnn, x, 1, Probe.activations(cnn) - 1, Probe.logit(c), a)
                    .gradient();
            int h = act.shape()[0], w = act.shape()[1], k = act.channels(), cells = h * w;
            Saliency.Map m = Saliency.gradCam(cnn, x, c, a);
            for (int cell = 0; cell < cells; cell++) {
                double sum = 0;
                for (int f = 0; f < k; f++) {
                    double alpha = 0;
                    for (int i = 0; i < cells; i++) alpha += g[f * cells + i];
                    sum += alpha / cells * act.values()[cell * k + f]; // the feature maps' values are channels last
                }
                assertEquals(Math.max(0, sum), m.values()[cell], 1e-4 + 1e-4 * Math.abs(sum), "cell " + cell);
                compared++;
            }
            // row 0 of 28 reads row 0 of 11; its cell 0 reads cell 0, its cell 13 cells 4 and 5 ((13 + ½)·11/28 − ½ =
            // 4.8)
            assertEquals(m.values()[0], m.upsampled()[0], 1e-6);
            double src = (13 + 0.5) * 11 / 28.0 - 0.5, l = src - (int) src;
            assertEquals((1 - l) * m.values()[(int) src] + l * m.values()[(int) src + 1], m.upsampled()[13], 1e-5);
        }
        assertEquals(2 * 121, compared);
    }

    @Test
    void occlusionIsALoopOfPredictionsOnOccludedPictures() {
        Saliency.Patch patch = new Saliency.Patch(5, 3, 0);
        int image = 4, side = 28, compared = 0;
        Saliency.Map m = Saliency.occlusion(cnn, test.floats(image), -1, patch);
        byte[] px = Arrays.copyOfRange(test.values(), image * 784, (image + 1) * 784);
        float before = predict(px)[m.cls()];
        double[] sum = new double[784];
        int[] count = new int[784];
        for (int y0 = 0; y0 + 5 <= side; y0 += 3)
            for (int x0 = 0; x0 + 5 <= side; x0 += 3) {
                byte[] o = px.clone();
                for (int y = y0; y < y0 + 5; y++) Arrays.fill(o, y * side + x0, y * side + x0 + 5, (byte) 0);
                float drop = before - predict(o)[m.cls()];
                for (int y = y0; y < y0 + 5; y++)
                    for (int x = x0; x < x0 + 5; x++) {
                        sum[y * side + x] += drop;
                        count[y * side + x]++;
                    }
            }
        for (int k = 0; k < 784; k++) {
            assertEquals(count[k] == 0 ? 0 : sum[k] / count[k], m.values()[k], 1e-5, "cell " + k);
            compared++;
        }
        assertEquals(784, compared);
    }

    private static float[] predict(byte[] pixels) {
        Samples one = new Samples(pixels, new byte[1], new int[] {1, 28, 28}, 1 / 255f, false);
        return cnn.predict(one, new int[] {0}, 0, 1);
    }

    @Test
    void fgsmRaisesTheLossAndPgdStaysInItsBall() {
        int raised = 0, inBall = 0;
        for (int image = 0; image < 12; image++) {
            float[] x = test.floats(image);
            int y = test.label(image);
            Attacks.Result f = Attacks.attack(cnn, x, y, Attacks.Settings.fgsm(0.03));
            if (Attacks.loss(cnn, f.image(), y) > Attacks.loss(cnn, x, y)) raised++;
            Attacks.Result p = Attacks.attack(cnn, x, y, Attacks.Settings.pgd(0.03, 5));
            boolean inside = p.linf() <= 0.03 + 1e-6;
            for (float v : p.image()) inside &= v >= 0 && v <= 1;
            if (inside) inBall++;
        }
        assertEquals(12, raised, "FGSM raised the loss on every picture");
        assertEquals(12, inBall, "PGD stayed within ε and [0, 1]");
    }

    /**
     * A batch shared among two lanes attacks each sample against its own label, as one at a time does: compared where
     * the loss's gradient is clearly not zero (the sign of rounding noise differs between the batch's and one
     * sample's arithmetic).
     */
    @Test
    void aBatchAttackIsEachSamplesOwn() {
        int n = 8, size = test.size(), compared = 0;
        float[] x = new float[n * size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(test.floats(i), 0, x, i * size, size);
            y[i] = test.label(i);
        }
        float[] batch;
        cnn.threads(2);
        try {
            batch = Attacks.attacked(cnn, x, y, n, Attacks.Settings.fgsm(0.05), () -> false);
        } finally {
            cnn.threads(1);
        }
        for (int i = 0; i < n; i++) {
            float[] one = Attacks.attack(cnn, test.floats(i), y[i], Attacks.Settings.fgsm(0.05))
                    .image();
            float[] g = Probe.run(cnn, test.floats(i), 1, Probe.activations(cnn) - 1, Probe.loss(y[i]), 0)
                    .inputGradient();
            double max = 0;
            for (float v : g) max = Math.max(max, Math.abs(v));
            for (int k = 0; k < size; k++) {
                if (Math.abs(g[k]) < 1e-4 * max) continue;
                assertEquals(one[k], batch[i * size + k], 1e-6, "sample " + i + " cell " + k);
                compared++;
            }
        }
        assertTrue(compared > n * size / 4, "compared " + compared);
    }

    @Test
    void aTargetedAttackLowersTheLossTowardItsTarget() {
        float[] x = test.floats(2);
        int target = (test.label(2) + 3) % 10;
        Attacks.Result r = Attacks.attack(
                cnn, x, test.label(2), Attacks.Settings.pgd(0.1, 20).targeting(target));
        assertTrue(Attacks.loss(cnn, r.image(), target) < Attacks.loss(cnn, x, target) / 2);
    }

    @Test
    void theSmallestFlippingEpsFlipsAndOneGreyLevelLessDoesNot() {
        int checked = 0;
        for (int image = 0; image < 6; image++) {
            float[] x = test.floats(image);
            double e = Attacks.smallestFlip(cnn, x, test.label(image), 0.3);
            if (Double.isNaN(e)) continue;
            assertTrue(Attacks.flips(cnn, x, test.label(image), e), "image " + image + " at " + e);
            if (e > 1 / 255.0) assertFalse(Attacks.flips(cnn, x, test.label(image), e - 1 / 255.0));
            checked++;
        }
        assertTrue(checked >= 5, "checked " + checked);
    }

    @Test
    void theCurveStartsAtTheNetsAccuracyAndFalls() {
        Samples first = test.first(300);
        Robustness.Curve c = Robustness.of(cnn, first, 0, new double[] {0, 0.05, 0.2}, 0, (d, t) -> {});
        assertEquals(Trainer.evaluate(cnn, first).accuracy(), c.accuracy()[0], 1e-9);
        assertTrue(
                c.accuracy()[1] < c.accuracy()[0] && c.accuracy()[2] < c.accuracy()[1], Arrays.toString(c.accuracy()));
    }

    /**
     * Measured on the shipped CNN over pictures 0, 1 and 2, all layers re-drawn: gradient 0.45 to 0.53, Grad-CAM −0.47
     * to 0.24, occlusion 0.07 to 0.31 (patch step 1; here step 2, a quarter of the pictures), but gradient × input 0.81
     * to 0.97, the input itself showing through it (the paper's finding). The bounds leave a margin around those.
     */
    @Test
    void mapsOfARandomisedNetNoLongerResembleTheTrainedNetsExceptGradientTimesInput() {
        int checked = 0;
        for (Saliency.Method m : Saliency.Method.values()) {
            for (int image : new int[] {0, 2}) {
                List<SanityChecks.Step> steps =
                        SanityChecks.cascading(cnn, test.floats(image), m, -1, new Saliency.Patch(4, 2, 0.5f), 5);
                assertEquals(4, steps.size(), "one step per learned layer");
                double last = steps.get(steps.size() - 1).correlation();
                String what = m + " on image " + image + ": " + last;
                if (m == Saliency.Method.INPUT_GRADIENT) assertTrue(last > 0.75, what);
                else assertTrue(last < (m == Saliency.Method.GRADIENT ? 0.6 : 0.45), what);
                checked++;
            }
        }
        assertEquals(8, checked);
    }

    @Test
    void spearmanRanksAbsoluteValuesWithTies() {
        assertEquals(1, SanityChecks.spearman(new float[] {1, -2, 3}, new float[] {10, 20, 30}), 1e-12);
        assertEquals(-1, SanityChecks.spearman(new float[] {1, 2, 3}, new float[] {3, 2, 1}), 1e-12);
        // ranks (0.5, 0.5, 2) against (0, 1, 2): r = 0.866…
        assertEquals(Math.sqrt(3) / 2, SanityChecks.spearman(new float[] {1, 1, 2}, new float[] {1, 2, 3}), 1e-12);
    }

    /**
     * Gradient ascent on a class's score gives a picture the net calls that class; on a filter, one its centre unit
     * answers more strongly than to grey or to any of 20 test pictures (for the first convolution, the true optimum).
     */
    @Test
    void whatAClassOrAFilterWantsToSeeExcitesIt() {
        Maximise.Settings s = new Maximise.Settings(60, 0.02, 2, 4, 1);
        int classes = 0;
        for (int c : new int[] {1, 8}) {
            float[] x = Maximise.picture(cnn, Probe.activations(cnn) - 1, c, s, () -> false);
            assertEquals(c, Saliency.predicted(cnn, x), "class " + c);
            classes++;
        }
        assertEquals(2, classes);
        int raised = 0;
        float[] grey = new float[784];
        Arrays.fill(grey, 0.5f);
        for (int conv : new int[] {1, 4}) // the first and second convolutions' outputs
        for (int f : new int[] {0, 20}) {
                float[] x = Maximise.picture(cnn, conv, f, s, () -> false);
                double best = centre(conv, f, grey);
                for (int i = 0; i < 20; i++) best = Math.max(best, centre(conv, f, test.floats(i)));
                if (centre(conv, f, x) > best) raised++;
            }
        assertEquals(4, raised, "every filter tried answers its picture more than grey or 20 test pictures");
    }

    /** Filter f's unit at the centre of activation a's map. */
    private static double centre(int a, int f, float[] x) {
        Probe.Pass p = Probe.run(cnn, x, 1, Probe.activations(cnn) - 1, null, a);
        int h = p.shape()[1], w = p.shape()[2];
        return p.activation()[(f * h + h / 2) * w + w / 2];
    }
}
