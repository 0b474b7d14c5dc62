package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An op that writes over its input's buffer (ReLU, dropout): its output and its output's gradient are its input's. */
abstract class InPlaceOp extends Op {
    InPlaceOp(int layer, int at) {
        super(layer, layer + 1, at);
    }

    @Override
    INDArray output(INDArray input, Plan plan, int n) {
        return input;
    }

    @Override
    INDArray gradient(INDArray inputGradient, INDArray output) {
        return inputGradient != null ? inputGradient : output.like();
    }
}
