package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which inputs made a net give a class: the gradient, gradient × input, Grad-CAM and occlusion maps of one sample,
 * computed by a {@link Probe} pass (occlusion by forward passes alone). Inputs are one sample's values channels first
 * (C, H, W) or (C, D, H, W), as {@link Samples#floats} gives them.
 */
public final class Saliency {
    /** The methods, named as on the command line. */
    public enum Method {
        GRADIENT,
        INPUT_GRADIENT,
        GRADCAM,
        OCCLUSION;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Method parse(String s) {
            for (Method m : values()) if (m.cliName().equals(s)) return m;
            return null;
        }
    }

    /**
     * A map for class {@code cls}: its values over {@code shape} (the input's spatial shape, or Grad-CAM's layer's),
     * {@code upsampled} to the input's (Grad-CAM only, else null), and the net's probabilities for the sample.
     */
    public record Map(int cls, float[] probabilities, int[] shape, float[] values, float[] upsampled) {
        public int prediction() {
            return Loss.argMax(probabilities, 0, probabilities.length);
        }

        /** The map at the input's resolution: the upsampled one where there is one. */
        public float[] full() {
            return upsampled != null ? upsampled : values;
        }
    }

    /** Occlusion's patch: its side, its step, and the value it paints (0 black, 0.5 grey). */
    public record Patch(int size, int stride, float fill) {
        public static final Patch DEFAULT = new Patch(4, 1, 0.5f);
    }

    private Saliency() {}

    /** The predicted class of one sample. */
    public static int predicted(Network net, float[] x) {
        return Loss.argMax(probabilities(net, x, 1), 0, net.classes());
    }

    /**
     * The map of {@code method} for class {@code cls} (−1: the predicted one). Grad-CAM reads the last convolution's
     * ReLU output ({@link #gradCamLayer}); {@code patch} is occlusion's.
     */
    public static Map map(Network net, float[] x, Method method, int cls, Patch patch) {
        return switch (method) {
            case GRADIENT, INPUT_GRADIENT -> gradient(net, x, cls, method == Method.INPUT_GRADIENT);
            case GRADCAM -> gradCam(net, x, cls, gradCamLayer(net));
            case OCCLUSION -> occlusion(net, x, cls, patch);
        };
    }

    /** The same method's map for every class, one pass for all where the method allows: the first sanity check. */
    public static List<Map> allClasses(Network net, float[] x, Method method, Patch patch) {
        List<Map> out = new ArrayList<>();
        for (int c = 0; c < net.classes(); c++) out.add(map(net, x, method, c, patch));
        return out;
    }

    /**
     * |∂ logit_c / ∂ x|, the largest over the channels, per input cell; with {@code timesInput} the signed sum over
     * the channels of x · ∂ logit_c / ∂ x instead.
     */
    public static Map gradient(Network net, float[] x, int cls, boolean timesInput) {
        int c = chosen(net, x, cls);
        Probe.Pass p = Probe.run(net, x, 1, Probe.activations(net) - 1, Probe.logit(c), 0);
        int[] in = Probe.shape(net, 0);
        int channels = in[0], cells = x.length / channels;
        float[] m = new float[cells];
        for (int k = 0; k < cells; k++) {
            float v = 0;
            for (int ch = 0; ch < channels; ch++) {
                float g = p.inputGradient()[ch * cells + k];
                v = timesInput ? v + g * x[ch * cells + k] : Math.max(v, Math.abs(g));
            }
            m[k] = v;
        }
        return new Map(c, softmax(p.logits()), spatial(in), m, null);
    }

    /**
     * Grad-CAM at activation {@code a}: ReLU(Σ_k α_k A^k), α_k the mean over the cells of ∂ logit_c / ∂ A^k, at the
     * activation's size and upsampled (bi- or trilinear, as F.interpolate without aligned corners) to the input's.
     */
    public static Map gradCam(Network net, float[] x, int cls, int a) {
        int c = chosen(net, x, cls);
        Probe.Pass p = Probe.run(net, x, 1, Probe.activations(net) - 1, Probe.logit(c), a);
        int[] shape = p.shape();
        if (shape.length < 3) throw new IllegalArgumentException("Grad-CAM needs a spatial layer, not " + a);
        int channels = shape[0], cells = p.activation().length / channels;
        float[] cam = new float[cells];
        for (int k = 0; k < channels; k++) {
            double alpha = 0;
            for (int i = 0; i < cells; i++) alpha += p.gradient()[k * cells + i];
            alpha /= cells;
            for (int i = 0; i < cells; i++) cam[i] += (float) (alpha * p.activation()[k * cells + i]);
        }
        for (int i = 0; i < cells; i++) cam[i] = Math.max(0, cam[i]);
        int[] own = spatial(shape), to = spatial(Probe.shape(net, 0));
        return new Map(c, softmax(p.logits()), own, cam, Resize.linear(cam, own, to));
    }

    /**
     * Where Grad-CAM looks by default: the output of the ReLU after the last convolution (BatchNorm between them
     * allowed), or the last convolution's own output without one; −1 for a net without convolutions.
     */
    public static int gradCamLayer(Network net) {
        List<Layer> l = Probe.layers(net);
        for (int i = l.size() - 1; i >= 0; i--) {
            if (!(l.get(i) instanceof Layer.Conv)) continue;
            int j = i + 1;
            while (j < l.size() && l.get(j) instanceof Layer.BatchNorm) j++;
            return j < l.size() && l.get(j) instanceof Layer.ReLU ? j + 1 : i + 1;
        }
        return -1;
    }

    /**
     * Occlusion of a 2D picture: a square patch painted over every channel at each place on the stride's grid; each
     * cell's value is the mean drop of the class's probability over the places whose patch covers it (0 where none
     * does). All the occluded pictures go through the net as one batch.
     */
    public static Map occlusion(Network net, float[] x, int cls, Patch patch) {
        int[] in = Probe.shape(net, 0);
        if (in.length != 3) throw new IllegalArgumentException("occlusion takes 2D pictures");
        int ch = in[0], h = in[1], w = in[2], size = x.length, s = patch.size(), st = patch.stride();
        if (s < 1 || st < 1 || s > Math.min(h, w))
            throw new IllegalArgumentException("patch " + s + " and stride " + st + " on " + h + "×" + w);
        float[] before = probabilities(net, x, 1);
        int c = cls >= 0 ? cls : Loss.argMax(before, 0, before.length);
        int rows = (h - s) / st + 1, cols = (w - s) / st + 1, n = rows * cols;
        float[] batch = new float[n * size];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, batch, i * size, size);
            int y0 = i / cols * st, x0 = i % cols * st;
            for (int k = 0; k < ch; k++)
                for (int y = y0; y < y0 + s; y++)
                    Arrays.fill(
                            batch,
                            i * size + k * h * w + y * w + x0,
                            i * size + k * h * w + y * w + x0 + s,
                            patch.fill());
        }
        float[] after = probabilities(net, batch, n);
        float[] sum = new float[h * w];
        int[] count = new int[h * w];
        int classes = net.classes();
        for (int i = 0; i < n; i++) {
            float drop = before[c] - after[i * classes + c];
            int y0 = i / cols * st, x0 = i % cols * st;
            for (int y = y0; y < y0 + s; y++)
                for (int xx = x0; xx < x0 + s; xx++) {
                    sum[y * w + xx] += drop;
                    count[y * w + xx]++;
                }
        }
        for (int k = 0; k < sum.length; k++) if (count[k] > 0) sum[k] /= count[k];
        return new Map(c, before, new int[] {h, w}, sum, null);
    }

    /** Class probabilities of n samples in evaluation mode. */
    public static float[] probabilities(Network net, float[] x, int n) {
        return Loss.softmax(Probe.logits(net, x, n), n, net.classes());
    }

    private static int chosen(Network net, float[] x, int cls) {
        if (cls >= net.classes()) throw new IllegalArgumentException("class " + cls + " of " + net.classes());
        return cls >= 0 ? cls : predicted(net, x);
    }

    private static float[] softmax(float[] logits) {
        return Loss.softmax(logits, 1, logits.length);
    }

    private static int[] spatial(int[] channelsFirst) {
        return Arrays.copyOfRange(channelsFirst, 1, channelsFirst.length);
    }
}
