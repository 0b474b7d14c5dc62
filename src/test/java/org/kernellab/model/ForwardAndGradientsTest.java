package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyLayerKindsForwardAgainstPlainLoops() {
        int compared = 0;
        for (String json : nets()) {
            Net net = net(json);
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
                    double[] p =
                            net.layers().get(net.layers().size() - 1) instanceof Layer.Softmax ? out : softmax(out);
                    for (int k = 0; k < c; k++)
                        assertEquals(p[k], probs[i * c + k], 2e-5, json + " sample " + i + " class " + k);
                    compared += c;
                }
                n.close();
            }
        }
        assertTrue(compared >= 200, "compared " + compared);
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
     * Central differences of the loss (the same dropout masks each time: a generator seeded alike draws them again) at
     * two step sizes; where they disagree a ReLU's or a maximum's winner flips within the step, and the point is left out.
     */
    @Test
    void everyLayerKindsGradientsAgainstFiniteDifferences() {
        int checked = 0, kinks = 0;
        for (String json : nets()) {
            Net net = net(json);
            Network n = randomised(net, json.hashCode());
            Samples data = LayersPyTorchTest.batch(net, 6, net.dims() == 3 && json.contains("Dropout"), new Random(3));
            int[] idx = Trainer.range(6);
            n.lossAndGradients(data, idx, 0, 6, new Random(1));
            float[] analytic = n.grads().dup().data().asFloat(),
                    at = n.params().dup().data().asFloat();
            Random pick = new Random(5);
            int here = 0, measured = 0;
            // at most 20 points measured per net: a broken forward pass makes every point a kink, and fails here fast
            for (int tries = 0; tries < 300 && here < 12 && measured < 20; tries++) {
                int i = pick.nextInt(at.length);
                if (Math.abs(analytic[i]) < 1e-4) continue;
                measured++;
                double big = difference(n, data, idx, i, at[i], 1e-2), small = difference(n, data, idx, i, at[i], 3e-3);
                if (Math.abs(big - small) > 0.03 * Math.abs(big) + 1e-4) {
                    kinks++;
                    continue;
                }
                assertEquals(big, analytic[i], 0.03 * Math.abs(big) + 2e-4, json + ": parameter " + i);
                here++;
            }
            assertTrue(here >= 8, json + ": only " + here + " parameters checked");
            checked += here;
            n.close();
        }
        assertTrue(checked >= 80 && kinks < checked / 3, "checked " + checked + ", kinks " + kinks);
    }

    private static double difference(Network n, Samples data, int[] idx, int i, float at, double eps) {
        n.params().putScalar(0, i, at + eps);
        double up = n.lossAndGradients(data, idx, 0, idx.length, new Random(1))[0];
        n.params().putScalar(0, i, at - eps);
        double down = n.lossAndGradients(data, idx, 0, idx.length, new Random(1))[0];
        n.params().putScalar(0, i, at);
        return (up - down) / (2 * eps);
    }
}
