package org.kernellab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.Attacks;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Network;
import org.kernellab.model.Saliency;
import org.kernellab.model.Samples;

/**
 * {@code bench-explain}: the explanation lessons' compute on the shipped CNN, one test picture at a time as the views
 * ask for it: a gradient map, a Grad-CAM map, a full occlusion map (patch 4, stride 1: 625 occluded pictures), an FGSM
 * attack and a 10-step PGD attack, and the prediction a drawing stroke asks for. Prints one JSON line per method with
 * the percentiles in milliseconds; the first {@code warm} runs are left out (ND4J's first calls load and tune).
 */
final class ExplainBench {
    private ExplainBench() {}

    static void run(int repeat, PrintStream out) throws DataException, Exception {
        Network net = ModelFile.pretrained();
        Samples test = Samples.of(FashionMnist.builtIn().test());
        ObjectMapper json = new ObjectMapper();
        Map<String, Runnable> work = new LinkedHashMap<>();
        int[] image = {0};
        work.put("gradient", () -> Saliency.map(net, x(test, image), Saliency.Method.GRADIENT, -1, null));
        work.put("gradcam", () -> Saliency.map(net, x(test, image), Saliency.Method.GRADCAM, -1, null));
        work.put("occlusion", () -> Saliency.occlusion(net, x(test, image), -1, new Saliency.Patch(4, 1, 0.5f)));
        work.put("fgsm", () -> Attacks.attack(net, x(test, image), test.label(image[0]), Attacks.Settings.fgsm(0.1)));
        work.put(
                "pgd10",
                () -> Attacks.attack(net, x(test, image), test.label(image[0]), Attacks.Settings.pgd(0.1, 10)));
        work.put("prediction", () -> Saliency.probabilities(net, x(test, image), 1));
        for (Map.Entry<String, Runnable> e : work.entrySet()) {
            for (int i = 0; i < 5; i++) e.getValue().run();
            double[] ms = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                image[0] = i % test.count();
                long t0 = System.nanoTime();
                e.getValue().run();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "explain");
            m.put("method", e.getKey());
            m.putAll(Stats.summary("", ms));
            out.println(json.writeValueAsString(m));
        }
    }

    private static float[] x(Samples test, int[] image) {
        return test.floats(image[0]);
    }
}
