package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** nn.Flatten: (N, H, W, C) to (N, C·H·W) in PyTorch's channel-first order; a view where the orders agree. */
final class FlattenOp extends Op {
    private final int[] in;
    private final boolean view;

    FlattenOp(int layer, int at, int[] in) {
        super(layer, layer + 1, at);
        this.in = in.clone();
        long spatial = 1;
        for (int a = 0; a + 1 < in.length; a++) spatial *= in[a];
        view = in.length == 1 || in[in.length - 1] == 1 || spatial == 1;
    }

    @Override
    INDArray output(INDArray input, Plan plan, int n) {
        return view && input != null ? input.reshape(plan.batchShape(at + 1, n)) : super.output(input, plan, n);
    }

    @Override
    INDArray gradient(INDArray inputGradient, INDArray output) {
        return view && inputGradient != null ? inputGradient.reshape(output.shape()) : output.like();
    }

    /** (N, H, W, C) axes to (N, C, H, W). */
    private int[] toFirst() {
        int[] perm = new int[in.length + 1];
        perm[1] = in.length;
        for (int a = 0; a + 1 < in.length; a++) perm[a + 2] = a + 1;
        return perm;
    }

    private long[] firstShape(int n) {
        long[] s = new long[in.length + 1];
        s[0] = n;
        s[1] = in[in.length - 1];
        for (int a = 0; a + 1 < in.length; a++) s[a + 2] = in[a];
        return s;
    }

    @Override
    void forward(Lane lane, boolean training) {
        if (!view)
            lane.out(this).reshape(firstShape(lane.n)).assign(lane.in(this).permute(toFirst()));
    }

    @Override
    void backward(Lane lane) {
        if (!view && lane.gIn(this) != null)
            lane.gIn(this).permute(toFirst()).assign(lane.gOut(this).reshape(firstShape(lane.n)));
    }
}
