package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.nd4j.linalg.factory.Nd4j;

/** The 3D network: the course's shapes, the forward pass against the reference loops, gradients against finite differences. */
class Network3DTest {
    static byte[] voxels(int n, int grid, long seed) {
        byte[] v = new byte[n * grid * grid * grid];
        Random r = new Random(seed);
        for (int i = 0; i < v.length; i++) v[i] = (byte) (r.nextDouble() < 0.3 ? 1 : 0);
        return v;
    }

    @Test void theCoursesShapes() {
        Net3DSpec course = new Net3DSpec(Net3DSpec.course(), 24, 10, 0.5, 1e-3, 32, 10, 1);
        List<LayerChain.Result> s = course.summary();
        assertEquals("[32,64,1,1,1]", java.util.Arrays.toString(s.get(8).shape()).replace(" ", ""));
        assertEquals("[32,16,22,22,22]", java.util.Arrays.toString(s.get(0).shape()).replace(" ", ""));
        Net3DSpec modified = new Net3DSpec(Net3DSpec.modified(), 24, 10, 0.5, 1e-3, 32, 10, 1);
        assertEquals("[32,128,4,4,4]", java.util.Arrays.toString(modified.summary().get(7).shape()).replace(" ", ""));
        assertEquals(course.parameters(), new Network3D(course).parameters());
        assertEquals(modified.parameters(), new Network3D(modified).parameters());
        ComputeException tooSmall = assertThrows(ComputeException.class,
                () -> new Net3DSpec(List.of(new Net3DSpec.Block(4, 9, 0, true), new Net3DSpec.Block(4, 9, 0, true)), 12, 4, 0, 1e-3, 8, 1, 1));
        assertTrue(tooSmall.getMessage().contains("layer 4"), tooSmall.getMessage());
    }

    @Test void gradientsMatchFiniteDifferences() {
        gradientsOf(new Net3DSpec(List.of(new Net3DSpec.Block(2, 3, 0, true), new Net3DSpec.Block(3, 3, 1, false)), 8, 3, 0, 1e-3, 4, 1, 7));
        // strides and padding in the first convolution (its im2col) and in a later one
        gradientsOf(new Net3DSpec(List.of(new Net3DSpec.Block(2, 3, 2, 1, false), new Net3DSpec.Block(3, 2, 2, 0, false)), 9, 3, 0, 1e-3, 4, 1, 8));
    }

    private static void gradientsOf(Net3DSpec spec) {
        Network3D net = new Network3D(spec);
        float[] p = net.params().toFloatVector();
        Random noise = new Random(5); // biases off zero, so that few units sit exactly on ReLU's kink
        for (int i = 0; i < p.length; i++) p[i] += (float) (0.05 * noise.nextGaussian());
        net.params().assign(Nd4j.createFromArray(p).reshape(1, p.length));
        byte[] x = voxels(4, spec.grid(), 3), labels = {0, 1, 2, 1};
        int[] idx = {0, 1, 2, 3};
        net.lossAndGradients(x, labels, idx, 0, 4);
        float[] analytic = net.grads().toFloatVector();
        Random pick = new Random(3);
        int checked = 0, kinks = 0, conv = 0;
        for (int tries = 0; tries < 600 && checked < 60; tries++) {
            int i = tries < 60 ? tries * 3 : pick.nextInt(p.length); // the convolutions' weights come first
            if (Math.abs(analytic[i]) < 1e-3) continue;
            double numeric = difference(net, p, i, 1e-3, x, labels, idx), half = difference(net, p, i, 2e-3, x, labels, idx);
            if (Math.abs(numeric - half) > 0.03 * Math.abs(numeric) + 1e-3) {
                kinks++;
                continue;
            }
            assertEquals(numeric, analytic[i], 0.05 * Math.abs(numeric) + 2e-3, "parameter " + i);
            checked++;
            if (i < 2 * 27 + 2 + 3 * 2 * 27 + 3) conv++;
        }
        assertTrue(checked >= 20 && conv >= 10 && kinks < checked / 3, "checked " + checked + ", in the convolutions " + conv + ", kinks " + kinks);
    }

    private static double difference(Network3D net, float[] p, int i, double eps, byte[] x, byte[] labels, int[] idx) {
        net.params().putScalar(0, i, p[i] + eps);
        double up = net.lossAndGradients(x, labels, idx, 0, idx.length);
        net.params().putScalar(0, i, p[i] - eps);
        double down = net.lossAndGradients(x, labels, idx, 0, idx.length);
        net.params().putScalar(0, i, p[i]);
        return (up - down) / (2 * eps);
    }

    @Test void lanesAndSmallerBatchesGiveTheSameGradients() {
        Net3DSpec spec = new Net3DSpec(List.of(new Net3DSpec.Block(4, 3, 0, true), new Net3DSpec.Block(6, 3, 0, true)), 13, 3, 0, 1e-3, 32, 1, 4);
        byte[] x = voxels(32, spec.grid(), 9), labels = new byte[32];
        int[] idx = new int[32];
        for (int i = 0; i < 32; i++) {
            labels[i] = (byte) (i % 3);
            idx[i] = i;
        }
        try (Network3D one = new Network3D(spec); Network3D two = new Network3D(spec); Network3D fresh = new Network3D(spec)) {
            Trainer.useThreads(1);
            double loss1 = one.lossAndGradients(x, labels, idx, 0, 32);
            float[] g1 = one.grads().toFloatVector();
            Trainer.useThreads(2);
            double loss2 = two.lossAndGradients(x, labels, idx, 0, 32);
            float[] g2 = two.grads().toFloatVector();
            assertEquals(loss1, loss2, 1e-6);
            assertClose(g1, g2);
            // a smaller batch after a larger one runs on the larger one's buffers
            two.lossAndGradients(x, labels, idx, 4, 24);
            fresh.lossAndGradients(x, labels, idx, 4, 24);
            assertClose(fresh.grads().toFloatVector(), two.grads().toFloatVector());
        } finally {
            Trainer.useThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    private static void assertClose(float[] want, float[] got) {
        float scale = 0;
        for (float v : want) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0, "some gradient");
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-5 * scale, "gradient " + i);
    }

    @Test void trainingLearnsToTellTwoShapesApart() {
        // class 0: a filled lower half; class 1: a filled upper half, with noise: a few steps must separate them
        int grid = 8, n = 32, cells = grid * grid * grid;
        byte[] x = new byte[n * cells], labels = new byte[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            for (int c = 0; c < cells; c++) {
                int z = c % grid;
                boolean on = labels[i] == 0 ? z < grid / 2 : z >= grid / 2;
                x[i * cells + c] = (byte) (on ^ r.nextDouble() < 0.1 ? 1 : 0);
            }
        }
        Net3DSpec spec = new Net3DSpec(List.of(new Net3DSpec.Block(4, 3, 0, true)), grid, 2, 0.5, 3e-3, 8, 1, 2);
        try (Network3D net = new Network3D(spec)) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            double first = 0, last = 0;
            for (int step = 0; step < 40; step++) {
                double loss = net.step(x, labels, idx, (step % 4) * 8, (step % 4) * 8 + 8, r)[0];
                if (step < 4) first += loss;
                if (step >= 36) last += loss;
            }
            assertTrue(last < first / 2, "the loss falls: " + first / 4 + " → " + last / 4);
            float[] p = net.predict(x, idx, 0, 2);
            assertArrayEquals(new int[] {0, 1}, new int[] {Network3D.argMax(p, 0, 2), Network3D.argMax(p, 2, 2)});
        }
    }
}
