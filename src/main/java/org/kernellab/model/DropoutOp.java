package org.kernellab.model;

import java.nio.FloatBuffer;
import java.util.Random;
import org.kernellab.compute.Dropout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * nn.Dropout, in place: in training each value is multiplied by its mask (0 with probability p, else 1/(1 − p));
 * the masks of a whole batch are drawn before its lanes share it, so the draws do not depend on how many there are.
 */
final class DropoutOp extends InPlaceOp {
    private final double p;
    private float[] masks;
    private int perSample;

    DropoutOp(Layer.Dropout d, int layer, int at) {
        super(layer, at);
        this.p = d.p();
    }

    void draw(int n, int size, Random rnd) {
        perSample = size;
        masks = p > 0 ? Dropout.mask(n * size, p, rnd) : null;
    }

    @Override
    void forward(Lane lane, boolean training) {
        if (!training || masks == null) return;
        INDArray mask = lane.state(this);
        if (mask == null) {
            mask = lane.out(this).like();
            lane.state(this, mask);
        }
        FloatBuffer m = mask.data().asNioFloat(); // written in place: a new array per step would churn native memory
        m.clear();
        m.put(masks, lane.start * perSample, lane.n * perSample);
        lane.out(this).muli(mask);
    }

    @Override
    void backward(Lane lane) {
        if (masks != null)
            lane.gOut(this).muli((INDArray) lane.state(this)); // the mask's 1/(1−p) scales the gradient too
    }
}
