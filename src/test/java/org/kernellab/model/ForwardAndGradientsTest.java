package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Each layer kind, 2D and 3D, with the engine's fast paths on: the forward pass against plain loops in doubles
 * ({@link LoopNet}), and the backward pass against finite differences of the loss, dropout (with the step's own masks)
 * and BatchNorm (batch statistics) included.
 */
class ForwardAndGradientsTest {
    static final String[] WITH_DROPOUT = {
        "{'input':[1,12,12],'layers':[{'type':'Conv2d','out_channels':3,'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool2d','kernel_size':2},"
                + "{'type':'Dropout','p':0.3},{'type':'Flatten'},{'type':'Linear','out_features':8},{'type':'ReLU'},{'type':'Dropout','p':0.3},"
                + "{'type':'Linear','out_features':4}]}",
        "{'input':[1,10,10,10],'layers':[{'type':'Conv3d','out_channels':3,'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool3d','kernel_size':2},"
                + "{'type':'Flatten'},{'type':'Linear','out_features':8},{'type':'ReLU'},{'type':'Dropout','p':0.5},"
                + "{'type':'Linear','out_features':3}]}",
    };

    /** The finite differences' step: float32's rounding of a loss near 1 costs about 1e-4 of a slope at it. */
    private static final double EPS = 1e-3;

    static List<String> nets() {
        List<String> all = new ArrayList<>(List.of(LayersPyTorchTest.NETS_2D));
        all.addAll(List.of(LayersPyTorchTest.NETS_3D));
        all.addAll(List.of(WITH_DROPOUT));
        return all;
    }

    static Net net(String json) {
        return Net.fromJson(json.replace('\'', '"'));
    }

    /** Random weights away from zero and BatchNorm statistics away from (0, 1), so that every one of them shows. */
    static Network randomised(Net net, long seed) {
        Network n = Network.build(net, new Training(Training.Optimizer.SGD, 1e-3, 8, 1, seed));
        LayersPyTorchTest.nudge(n, new Random(seed));
        return n;
    }

    /** One case per net, so that a change to one layer kind reruns only the nets that hold it (as PIT does). */
    @ParameterizedTest
    @MethodSource("nets")
    void everyLayerKindsForwardAgainstPlainLoops(String json) {
        Net net = net(json);
        int compared = 0;
        for (boolean binary : net.dims() == 3 ? new boolean[] {true, false} : new boolean[] {false}) {
            Network n = randomised(net, json.length());
            Samples data = LayersPyTorchTest.batch(net, 5, binary, new Random(7));
            float[] probs = n.predict(data, Trainer.range(5), 0, 5);
            int c = n.classes();
            for (int i = 0; i < 5; i++) {
                float[] f = data.floats(i);
                double[] sample = new double[f.length];
                for (int k = 0; k < f.length; k++) sample[k] = f[k];
                double[] out = LoopNet.forward(net, n.pytorchParameters(), n.pytorchBuffers(), sample);
                double[] p = net.layers().get(net.layers().size() - 1) instanceof Layer.Softmax ? out : softmax(out);
                for (int k = 0; k < c; k++)
                    assertEquals(p[k], probs[i * c + k], 2e-5, json + " sample " + i + " class " + k);
                compared += c;
            }
            n.close();
        }
        assertTrue(compared >= 15, "compared " + compared);
    }

    /** Every layer's output for one sample as the feature maps read it (channel by channel), against the loops up to it. */
    @ParameterizedTest
    @MethodSource("nets")
    void everyLayersOutputIsWhatTheLoopsGiveUpToIt(String json) {
        Net net = net(json);
        Network n = randomised(net, json.length());
        Samples data = LayersPyTorchTest.batch(net, 2, false, new Random(11));
        float[] f = data.floats(1);
        double[] sample = new double[f.length];
        for (int k = 0; k < f.length; k++) sample[k] = f[k];
        List<Activation> acts = n.activations(data, 1);
        int compared = 0, maps = 0;
        for (int i = 0; i < acts.size(); i++) {
            Activation a = acts.get(i);
            assertEquals(i, a.layer());
            assertEquals(net.resolved().get(i), a.kind());
            double[] loop = LoopNet.upTo(net, n.pytorchParameters(), n.pytorchBuffers(), sample, i + 1);
            int[] s = a.shape();
            assertEquals(loop.length, a.values().length, a.toString());
            int channels = s.length == 1 ? 1 : s[s.length - 1], cells = loop.length / channels;
            assertEquals(channels, a.channels(), a.toString());
            for (int c = 0; c < channels; c++) {
                double[][] map = s.length == 3 ? a.map(c) : null;
                for (int cell = 0; cell < cells; cell++) {
                    double want = loop[c * cells + cell], got = a.values()[cell * channels + c];
                    assertEquals(want, got, 1e-4 * (1 + Math.abs(want)), a + " channel " + c + " cell " + cell);
                    if (map != null) assertEquals(got, map[cell / s[1]][cell % s[1]], a + " as a map");
                    compared++;
                }
                if (map != null) maps++;
            }
        }
        n.close();
        assertEquals(
                net.layers().size() - (net.layers().get(net.layers().size() - 1) instanceof Layer.Softmax ? 1 : 0),
                acts.size());
        boolean pictures = net.dims() == 2 && net.layers().get(0) instanceof Layer.Conv;
        assertTrue(compared >= 50 && (!pictures || maps >= 3), compared + " values, " + maps + " maps");
    }

    /**
     * A batch shared between two threads' lanes (each with its own buffers, the dropout masks drawn once for the batch)
     * gives the loss, right answers, gradients and probabilities one lane gives; a net retrained with other settings
     * starts from the same weights.
     */
    @ParameterizedTest
    @MethodSource("nets")
    void aBatchSharedAmongTwoThreadsGivesWhatOneGives(String json) {
        Net net = net(json);
        Samples data = LayersPyTorchTest.batch(net, 16, false, new Random(9));
        int[] idx = Trainer.range(16);
        double[][] lossRight = new double[2][];
        float[][] grads = new float[2][], probs = new float[2][];
        for (int t = 1; t <= 2; t++) {
            Network n = randomised(net, 4);
            n.threads(t);
            assertEquals(t, n.threads());
            lossRight[t - 1] = n.lossAndGradients(data, idx, 0, 16, new Random(1));
            grads[t - 1] = n.grads().dup().data().asFloat();
            Network again = n.retrained(new Training(Training.Optimizer.ADAM, 0.5, 4, 3, 9));
            assertEquals(0.5, again.training().lr());
            probs[t - 1] = again.predict(data, idx, 0, 16);
            assertArrayEquals(n.predict(data, idx, 0, 16), probs[t - 1], 1e-6f, "retrained from the same weights");
            n.close();
            again.close();
        }
        assertEquals(lossRight[0][0], lossRight[1][0], 1e-5 * lossRight[0][0]);
        assertEquals(lossRight[0][1], lossRight[1][1]);
        for (int i = 0; i < grads[0].length; i++)
            assertEquals(grads[0][i], grads[1][i], 1e-5 * (1 + Math.abs(grads[0][i])), "gradient " + i);
        assertArrayEquals(probs[0], probs[1], 1e-6f);
    }

    /** Lesson 18's dropout view: the last linear layer alone, on the values it takes, gives the net's probabilities. */
    @Test
    void theLastLinearLayerAloneClassifiesTheLastHiddenValues() {
        String flat = "{'input':[1,4,4],'layers':[{'type':'Flatten'},{'type':'Linear','out_features':3}]}";
        int compared = 0;
        for (String json : new String[] {WITH_DROPOUT[0], WITH_DROPOUT[1], flat}) {
            Net net = net(json);
            Network n = randomised(net, 2);
            Samples data = LayersPyTorchTest.batch(net, 3, false, new Random(4));
            float[] p = n.predict(data, Trainer.range(3), 0, 3);
            int c = n.classes();
            float[] h0 = n.lastHidden(data, 0), h1 = n.lastHidden(data, 1), both = new float[2 * h0.length];
            System.arraycopy(h0, 0, both, 0, h0.length);
            System.arraycopy(h1, 0, both, h0.length, h1.length);
            float[] q = n.classify(both, 2);
            for (int k = 0; k < 2 * c; k++) assertEquals(p[k], q[k], 1e-5, json + " value " + k);
            compared += 2 * c;
            n.close();
        }
        assertEquals(20, compared);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : z) max = Math.max(max, v);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) sum += p[i] = Math.exp(z[i] - max);
        for (int i = 0; i < z.length; i++) p[i] /= sum;
        return p;
    }

    /**
     * Central differences of the loss (the same dropout masks each time: a generator seeded alike draws them again);
     * where the slopes on either side disagree a ReLU's or a maximum's winner flips within the step, and the point is
     * left out (a kink that close also fools a comparison of two step sizes, both straddling it).
     * Every parameter tensor whose gradient is not flat gets points of its own, the first layer's included.
     */
    @ParameterizedTest
    @MethodSource("nets")
    void everyLayerKindsGradientsAgainstFiniteDifferences(String json) {
        Net net = net(json);
        Network n = randomised(net, json.hashCode());
        Samples data = LayersPyTorchTest.batch(net, 6, net.dims() == 3 && json.contains("Dropout"), new Random(3));
        int[] idx = Trainer.range(6);
        n.lossAndGradients(data, idx, 0, 6, new Random(1));
        float[] analytic = n.grads().dup().data().asFloat(),
                at = n.params().dup().data().asFloat();
        double base = n.lossAndGradients(data, idx, 0, 6, new Random(1))[0];
        Random pick = new Random(5);
        int checked = 0, kinks = 0, tensors = 0, start = 0;
        for (INDArray view : n.p) {
            int length = (int) view.length(), here = 0, measured = 0;
            double steepest = 0;
            for (int i = start; i < start + length; i++) steepest = Math.max(steepest, Math.abs(analytic[i]));
            // one point checked a tensor, at most 4 measured: a broken forward pass makes every point a kink, and fails
            // fast
            for (int tries = 0; steepest > 1e-3 && tries < 80 && here < 1 && measured < 4; tries++) {
                int i = start + pick.nextInt(length);
                if (Math.abs(analytic[i]) < 0.02 * steepest) continue;
                measured++;
                double[] sides = sides(n, data, idx, i, at[i]);
                double right = (sides[0] - base) / EPS, left = (base - sides[1]) / EPS, central = (right + left) / 2;
                if (Math.abs(right - left) > 0.05 * Math.abs(central) + 5e-4) {
                    kinks++;
                    continue;
                }
                assertEquals(central, analytic[i], 0.03 * Math.abs(central) + 2e-4, json + ": parameter " + i);
                here++;
            }
            assertTrue(steepest <= 1e-3 || here > 0, json + ": no point of parameter tensor " + tensors + " checked");
            checked += here;
            tensors++;
            start += length;
        }
        n.close();
        assertTrue(checked >= 3 && kinks < checked, json + ": " + checked + " parameters checked, " + kinks + " kinks");
    }

    /** The loss with parameter {@code i} moved up and down by {@link #EPS}. */
    private static double[] sides(Network n, Samples data, int[] idx, int i, float at) {
        double[] loss = new double[2];
        for (int side = 0; side < 2; side++) {
            n.params().putScalar(0, i, at + (side == 0 ? EPS : -EPS));
            loss[side] = n.lossAndGradients(data, idx, 0, idx.length, new Random(1))[0];
        }
        n.params().putScalar(0, i, at);
        return loss;
    }
}
