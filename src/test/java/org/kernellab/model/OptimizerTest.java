package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** SGD and Adam against their update formulas, written out here in doubles (PyTorch's Adam: ε added after the bias correction). */
class OptimizerTest {
    @Test
    void adamFollowsItsFormulaStepByStep() {
        Random r = new Random(9);
        int n = 50;
        double[] p = new double[n], m = new double[n], v = new double[n];
        float[] start = new float[n];
        for (int i = 0; i < n; i++) p[i] = start[i] = (float) r.nextGaussian();
        INDArray params = Nd4j.create(start, new long[] {1, n}, 'c');
        Optimizer adam = new Optimizer(new Training(Training.Optimizer.ADAM, 0.003, 8, 1, 1), params);
        for (int t = 1; t <= 20; t++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) g[i] = (float) (r.nextGaussian() * Math.pow(10, -r.nextInt(7)));
            for (int i = 0; i < n; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                p[i] -= 0.003 / (1 - Math.pow(0.9, t)) * m[i] / denom;
            }
            adam.step(Nd4j.create(g, new long[] {1, n}, 'c'));
            float[] got = params.dup().data().asFloat();
            for (int i = 0; i < n; i++)
                assertEquals(p[i], got[i], 2e-6 * Math.max(1, Math.abs(p[i])), "step " + t + " parameter " + i);
        }
    }

    @Test
    void sgdMovesByTheLearningRateTimesTheGradient() {
        INDArray params = Nd4j.create(new float[] {1, -2, 3}, new long[] {1, 3}, 'c');
        new Optimizer(new Training(Training.Optimizer.SGD, 0.5, 8, 1, 1), params)
                .step(Nd4j.create(new float[] {0.2f, -4, 0}, new long[] {1, 3}, 'c'));
        Assertions.assertArrayEquals(
                new float[] {0.9f, 0, 3}, params.dup().data().asFloat(), 1e-7f);
    }
}
