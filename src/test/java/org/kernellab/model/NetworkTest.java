package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Reference;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.data.Dataset;
import org.kernellab.data.FashionMnist;
import org.kernellab.data.Idx;

/**
 * The course's two networks, trained with hand-written backpropagation over ND4J ops: the forward pass is held
 * against the from-scratch reference loops, the gradients against finite differences, and training lowers the loss.
 */
class NetworkTest {
    static Dataset train, test;

    @BeforeAll static void data() throws Exception {
        FashionMnist.Loaded d = FashionMnist.load(Path.of("assets/fashion-mnist"));
        train = d.train();
        test = d.test();
    }

    static final NetSpec MLP = new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 0.1, 64, 1, 7);

    static double loss(Network net, int n) {
        return net.loss(train.images().pixels(), train.labels(), Trainer.range(n), 0, n);
    }

    @Test void theCoursesNetsHaveTheCoursesShapes() {
        Network cnn = Network.build(NetSpec.courseCnn(1e-3, 64, 1));
        assertEquals("[1, 800]", Arrays.toString(cnn.summary().get(6).shape()), "flatten 800, as in the course");
        assertEquals(320 + 9248 + 800 * 128 + 128 + 1290, cnn.parameters());
        assertEquals(784 * 64 + 64 + 64 * 128 + 128 + 128 * 10 + 10, Network.build(MLP).parameters());
        for (int blocks = 1; blocks <= 3; blocks++) {
            Network net = Network.build(new NetSpec(NetSpec.Kind.CNN, 16, blocks, 0, NetSpec.Optimizer.ADAM, 1e-3, 64, 1, 1));
            long fromChain = net.summary().stream().mapToLong(r -> r.parameters()).sum();
            assertEquals(fromChain, net.parameters(), blocks + " blocks: the editor's count is the trained net's count");
        }
    }

    @Test void featureMapsMatchTheReferenceLoops() {
        Network net = Network.build(new NetSpec(NetSpec.Kind.CNN, 3, 2, 0, NetSpec.Optimizer.ADAM, 1e-3, 64, 1, 5));
        byte[] img = Arrays.copyOfRange(test.images().pixels(), 23 * 784, 24 * 784);
        Network.Maps maps = net.featureMaps(img);
        Tensor x = test.image(23).reshape(1, 1, 28, 28);
        for (int block = 0; block < 2; block++) {
            Network.BlockMaps m = maps.blocks().get(block);
            int channels = block == 0 ? 1 : 3;
            Tensor w = Tensor.zeros(3, channels, 3, 3), bias = Tensor.zeros(3);
            for (int f = 0; f < 3; f++) {
                double[][][] filter = net.filter(block, f);
                for (int c = 0; c < channels; c++) for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++) w.set(filter[c][ky][kx], f, c, ky,
                        kx);
                bias.set(net.bias(block, f), f);
            }
            Tensor conv = Reference.conv(x, w, bias, Window.square(3, 1, 0));
            Tensor pooled = Reference.pool(conv, PoolMode.MAX, Window.square(2, 2, 0));
            for (int f = 0; f < 3; f++) {
                double[][] got = m.map(m.conv(), m.convSide(), f), gotPool = m.map(m.pool(), m.poolSide(), f);
                for (int y = 0; y < m.convSide(); y++) for (int xx = 0; xx < m.convSide(); xx++) {
                    assertEquals(conv.get(0, f, y, xx), got[y][xx], 1e-4, "block " + block + " conv map " + f);
                }
                for (int y = 0; y < m.poolSide(); y++) for (int xx = 0; xx < m.poolSide(); xx++) {
                    assertEquals(Math.max(0, pooled.get(0, f, y, xx)), gotPool[y][xx], 1e-4, "block " + block + " pooled map " + f);
                }
            }
            x = Tensor.zeros(1, 3, m.poolSide(), m.poolSide());
            for (int f = 0; f < 3; f++) {
                double[][] p = m.map(m.pool(), m.poolSide(), f);
                for (int y = 0; y < m.poolSide(); y++) for (int xx = 0; xx < m.poolSide(); xx++) x.set(p[y][xx], 0, f, y, xx);
            }
        }
        double sum = 0;
        for (float p : maps.probabilities()) sum += p;
        assertEquals(1, sum, 1e-5);
    }

    /**
     * SGD moves each parameter by lr·gradient, so one step reveals the gradient; finite differences check it. With
     * dropout (after the conv blocks and on the hidden layer) the loss is taken with the step's own masks.
     */
    @Test void gradientsMatchFiniteDifferences() {
        for (NetSpec spec : new NetSpec[] {
                new NetSpec(NetSpec.Kind.CNN, 3, 2, 0, NetSpec.Optimizer.SGD, 1e-3, 8, 1, 11),
                new NetSpec(NetSpec.Kind.CNN, 2, 3, 0, NetSpec.Optimizer.SGD, 1e-3, 8, 1, 12),
                new NetSpec(NetSpec.Kind.CNN, 3, 2, 0.3, NetSpec.DropoutAt.BOTH, NetSpec.Optimizer.SGD, 1e-3, 8, 1, 13)}) {
            Network net = Network.build(spec);
            int[] idx = Trainer.range(8);
            byte[] px = train.images().pixels(), labels = train.labels();
            // zero biases put every background pixel exactly on ReLU's kink, where finite differences disagree by design
            float[] before = net.params().toFloatVector();
            Random noise = new Random(5);
            for (int i = 0; i < before.length; i++) before[i] += (float) (0.05 * noise.nextGaussian());
            net.params().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(before).reshape(1, before.length));
            net.step(px, labels, idx, 0, 8, new Random(1));
            float[] after = net.params().toFloatVector();
            net.params().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(before).reshape(1, before.length));
            Random pick = new Random(3);
            int checked = 0, first = 0, kinks = 0;
            for (int tries = 0; tries < 400 && checked < 40; tries++) {
                int i = tries < 20 ? tries : pick.nextInt(before.length); // the first block's weights and biases come first
                if (tries < 20 && Math.abs(before[i] - after[i]) > 0) first++;
                double analytic = (before[i] - after[i]) / spec.lr();
                if (Math.abs(analytic) < 1e-3) continue;
                double numeric = difference(net, spec, i, before[i], 1e-3, idx), half = difference(net, spec, i, before[i], 1e-4, idx);
                if (Math.abs(numeric - half) > 0.02 * Math.abs(numeric) + 1e-3) { // a ReLU or max-pool winner flips within ε
                    kinks++;
                    continue;
                }
                assertEquals(numeric, analytic, 0.05 * Math.abs(numeric) + 2e-3, spec.kind() + " " + spec.blocks() + " blocks, parameter " + i);
                checked++;
            }
            assertTrue(checked >= 10 && kinks < checked / 4, "checked " + checked + ", kinks " + kinks);
            assertTrue(first > 10, "the first convolution learns");
        }
    }

    /** The MLP's loss and every gradient against a from-scratch version in doubles. */
    @Test void mlpGradientsMatchPlainLoopsInDoubles() {
        Network net = Network.build(new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 1e-3, 8, 1, 13));
        byte[] px = train.images().pixels(), labels = train.labels();
        float[] p = net.params().toFloatVector();
        int[] sizes = {784, 64, 128, 10}, woff = new int[3], boff = new int[3];
        for (int l = 0, off = 0; l < 3; l++) {
            woff[l] = off;
            off += sizes[l] * sizes[l + 1];
            boff[l] = off;
            off += sizes[l + 1];
        }
        double[] grad = new double[p.length];
        double loss = 0;
        for (int n = 0; n < 8; n++) {
            double[][] act = new double[4][];
            act[0] = new double[784];
            for (int k = 0; k < 784; k++) act[0][k] = (px[n * 784 + k] & 0xFF) / 255.0;
            for (int l = 0; l < 3; l++) {
                act[l + 1] = new double[sizes[l + 1]];
                for (int j = 0; j < sizes[l + 1]; j++) {
                    double z = p[boff[l] + j];
                    for (int k = 0; k < sizes[l]; k++) z += act[l][k] * p[woff[l] + k * sizes[l + 1] + j];
                    act[l + 1][j] = l < 2 ? Math.max(0, z) : z;
                }
            }
            double max = Arrays.stream(act[3]).max().orElseThrow(), sum = 0;
            for (double z : act[3]) sum += Math.exp(z - max);
            loss += (max + Math.log(sum) - act[3][labels[n]]) / 8;
            double[] g = new double[10];
            for (int c = 0; c < 10; c++) g[c] = (Math.exp(act[3][c] - max) / sum - (c == labels[n] ? 1 : 0)) / 8;
            for (int l = 2; l >= 0; l--) {
                double[] down = new double[sizes[l]];
                for (int j = 0; j < sizes[l + 1]; j++) {
                    grad[boff[l] + j] += g[j];
                    for (int k = 0; k < sizes[l]; k++) {
                        grad[woff[l] + k * sizes[l + 1] + j] += act[l][k] * g[j];
                        down[k] += p[woff[l] + k * sizes[l + 1] + j] * g[j];
                    }
                }
                if (l > 0) for (int k = 0; k < sizes[l]; k++) if (act[l][k] <= 0) down[k] = 0;
                g = down;
            }
        }
        assertEquals(loss, net.loss(px, labels, Trainer.range(8), 0, 8), 1e-5);
        net.step(px, labels, Trainer.range(8), 0, 8, new Random(1));
        float[] after = net.params().toFloatVector();
        for (int i = 0; i < p.length; i++) assertEquals(grad[i], (p[i] - after[i]) / 1e-3, 1e-4, "parameter " + i);
    }

    private static double difference(Network net, NetSpec spec, int i, float at, double eps, int[] idx) {
        byte[] px = train.images().pixels(), labels = train.labels();
        net.params().putScalar(0, i, at + eps);
        double up = net.loss(px, labels, idx, 0, idx.length, spec.dropout() > 0 ? new Random(1) : null);
        net.params().putScalar(0, i, at - eps);
        double down = net.loss(px, labels, idx, 0, idx.length, spec.dropout() > 0 ? new Random(1) : null);
        net.params().putScalar(0, i, at);
        return (up - down) / (2 * eps);
    }

    @Test void aFewStepsLowerTheLossAndChangeTheWeightsOfBothNets() {
        for (NetSpec spec : new NetSpec[] {new NetSpec(NetSpec.Kind.CNN, 16, 2, 0.25, NetSpec.Optimizer.ADAM, 2e-3, 64, 1, 7), MLP}) {
            Network net = Network.build(spec);
            double before = loss(net, 256);
            float[] w0 = net.params().toFloatVector();
            Random rnd = new Random(1);
            int[] idx = Trainer.range(256);
            for (int step = 0; step < 12; step++) net.step(train.images().pixels(), train.labels(), idx, (step % 4) * 64, (step % 4) * 64 + 64, rnd);
            double after = loss(net, 256);
            assertTrue(after < before * 0.9, spec.kind() + ": loss " + before + " → " + after);
            assertNotEquals(Arrays.toString(w0), Arrays.toString(net.params().toFloatVector()));
        }
    }

    @Test void evaluationCountsMatchAHandCountAndTheConfusionMatrixSumsToTheTestCount() {
        Network net = Network.build(MLP);
        int n = 50;
        float[] probs = net.predict(test.images().pixels(), Trainer.range(n), 0, n);
        int right = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) if (probs[i * 10 + c] > probs[i * 10 + best]) best = c;
            if (best == test.label(i)) right++;
        }
        Dataset small = new Dataset(new Idx.Images(n, 28, 28, Arrays.copyOf(test.images().pixels(), n * 784)), Arrays.copyOf(test.labels(), n));
        Trainer.Evaluation e = Trainer.evaluate(net, small);
        assertEquals(right / (double) n, e.accuracy(), 1e-12);
        assertEquals(n, Arrays.stream(e.confusion()).flatMapToInt(Arrays::stream).sum());
        int diagonal = 0;
        for (int c = 0; c < 10; c++) diagonal += e.confusion()[c][c];
        assertEquals(right, diagonal);
    }

    @Test void aDivergingRunStopsWithTheLearningRateInTheMessage() {
        NetSpec wild = new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 9, 64, 1, 1);
        ComputeException e = assertThrows(ComputeException.class, () -> Trainer.train(Network.build(wild), train, test, 2000, ep -> {}));
        assertEquals("train.diverged", e.problem().key());
    }

    @Test void impossibleSettingsAreRefusedWithAReason() {
        ComputeException e = assertThrows(ComputeException.class, () -> new NetSpec(NetSpec.Kind.CNN, 32, 4, 0, NetSpec.Optimizer.ADAM, 1e-3, 64, 1,
                1));
        assertEquals("a CNN has 1 to 3 conv blocks, got 4", e.getMessage());
        assertThrows(ComputeException.class, () -> new NetSpec(NetSpec.Kind.MLP, 0, 0, 1.0, NetSpec.Optimizer.SGD, 1e-3, 64, 1, 1));
    }
}
