package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;

/**
 * Each augmentation transform against torchvision 0.14's functional transforms, run now, on random grey and colour
 * pictures of several sizes: rotations, resized crops, the flip and each colour adjustment. Values are float32 in
 * torchvision: compared within 1e-5.
 */
class AugmentPyTorchTest {
    static Tensor picture(Random r, int c, int h, int w) {
        Tensor t = Tensor.zeros(c, h, w);
        for (int i = 0; i < t.size(); i++)
            t.data()[i] = (float) r.nextDouble(); // float32 values, as torchvision holds them
        return t;
    }

    @Test
    void everyTransformAsTorchvision() {
        Random r = new Random(77);
        int compared = 0;
        for (int trial = 0; trial < 24; trial++) {
            int c = trial % 3 == 0 ? 1 : 3, h = 4 + r.nextInt(9), w = 4 + r.nextInt(9);
            Tensor x = picture(r, c, h, w);
            List<Function<Tensor, Tensor>> ours = new ArrayList<>();
            ObjectNode q = TorchReference.request("augment");
            q.set("x", TorchReference.tensor(x));
            ArrayNode list = q.putArray("transforms");
            double degrees = r.nextDouble() * 40 - 20;
            list.addObject().put("name", "rotate").put("degrees", degrees);
            ours.add(t -> Augment.rotate(t, degrees));
            int top = r.nextInt(h / 2),
                    left = r.nextInt(w / 2),
                    bh = 1 + r.nextInt(h - top),
                    bw = 1 + r.nextInt(w - left),
                    oh = 2 + r.nextInt(10),
                    ow = 2 + r.nextInt(10);
            list.addObject()
                    .put("name", "resized_crop")
                    .put("top", top)
                    .put("left", left)
                    .put("height", bh)
                    .put("width", bw)
                    .put("out_height", oh)
                    .put("out_width", ow);
            ours.add(t -> Augment.resizedCrop(t, new Augment.Box(top, left, bh, bw), oh, ow));
            list.addObject().put("name", "hflip");
            ours.add(Augment::hflip);
            double[] f = {0.5 + r.nextDouble(), 0.5 + r.nextDouble(), 0.5 + r.nextDouble(), r.nextDouble() * 0.2 - 0.1};
            String[] names = {"brightness", "contrast", "saturation", "hue"};
            for (int k = 0; k < 4; k++) {
                list.addObject().put("name", names[k]).put("factor", f[k]);
                int which = k;
                ours.add(t -> Augment.apply(
                        t,
                        new Augment.Jitter(
                                which == 0 ? f[0] : 1,
                                which == 1 ? f[1] : 1,
                                which == 2 ? f[2] : 1,
                                which == 3 ? f[3] : 0,
                                new int[] {which})));
            }
            JsonNode answers = TorchReference.get().call(q).get("images");
            for (int k = 0; k < ours.size(); k++) {
                Tensor expected = TorchReference.tensor(answers.get(k)),
                        got = ours.get(k).apply(x);
                String what = list.get(k).toString() + " on " + Arrays.toString(x.shape());
                assertArrayEquals(expected.shape(), got.shape(), what);
                assertArrayEquals(expected.data(), got.data(), 1e-5, what);
                compared += got.size();
            }
        }
        assertTrue(compared > 10_000, "compared " + compared + " values");
    }

    /** nn.Dropout(p) in training keeps each value with probability 1 − p and scales it by 1/(1 − p): the same factor here. */
    @Test
    void dropoutScalesAsPyTorch() {
        int compared = 0;
        for (double p : new double[] {0.1, 0.25, 0.5, 0.7, 0.9}) {
            JsonNode torch = TorchReference.get()
                    .call(TorchReference.request("dropout").put("p", p).put("n", 20_000));
            float[] ours = Dropout.mask(20_000, p, new Random(3));
            double zeroed = 0;
            for (float m : ours) {
                if (m == 0) zeroed++;
                else
                    assertTrue(
                            m == (float) torch.get("kept_values").get(0).asDouble(),
                            "p = " + p + ": kept values × " + m);
            }
            assertTrue(torch.get("kept_values").size() == 1, "PyTorch keeps one factor");
            assertTrue(
                    Math.abs(zeroed / ours.length - torch.get("zeroed_share").asDouble()) < 0.02,
                    "p = " + p + ": shares zeroed");
            assertTrue(!torch.get("eval_changes").asBoolean(), "evaluation changes nothing in PyTorch either");
            compared++;
        }
        assertTrue(compared == 5);
    }
}
