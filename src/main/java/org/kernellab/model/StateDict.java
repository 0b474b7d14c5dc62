package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.kernellab.model.Network.Tensor32;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's {@link Parameters} as PyTorch's state dict holds them: named as an {@code nn.Sequential} of the net's
 * layers names them ({@code 0.weight}, {@code 1.running_mean}), convolution weights as (out, in, k…).
 */
final class StateDict {
    private StateDict() {}

    /** Stored views (the parameters, or a lane's gradients) in PyTorch's layouts and names. */
    static List<Tensor32> parameters(Parameters values, List<INDArray> views) {
        return parameters(values, views, name -> true);
    }

    /** Those of the named ones {@code wanted} takes, each converted only if taken. */
    static List<Tensor32> parameters(Parameters values, List<INDArray> views, Predicate<String> wanted) {
        List<Tensor32> out = new ArrayList<>();
        List<Layer> layers = values.layers;
        for (int i = 0; i < layers.size(); i++) {
            if (values.paramStart(i) < 0) continue;
            int n = Ops.parameterShapes(layers.get(i)).size();
            for (int k = 0; k < n; k++) {
                String name = i + (k == 0 ? ".weight" : ".bias");
                if (!wanted.test(name)) continue;
                INDArray v = views.get(values.paramStart(i) + k);
                if (k == 0 && layers.get(i) instanceof Layer.Conv) v = Layouts.convToPyTorch(v);
                out.add(new Tensor32(
                        name,
                        Arrays.stream(v.shape()).mapToInt(d -> (int) d).toArray(),
                        v.dup('c').data().asFloat()));
            }
        }
        return out;
    }

    /** BatchNorm's running means and variances. */
    static List<Tensor32> buffers(Parameters values) {
        List<Tensor32> out = new ArrayList<>();
        for (int i = 0; i < values.layers.size(); i++) {
            if (values.statStart(i) < 0) continue;
            for (int k = 0; k < 2; k++) {
                INDArray v = values.s.get(values.statStart(i) + k);
                out.add(new Tensor32(
                        i + (k == 0 ? ".running_mean" : ".running_var"),
                        new int[] {(int) v.length()},
                        v.dup('c').data().asFloat()));
            }
        }
        return out;
    }

    /** Sets the parameters from PyTorch's layouts, in {@link #parameters}'s order; the shapes must match. */
    static void load(Parameters values, List<float[]> parameters, List<float[]> buffers) {
        List<Layer> layers = values.layers;
        int at = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (values.paramStart(i) < 0) continue;
            int n = Ops.parameterShapes(layers.get(i)).size();
            for (int k = 0; k < n; k++) {
                INDArray v = values.p.get(values.paramStart(i) + k);
                float[] given = parameters.get(at++);
                if (given.length != v.length())
                    throw new IllegalArgumentException(
                            "layer " + i + ": " + given.length + " values for " + v.length());
                if (k == 0 && layers.get(i) instanceof Layer.Conv) {
                    long[] torch = Layouts.convToPyTorch(v).shape();
                    v.assign(Layouts.convFromPyTorch(Nd4j.create(given, torch, 'c')));
                } else {
                    v.assign(Nd4j.create(given, v.shape(), 'c'));
                }
            }
        }
        for (int i = 0; i < buffers.size(); i++)
            values.s.get(i).assign(Nd4j.create(buffers.get(i), values.s.get(i).shape(), 'c'));
    }
}
