package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.ComputeException;
import org.kernellab.data.DataException;
import org.kernellab.data.Dataset;
import org.kernellab.data.FashionMnist;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The course's two networks train for real: the loss goes down, and a saved model predicts the same. */
class NetworkTest {
    static Dataset train, test;

    @BeforeAll static void data() throws Exception {
        FashionMnist.Loaded d = FashionMnist.load(Path.of("assets/fashion-mnist"));
        train = d.train();
        test = d.test();
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    static double loss(Network net, int n) {
        return net.evaluate(Trainer.features(train, range(n), 0, n), Trainer.oneHot(train, range(n), 0, n)).get(Network.LOSS).getDouble(0);
    }

    @Test void theCoursesNetsHaveTheCoursesShapes() {
        Network cnn = Network.build(NetSpec.courseCnn(1e-3, 64, 1));
        assertEquals("[1, 800]", java.util.Arrays.toString(cnn.summary().get(6).shape()), "flatten 800, as in the course");
        assertEquals(320 + 9248 + 800 * 128 + 128 + 1290, cnn.parameters());
        Network mlp = Network.build(new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 1e-3, 64, 1, 1));
        assertEquals(784 * 64 + 64 + 64 * 128 + 128 + 128 * 10 + 10, mlp.parameters());
    }

    @Test void aFewStepsLowerTheLossOfBothNets() {
        for (NetSpec spec : new NetSpec[] {
                new NetSpec(NetSpec.Kind.CNN, 16, 2, 0.25, NetSpec.Optimizer.ADAM, 2e-3, 64, 1, 7),
                new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 0.1, 64, 1, 7)}) {
            Network net = Network.build(spec);
            double before = loss(net, 256);
            Random rnd = new Random(1);
            for (int step = 0; step < 12; step++) {
                int[] idx = range(256);
                net.step(Trainer.features(train, idx, (step % 4) * 64, (step % 4) * 64 + 64), Trainer.oneHot(train, idx, (step % 4) * 64, (step % 4) * 64 + 64), rnd);
            }
            double after = loss(net, 256);
            assertTrue(after < before * 0.9, spec.kind() + ": loss " + before + " → " + after);
        }
    }

    @Test void evaluationCountsMatchAHandCount() {
        Network net = Network.build(new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 0.1, 64, 1, 3));
        int n = 50;
        INDArray probs = net.evaluate(Trainer.features(test, range(n), 0, n), Trainer.oneHot(test, range(n), 0, n)).get(Network.PROBS);
        int right = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) if (probs.getDouble(i, c) > probs.getDouble(i, best)) best = c;
            if (best == test.label(i)) right++;
        }
        Dataset small = new Dataset(new org.kernellab.data.Idx.Images(n, 28, 28, java.util.Arrays.copyOf(test.images().pixels(), n * 784)),
                java.util.Arrays.copyOf(test.labels(), n));
        assertEquals(right / (double) n, Trainer.evaluate(net, small)[0], 1e-12);
    }

    @Test void saveThenLoadPredictsTheSameAndACorruptFileIsNamed(@TempDir Path dir) throws Exception {
        NetSpec spec = NetSpec.courseCnn(1e-3, 64, 1);
        Network net = Network.build(spec);
        net.step(Trainer.features(train, range(64), 0, 64), Trainer.oneHot(train, range(64), 0, 64), new Random(2));
        Path file = dir.resolve("cnn.model");
        net.save(file);
        Network back = Network.load(file, spec);
        INDArray x = Trainer.features(test, range(20), 0, 20), y = Trainer.oneHot(test, range(20), 0, 20);
        assertArrayEquals(net.evaluate(x, y).get(Network.PROBS).ravel().toFloatVector(), back.evaluate(x, y).get(Network.PROBS).ravel().toFloatVector(), 1e-6f);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        Path junk = dir.resolve("junk.model");
        Files.writeString(junk, "not a model");
        DataException e = assertThrows(DataException.class, () -> Network.load(junk, spec));
        assertTrue(e.getMessage().contains("junk.model"), e.getMessage());
    }

    @Test void impossibleSettingsAreRefusedWithAReason() {
        ComputeException e = assertThrows(ComputeException.class, () -> new NetSpec(NetSpec.Kind.CNN, 32, 4, 0, NetSpec.Optimizer.ADAM, 1e-3, 64, 1, 1));
        assertEquals("a CNN has 1 to 3 conv blocks, got 4", e.getMessage());
        assertThrows(ComputeException.class, () -> new NetSpec(NetSpec.Kind.MLP, 0, 0, 1.0, NetSpec.Optimizer.SGD, 1e-3, 64, 1, 1));
    }
}
