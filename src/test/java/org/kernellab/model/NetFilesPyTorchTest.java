package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.TorchReference;
import org.kernellab.compute.PoolMode;
import org.kernellab.data.FashionMnist;
import org.kernellab.mesh.ModelNetData;

/**
 * Nets trained in the notebooks open here: real PyTorch writes each notebook class's state dict with
 * {@code torch.save} (with and without DistributedDataParallel's prefix) and as safetensors; each opens as the net it
 * is, and gives PyTorch's answers on real pictures and voxel grids (probabilities within 2e-5, as the other PyTorch
 * checks). A net no notebook class describes opens with its JSON form.
 */
class NetFilesPyTorchTest {
    private record Case(String kind, ObjectNode extra, Net expected, Samples data) {
        /** 3D nets are saved once, with the DDP prefix: the 2D ones check the keys both ways, at a tenth of the bytes. */
        boolean net3d() {
            return expected.dims() == 3;
        }
    }

    @Test
    void theNotebooksNetsOpenAsTheNetsTheyAreAndAnswerAsInPyTorch(@TempDir Path dir) throws Exception {
        Samples pictures =
                CourseNetsPyTorchTest.batch(Samples.of(FashionMnist.builtIn().test()), 16);
        Samples grids = CourseNetsPyTorchTest.batch(
                Samples.test(ModelNetData.builtIn(
                        new ModelNetData.Settings(4, 24, 2048, 1, false), (d, t) -> {}, () -> false)),
                8);
        ObjectNode variant = JsonNodeFactory.instance.objectNode();
        variant.put("filters", 16).put("blocks", 3).put("batch_norm", true).put("dropout", 0.3);
        List<Case> cases = List.of(
                new Case("mlp", null, CourseNets.mlp(0), pictures),
                new Case("cnn", null, CourseNets.cnn(), pictures),
                new Case("cnn", variant, bnVariant(), pictures),
                new Case("conv3d", null, CourseNets.conv3dNet(4), grids),
                new Case("modified3d", null, CourseNets.conv3d(CourseNets.modified3d(), 24, 4, 0.5), grids));
        int compared = 0, opened = 0;
        for (Case c : cases)
            for (boolean ddp : c.net3d() ? new boolean[] {true} : new boolean[] {false, true}) {
                ObjectNode q = TorchReference.request("save_notebook_net");
                if (c.extra() != null) q.setAll(c.extra());
                Path pt = dir.resolve(c.kind() + ddp + ".pt"), st = dir.resolve(c.kind() + ddp + ".safetensors");
                q.put("kind", c.kind()).put("ddp", ddp).put("seed", 3).put("classes", 4);
                q.put("pt", pt.toString()).put("safetensors", st.toString());
                q.set("x", LayersPyTorchTest.input(c.data()));
                double[] logits =
                        TorchReference.values(TorchReference.get().call(q).get("logits"));
                for (Path file : List.of(pt, st)) {
                    NetFiles.Opened o = NetFiles.open(file, null);
                    assertEquals(file.toString().endsWith(".pt") ? "pytorch" : "safetensors", o.format());
                    assertEquals(c.expected().resolved(), o.network().net().resolved(), c.kind() + " from " + file);
                    compared += same(o.network(), c.data(), logits, file.toString());
                    opened++;
                }
            }
        assertEquals(16, opened);
        assertEquals(2 * (2 * 3 * 16 * 10 + 2 * 8 * 4), compared);
    }

    /** A student's ConvNet: 16 filters, 3 blocks, BatchNorm after each convolution, dropout before the classifier. */
    private static Net bnVariant() {
        List<Layer> l = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            l.add(Layer.Conv.of(2, 16, 3, 1, 0));
            l.add(new Layer.BatchNorm(2, 16, Layer.BatchNorm.EPS, Layer.BatchNorm.MOMENTUM));
            l.add(new Layer.ReLU());
            l.add(Layer.Pool.of(2, PoolMode.MAX, 2));
        }
        l.addAll(List.of(
                new Layer.Flatten(),
                new Layer.Linear(0, 128, true),
                new Layer.ReLU(),
                new Layer.Dropout(0.5),
                new Layer.Linear(0, 10, true)));
        return Net.of(CourseNets.FASHION, l);
    }

    @Test
    void aNetNoNotebookDescribesOpensWithItsJsonForm(@TempDir Path dir) throws Exception {
        Net net = Net.fromJson("{\"input\": [1, 28, 28], \"layers\": ["
                + "{\"type\": \"Conv2d\", \"out_channels\": 8, \"kernel_size\": 5, \"stride\": 2, \"padding\": 2},"
                + "{\"type\": \"BatchNorm2d\"}, {\"type\": \"ReLU\"}, {\"type\": \"AvgPool2d\", \"kernel_size\": 2},"
                + "{\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 10}]}");
        Samples pictures =
                CourseNetsPyTorchTest.batch(Samples.of(FashionMnist.builtIn().test()), 16);
        ObjectNode q = TorchReference.request("save_notebook_net");
        Path pt = dir.resolve("mine.pt");
        q.put("kind", "sequential").put("seed", 5).put("pt", pt.toString());
        q.set("net", LayersPyTorchTest.readTree(net.toJson()));
        q.set("x", LayersPyTorchTest.input(pictures));
        double[] logits = TorchReference.values(TorchReference.get().call(q).get("logits"));
        NetFiles.Opened o = NetFiles.open(pt, net);
        assertEquals(160, same(o.network(), pictures, logits, "mine.pt"));
    }

    /** The opened net's probabilities against the softmax of PyTorch's logits; returns how many were compared. */
    static int same(Network net, Samples data, double[] logits, String what) {
        float[] probs = net.predict(data, Trainer.range(data.count()), 0, data.count());
        int c = net.classes(), compared = 0;
        for (int i = 0; i < data.count(); i++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int k = 0; k < c; k++) max = Math.max(max, logits[i * c + k]);
            for (int k = 0; k < c; k++) sum += Math.exp(logits[i * c + k] - max);
            for (int k = 0; k < c; k++) {
                assertEquals(Math.exp(logits[i * c + k] - max) / sum, probs[i * c + k], 2e-5, what + " sample " + i);
                compared++;
            }
        }
        net.close();
        return compared;
    }
}
