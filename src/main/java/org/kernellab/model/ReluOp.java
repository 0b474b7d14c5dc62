package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** nn.ReLU, in place. */
final class ReluOp extends InPlaceOp {
    ReluOp(int layer, int at) {
        super(layer, at);
    }

    @Override
    void forward(Lane lane, boolean training) {
        Transforms.relu(lane.out(this), false);
    }

    @Override
    void backward(Lane lane) {
        reluBackward(lane.out(this), lane.gOut(this));
    }

    /** Gradient through a ReLU, in place: zero where its output is zero. */
    private static void reluBackward(INDArray out, INDArray grad) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp")
                .addInputs(out, grad)
                .addOutputs(grad)
                .addFloatingPointArguments(0.0)
                .build());
    }
}
