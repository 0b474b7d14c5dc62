package org.kernellab.model;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One step of a compiled net: how a layer (or, for the fast first blocks, a few layers) is computed forward and
 * backward on a {@link Lane}'s buffers. Activations are channels-last (NHWC, NDHWC: oneDNN's fast layout) with the
 * batch first; flat ones (N, features). The op reads activation {@link #at} and writes {@code at + 1}.
 */
abstract class Op {
    /** The net's layers this op computes, from {@code first} (inclusive) to {@code last} (exclusive). */
    final int first, last;
    /** Index of the op's input activation in the plan. */
    final int at;
    /** Index of the op's first parameter among the network's parameter views, −1 without. */
    int param = -1;

    Op(int first, int last, int at) {
        this.first = first;
        this.last = last;
        this.at = at;
    }

    /** Its parameters' shapes as stored (ND4J's layouts), in the model file's and the state dict's order. */
    List<long[]> parameterShapes() {
        return List.of();
    }

    /** Fills its parameters with their starting values (He's initialisation for weights, zero biases). */
    void initialise(List<INDArray> p, Random rnd) {}

    /**
     * The output buffer for {@code n} samples: a new one, or for an op that writes over its input (ReLU, dropout) or
     * only views it otherwise (a flatten that keeps the order) the input itself. {@code input} is null for a first op
     * that reads the samples.
     */
    INDArray output(INDArray input, Plan plan, int n) {
        return Nd4j.create(DataType.FLOAT, plan.batchShape(at + 1, n));
    }

    /** The buffer of the output's gradient, likewise the input gradient's own for ops that share their input's. */
    INDArray gradient(INDArray inputGradient, INDArray output) {
        return output.like();
    }

    /** Called before each batch in every plan: what the op derives from the parameters once per batch. */
    void prepare(Network net) {}

    abstract void forward(Lane lane, boolean training);

    /** Gradients of its parameters into the lane's gradient views, and of its input unless it is the first op. */
    abstract void backward(Lane lane);

    /** Its parameters in PyTorch's layouts (names as a state dict's suffixes), from the stored ones; the default: the same. */
    void toPyTorch(List<INDArray> stored, List<float[]> out) {
        for (INDArray a : stored) out.add(a.dup('c').data().asFloat());
    }

    /** The inverse of {@link #toPyTorch}, into the stored views. */
    void fromPyTorch(List<float[]> given, List<INDArray> stored) {
        for (int i = 0; i < stored.size(); i++)
            stored.get(i).assign(Nd4j.create(given.get(i), stored.get(i).shape(), 'c'));
    }

    /** Normal values of variance 2 / fan-in (He's initialisation, right for ReLU), drawn in the array's order. */
    static void he(INDArray w, Random rnd, long fanIn) {
        float[] v = new float[(int) w.length()];
        double sd = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * sd);
        w.assign(Nd4j.create(v, w.shape(), 'c'));
    }
}
