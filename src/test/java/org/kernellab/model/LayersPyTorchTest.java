package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;

/**
 * Every layer kind of the network description, 2D and 3D, held against PyTorch itself: the same net (PyTorch builds its
 * nn.Sequential from the same JSON form) from the same weights on the same batch gives the same logits, loss, gradient
 * of every parameter, weights after an SGD or Adam step, and BatchNorm's running statistics after it. The fast paths
 * (im2col, the voxel block, pooling before ReLU, cropped rows) are on, as in training.
 */
class LayersPyTorchTest {
    /**
     * float32 on both sides, different summation orders: relative to each tensor's largest value, and at least 1e-6 (a
     * convolution's bias before BatchNorm has a gradient of exactly 0, computed as float noise of up to ±2e-6 on either side).
     */
    static final double TOL = 2e-5, FLOOR = 5e-6;

    static final ObjectMapper JSON = new ObjectMapper();

    static final String[] NETS_2D = {
        // the course's CNN shape: im2col, pooling before ReLU, a cropped row
        "{'input':[1,14,14],'layers':[{'type':'Conv2d','out_channels':4,'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool2d','kernel_size':2},"
                + "{'type':'Conv2d','out_channels':5,'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool2d','kernel_size':2},{'type':'Flatten'},"
                + "{'type':'Linear','out_features':16},{'type':'ReLU'},{'type':'Linear','out_features':10}]}",
        // the example: a stride-2 5×5 convolution, BatchNorm, average pooling
        "{'input':[1,28,28],'layers':[{'type':'Conv2d','out_channels':6,'kernel_size':5,'stride':2,'padding':2},{'type':'BatchNorm2d'},"
                + "{'type':'ReLU'},{'type':'AvgPool2d','kernel_size':2},{'type':'Flatten'},{'type':'Linear','out_features':10}]}",
        // padding, dilation (in the first convolution and a later one, which oneDNN cannot start), no bias, ceil mode
        // for
        // both poolings, a rectangular kernel, an adaptive average, a final softmax
        "{'input':[3,11,9],'layers':[{'type':'Conv2d','out_channels':4,'kernel_size':[3,2],'padding':1,'dilation':2,'bias':false},"
                + "{'type':'ReLU'},{'type':'MaxPool2d','kernel_size':3,'stride':2,'padding':1,'ceil_mode':true},"
                + "{'type':'Conv2d','out_channels':3,'kernel_size':2,'dilation':2},{'type':'AvgPool2d','kernel_size':2,'ceil_mode':true},"
                + "{'type':'AdaptiveAvgPool2d','output_size':[2,1]},{'type':'Flatten'},{'type':'Linear','out_features':5,'bias':false},"
                + "{'type':'Softmax','dim':1}]}",
        // the MLP
        "{'input':[1,8,8],'layers':[{'type':'Flatten'},{'type':'Linear','out_features':12},{'type':'ReLU'},{'type':'Linear','out_features':4}]}",
    };

    static final String[] NETS_3D = {
        // the course's Conv3DNet shape: the voxel block on 0/1 grids, cropped rows
        "{'input':[1,12,12,12],'layers':[{'type':'Conv3d','out_channels':4,'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool3d','kernel_size':2},"
                + "{'type':'Conv3d','out_channels':6,'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool3d','kernel_size':2},{'type':'Flatten'},"
                + "{'type':'Linear','out_features':8},{'type':'ReLU'},{'type':'Linear','out_features':3}]}",
        // BatchNorm3d, padding and dilation, average pooling with padding, no pooling after the first block
        "{'input':[1,9,9,9],'layers':[{'type':'Conv3d','out_channels':3,'kernel_size':3,'padding':1},{'type':'ReLU'},"
                + "{'type':'Conv3d','out_channels':4,'kernel_size':3,'padding':2,'dilation':2},{'type':'BatchNorm3d'},{'type':'ReLU'},"
                + "{'type':'AvgPool3d','kernel_size':2,'padding':1},{'type':'Flatten'},{'type':'Linear','out_features':4}]}",
    };

    /** A batch of n samples of the net's input: pixels 0–255, or 0/1 grids for a 3D net when {@code binary}. */
    static Samples batch(Net net, int n, boolean binary, Random r) {
        int size = 1;
        for (int d : net.input()) size *= d;
        byte[] v = new byte[n * size], labels = new byte[n];
        int classes = net.table(1).get(net.layers().size() - 1).shape()[1];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (binary ? (r.nextDouble() < 0.2 ? 1 : 0) : r.nextInt(256));
        for (int i = 0; i < n; i++) labels[i] = (byte) r.nextInt(classes);
        return new Samples(v, labels, net.input(), binary ? 1f : 1 / 255f, binary);
    }

    static ArrayNode tensors(List<Network.Tensor32> list) {
        ArrayNode a = JSON.createArrayNode();
        for (Network.Tensor32 t : list) a.add(floats(t.shape(), t.values()));
        return a;
    }

    static ObjectNode floats(int[] shape, float[] values) {
        return TorchReference.tensor(shape, values);
    }

    /** PyTorch's layouts of the net's input batch: (N, C, …) floats, exactly the values the net reads. */
    static ObjectNode input(Samples s) {
        int n = s.count(), size = s.size();
        float[] all = new float[n * size];
        for (int i = 0; i < n; i++) System.arraycopy(s.floats(i), 0, all, i * size, size);
        int[] shape = new int[s.shape().length + 1];
        shape[0] = n;
        System.arraycopy(s.shape(), 0, shape, 1, s.shape().length);
        return floats(shape, all);
    }

    /** Every value within {@link #TOL} of the largest expected magnitude; returns how many were compared. */
    static int close(JsonNode expected, float[] got, String what) {
        double[] want = TorchReference.values(expected);
        double max = 1e-6;
        for (double v : want) max = Math.max(max, Math.abs(v));
        assertEquals(want.length, got.length, what + ": size");
        for (int i = 0; i < got.length; i++) {
            double e = want[i];
            int at = i;
            assertEquals(e, got[i], Math.max(FLOOR, TOL * max), () -> what + " [" + at + "] of " + got.length);
        }
        return got.length;
    }

    /** Biases away from zero, and BatchNorm's weights away from one, so that each enters the comparison. */
    static void nudge(Network ours, Random r) {
        List<float[]> moved = new ArrayList<>();
        for (Network.Tensor32 t : ours.pytorchParameters()) {
            float[] v = t.values().clone();
            for (int i = 0; i < v.length; i++) v[i] += (float) (0.1 * r.nextGaussian());
            moved.add(v);
        }
        List<float[]> stats = new ArrayList<>();
        for (Network.Tensor32 t : ours.pytorchBuffers()) {
            float[] v = new float[t.values().length];
            for (int i = 0; i < v.length; i++)
                v[i] = (float) (t.name().endsWith("mean") ? 0.1 * r.nextGaussian() : 1 + 0.2 * r.nextDouble());
            stats.add(v);
        }
        ours.loadPyTorch(moved, stats);
    }

    /** One step of {@code net} here and in PyTorch from the same weights; returns the values compared. */
    static int compare(String json, Training.Optimizer optimizer, boolean binary, long seed) {
        Net net = Net.fromJson(json.replace('\'', '"'));
        Network ours = Network.build(net, new Training(optimizer, 0.01, 8, 1, seed));
        Random r = new Random(seed);
        nudge(ours, r);
        Samples data = batch(net, 8, binary, r);
        ObjectNode q = TorchReference.request("net_step");
        q.set("net", readTree(net.toJson()));
        q.set("weights", tensors(ours.pytorchParameters()));
        q.set("stats", tensors(ours.pytorchBuffers()));
        q.set("x", input(data));
        ArrayNode y = q.putArray("y");
        for (byte b : data.labels()) y.add(b);
        q.put("lr", 0.01);
        q.put("optimizer", optimizer.id());
        JsonNode torch = TorchReference.get().call(q);

        double[] lossRight = ours.lossAndGradients(data, Trainer.range(8), 0, 8, new Random(1));
        assertEquals(
                torch.get("loss").asDouble(),
                lossRight[0],
                TOL * Math.max(1, torch.get("loss").asDouble()),
                json + ": loss");
        int compared = 1;
        List<Network.Tensor32> grads = ours.pytorch(ours.views(ours.grads()));
        for (int i = 0; i < grads.size(); i++) {
            compared += close(
                    torch.get("grads").get(i),
                    grads.get(i).values(),
                    json + ": gradient of " + grads.get(i).name());
        }
        List<Network.Tensor32> buffers = ours.pytorchBuffers();
        for (int i = 0; i < buffers.size(); i++) {
            compared += close(
                    torch.get("stats_after").get(i),
                    buffers.get(i).values(),
                    json + ": " + buffers.get(i).name() + " after a step");
        }
        ours.step(
                data,
                Trainer.range(8),
                0,
                8,
                new Random(1)); // the same gradients again (training mode uses the batch's statistics)
        List<Network.Tensor32> after = ours.pytorchParameters();
        for (int i = 0; i < after.size(); i++) {
            // Adam's first step is ±lr whatever the gradient's size: on a gradient that is 0 but for float noise (a
            // bias
            // before BatchNorm) the two sides' noise signs decide it, so such a parameter is compared only through its
            // gradient
            if (optimizer == Training.Optimizer.ADAM
                    && largest(torch.get("grads").get(i)) < FLOOR) continue;
            compared += close(
                    torch.get("after").get(i),
                    after.get(i).values(),
                    json + ": " + after.get(i).name() + " after a step");
        }
        ours.close();
        return compared;
    }

    static double largest(JsonNode t) {
        double max = 0;
        for (double v : TorchReference.values(t)) max = Math.max(max, Math.abs(v));
        return max;
    }

    static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyLayerKindIn2dAsPyTorch() {
        int compared = 0;
        for (int i = 0; i < NETS_2D.length; i++) {
            compared += compare(NETS_2D[i], Training.Optimizer.SGD, false, 10 + i);
            compared += compare(NETS_2D[i], Training.Optimizer.ADAM, false, 20 + i);
        }
        assertTrue(compared > 5000, "compared " + compared + " values");
    }

    @Test
    void everyLayerKindIn3dAsPyTorch() {
        int compared = 0;
        for (int i = 0; i < NETS_3D.length; i++) {
            compared += compare(NETS_3D[i], Training.Optimizer.SGD, true, 30 + i);
            compared += compare(NETS_3D[i], Training.Optimizer.ADAM, false, 40 + i);
        }
        assertTrue(compared > 5000, "compared " + compared + " values");
    }
}
