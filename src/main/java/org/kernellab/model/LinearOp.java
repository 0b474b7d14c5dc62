package org.kernellab.model;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** nn.Linear: y = x·Wᵀ + b, W stored as PyTorch's (out, in). */
final class LinearOp extends Op {
    private final Layer.Linear l;
    private final int[] flattenedFrom;

    LinearOp(Layer.Linear l, int layer, int at, int[] flattenedFrom) {
        super(layer, layer + 1, at);
        this.l = l;
        this.flattenedFrom = flattenedFrom;
    }

    @Override
    List<long[]> parameterShapes() {
        return Ops.parameterShapes(l);
    }

    /**
     * He's values drawn in the (in, out) order, rows in the channels-last order of a flattened input, as this app's
     * earlier versions drew them: a seed gives the same starting net (and the lessons' measured runs) as before.
     */
    @Override
    void initialise(List<INDArray> p, Random rnd) {
        INDArray drawn = Nd4j.create(DataType.FLOAT, l.in(), l.out());
        he(drawn, rnd, l.in());
        p.get(0).assign(Layouts.channelsFirstRows(drawn, flattenedFrom).transpose());
    }

    @Override
    void forward(Lane lane, boolean training) {
        INDArray y = lane.out(this);
        Nd4j.gemm(lane.in(this), lane.p(param), y, false, true, 1.0, 0.0);
        if (l.bias()) y.addiRowVector(lane.p(param + 1));
    }

    @Override
    void backward(Lane lane) {
        INDArray g = lane.gOut(this);
        Nd4j.gemm(g, lane.in(this), lane.g.get(param), true, false, 1.0, 0.0);
        if (l.bias()) Nd4j.gemm(lane.b.ones, g, lane.g.get(param + 1).reshape(1, l.out()), false, false, 1.0, 0.0);
        if (lane.gIn(this) != null) Nd4j.gemm(g, lane.p(param), lane.gIn(this), false, false, 1.0, 0.0);
    }
}
