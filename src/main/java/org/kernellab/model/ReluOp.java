package org.kernellab.model;

import java.nio.FloatBuffer;
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

    /**
     * Gradient through a ReLU, in place: zero where its output is zero. A plain loop where both are contiguous: ND4J's
     * relu_bp runs a function call per element and costs more to call than a small batch's mask takes.
     */
    private static void reluBackward(INDArray out, INDArray grad) {
        if (!contiguous(out) || !contiguous(grad)) {
            Nd4j.exec(DynamicCustomOp.builder("relu_bp")
                    .addInputs(out, grad)
                    .addOutputs(grad)
                    .addFloatingPointArguments(0.0)
                    .build());
            return;
        }
        FloatBuffer y = out.data().asNioFloat(), g = grad.data().asNioFloat();
        int yo = (int) out.offset(), go = (int) grad.offset(), n = (int) out.length();
        for (int i = 0; i < n; i++) if (y.get(yo + i) <= 0) g.put(go + i, 0f);
    }

    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c'
                && a.elementWiseStride() == 1
                && a.length() == a.data().length() - a.offset();
    }
}
