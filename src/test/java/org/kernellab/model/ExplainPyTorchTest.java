package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;
import org.kernellab.data.FashionMnist;
import org.kernellab.mesh.ModelNetData;

/**
 * Saliency and FGSM here and by PyTorch's autograd, from the same weights on the same test samples: the input's
 * gradient of a logit, Grad-CAM's activation, its gradient, the map and the map resized by F.interpolate (2D bilinear,
 * 3D trilinear), and FGSM's picture. Nets: the shipped course CNN, a net with BatchNorm, average pooling and dropout
 * (evaluation mode), the MLP, and a 3D net on voxelised objects.
 */
class ExplainPyTorchTest {
    private static final String BN_NET =
            "{'input':[1,28,28],'layers':[{'type':'Conv2d','out_channels':6,'kernel_size':3,"
                    + "'padding':1},{'type':'BatchNorm2d'},{'type':'ReLU'},{'type':'AvgPool2d','kernel_size':2},"
                    + "{'type':'Conv2d','out_channels':8,'kernel_size':3,'stride':2},{'type':'ReLU'},{'type':'Dropout','p':0.3},"
                    + "{'type':'Flatten'},{'type':'Linear','out_features':10}]}";
    private static final String NET_3D = "{'input':[1,16,16,16],'layers':[{'type':'Conv3d','out_channels':4,"
            + "'kernel_size':3},{'type':'ReLU'},{'type':'MaxPool3d','kernel_size':2},{'type':'Conv3d','out_channels':6,"
            + "'kernel_size':3},{'type':'ReLU'},{'type':'Flatten'},{'type':'Linear','out_features':4}]}";

    @Test
    void mapsAndFgsmAreAutogradsOnEveryKindOfNet() throws Exception {
        Samples pictures = Samples.of(FashionMnist.builtIn().test());
        Samples grids = Samples.test(
                ModelNetData.builtIn(new ModelNetData.Settings(4, 16, 2048, 1, false), (d, t) -> {}, () -> false));
        Network bn = Network.build(Net.fromJson(BN_NET.replace('\'', '"')), Training.adam(1e-3, 8, 1));
        LayersPyTorchTest.nudge(bn, new Random(3));
        List<Network> nets = List.of(
                ModelFile.pretrained(),
                bn,
                Network.build(CourseNets.mlp(0), Training.adam(1e-3, 8, 1)),
                Network.build(Net.fromJson(NET_3D.replace('\'', '"')), Training.adam(1e-3, 8, 1)));
        int compared = 0;
        for (Network net : nets) {
            Samples data = net.net().dims() == 3 ? grids : pictures;
            for (int image : new int[] {0, 7, 19}) {
                compared += compare(net, data, image, image % net.classes());
                compared += compare(net, data, image, -1);
            }
        }
        assertTrue(compared > 100_000, "compared " + compared + " values");
    }

    private static int compare(Network net, Samples data, int image, int cls) {
        float[] x = data.floats(image);
        int c = cls >= 0 ? cls : Saliency.predicted(net, x), layer = Saliency.gradCamLayer(net);
        ObjectNode q = TorchReference.request("explain");
        q.set("net", LayersPyTorchTest.readTree(net.net().toJson()));
        q.set("weights", LayersPyTorchTest.tensors(net.pytorchParameters()));
        q.set("stats", LayersPyTorchTest.tensors(net.pytorchBuffers()));
        q.set(
                "x",
                LayersPyTorchTest.input(data.with(
                        Arrays.copyOfRange(data.values(), image * data.size(), (image + 1) * data.size()),
                        new byte[] {data.labels()[image]})));
        q.put("c", c);
        q.put("y", data.label(image));
        q.put("eps", 0.1);
        if (layer > 0) q.put("layer", layer - 1);
        JsonNode t = TorchReference.get().call(q);
        String what = net.net() + " image " + image + " class " + c;
        Probe.Pass p = Probe.run(net, x, 1, Probe.activations(net) - 1, Probe.logit(c), Math.max(0, layer));
        int n = LayersPyTorchTest.close(t.get("logits"), p.logits(), what + " logits");
        n += LayersPyTorchTest.close(t.get("grad"), p.inputGradient(), what + " input gradient");
        if (layer > 0) {
            n += LayersPyTorchTest.close(t.get("activation"), p.activation(), what + " activation");
            n += LayersPyTorchTest.close(t.get("agrad"), p.gradient(), what + " its gradient");
            Saliency.Map m = Saliency.gradCam(net, x, c, layer);
            n += LayersPyTorchTest.close(t.get("cam"), m.values(), what + " Grad-CAM");
            n += LayersPyTorchTest.close(t.get("upsampled"), m.upsampled(), what + " Grad-CAM resized");
        }
        n += fgsm(net, x, data.label(image), t, what);
        return n;
    }

    /** FGSM's picture, where the loss's gradient is clearly not zero (its sign at rounding noise is either). */
    private static int fgsm(Network net, float[] x, int label, JsonNode t, String what) {
        double[] g = TorchReference.values(t.get("loss_grad")), want = TorchReference.values(t.get("fgsm"));
        float[] got = Attacks.attack(net, x, label, Attacks.Settings.fgsm(0.1)).image();
        double max = 0;
        for (double v : g) max = Math.max(max, Math.abs(v));
        int n = 0;
        for (int k = 0; k < g.length; k++) {
            if (Math.abs(g[k]) < 1e-4 * max) continue;
            assertEquals(want[k], got[k], 1e-6, what + " FGSM [" + k + "]");
            n++;
        }
        assertTrue(n > g.length / 4, what + ": FGSM compared on " + n + " of " + g.length);
        return n;
    }
}
