package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;
import org.kernellab.data.FashionMnist;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.VoxelSet;

/**
 * One training step of each of the course's nets, from the same weights, on real data (Fashion-MNIST pictures, voxelised
 * ModelNet-like objects), here and in PyTorch: the logits in evaluation mode, then the loss, every gradient and the
 * weights after the optimizer's step, within the tolerances of {@link LayersPyTorchTest} (2e-5 of each tensor's largest
 * value). Dropout is compared in evaluation (its masks are random on both sides).
 */
class CourseNetsPyTorchTest {
    @Test
    void theCoursesNetsTakeTheSameStepAsInPyTorch() throws Exception {
        Samples pictures = Samples.of(FashionMnist.builtIn().train());
        VoxelSet voxels =
                ModelNetData.builtIn(new ModelNetData.Settings(4, 24, 2048, 1, false), (d, t) -> {}, () -> false);
        Samples grids = Samples.train(voxels);
        record Case(Net net, Training.Optimizer opt, double lr, Samples data) {}
        List<Case> cases = List.of(
                new Case(CourseNets.mlp(0), Training.Optimizer.SGD, 1e-3, pictures),
                new Case(CourseNets.cnn(), Training.Optimizer.ADAM, 1e-4, pictures),
                new Case(noDropout(CourseNets.conv3dNet(4)), Training.Optimizer.ADAM, 1e-3, grids),
                new Case(
                        noDropout(CourseNets.conv3d(CourseNets.modified3d(), 24, 4, 0)),
                        Training.Optimizer.ADAM,
                        1e-3,
                        grids));
        int compared = 0;
        for (Case c : cases) {
            compared += logits(c.net(), c.data());
            compared += step(c.net(), c.opt(), c.lr(), c.data());
        }
        assertTrue(compared > 1_000_000, "compared " + compared + " values");
    }

    /** Dropout is random on both sides: the step is compared without it (its scaling has a test of its own). */
    static Net noDropout(Net net) {
        return Net.of(
                net.input(),
                net.layers().stream().filter(l -> !(l instanceof Layer.Dropout)).toList());
    }

    /** The first 16 samples, shuffled by a seed, as the step's batch. */
    static Samples batch(Samples all, int n) {
        int[] pick = new Random(4).ints(0, all.count()).distinct().limit(n).toArray();
        byte[] v = new byte[n * all.size()], l = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all.values(), pick[i] * all.size(), v, i * all.size(), all.size());
            l[i] = all.labels()[pick[i]];
        }
        return all.with(v, l);
    }

    static int logits(Net net, Samples all) {
        Samples data = batch(all, 16);
        Network ours = Network.build(net, new Training(Training.Optimizer.SGD, 1e-3, 16, 1, 7));
        ObjectNode q = TorchReference.request("net_forward");
        q.set("net", LayersPyTorchTest.readTree(net.toJson()));
        q.set("weights", LayersPyTorchTest.tensors(ours.pytorchParameters()));
        q.set("x", LayersPyTorchTest.input(data));
        double[] torch = TorchReference.values(TorchReference.get().call(q).get("out"));
        float[] probs = ours.predict(data, Trainer.range(16), 0, 16);
        int c = ours.classes();
        for (int i = 0; i < 16; i++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int k = 0; k < c; k++) max = Math.max(max, torch[i * c + k]);
            for (int k = 0; k < c; k++) sum += Math.exp(torch[i * c + k] - max);
            for (int k = 0; k < c; k++) {
                double p = Math.exp(torch[i * c + k] - max) / sum;
                assertEquals(p, probs[i * c + k], 2e-5, net + ": sample " + i + " class " + k);
            }
        }
        ours.close();
        return 16 * c;
    }

    /**
     * A tensor after the step, value by value. Adam's first step is ±lr wherever the gradient is far above ε and less where
     * it is near it: where a gradient is below 1e-4 of its tensor's largest (a dead ReLU's weights, float noise) the two
     * sides' noise decides the step, and those values are left out.
     */
    static int after(JsonNode grads, JsonNode expected, Network.Tensor32 got, Training.Optimizer opt, Net net) {
        double max = LayersPyTorchTest.largest(expected), gmax = LayersPyTorchTest.largest(grads);
        double[] g = TorchReference.values(grads), want = TorchReference.values(expected);
        int compared = 0;
        for (int k = 0; k < got.values().length; k++) {
            if (opt == Training.Optimizer.ADAM && Math.abs(g[k]) < 1e-4 * gmax) continue;
            int at = k; // the message is built only on a failure: a million of them took most of this test's time
            assertEquals(
                    want[k],
                    got.values()[k],
                    Math.max(LayersPyTorchTest.FLOOR, LayersPyTorchTest.TOL * max),
                    () -> net + ": " + got.name() + " [" + at + "] after a step");
            compared++;
        }
        return compared;
    }

    static int step(Net net, Training.Optimizer opt, double lr, Samples all) {
        Samples data = batch(all, 16);
        Network ours = Network.build(net, new Training(opt, lr, 16, 1, 11));
        ObjectNode q = TorchReference.request("net_step");
        q.set("net", LayersPyTorchTest.readTree(net.toJson()));
        q.set("weights", LayersPyTorchTest.tensors(ours.pytorchParameters()));
        q.set("x", LayersPyTorchTest.input(data));
        ArrayNode y = q.putArray("y");
        for (byte b : data.labels()) y.add(b);
        q.put("lr", lr);
        q.put("optimizer", opt.id());
        JsonNode torch = TorchReference.get().call(q);
        double[] lossRight = ours.step(data, Trainer.range(16), 0, 16, new Random(1));
        assertEquals(
                torch.get("loss").asDouble(),
                lossRight[0],
                2e-5 * Math.max(1, torch.get("loss").asDouble()),
                net + ": loss");
        int compared = 0;
        List<Network.Tensor32> after = ours.pytorchParameters();
        for (int i = 0; i < after.size(); i++)
            compared += after(torch.get("grads").get(i), torch.get("after").get(i), after.get(i), opt, net);
        ours.close();
        return compared;
    }
}
