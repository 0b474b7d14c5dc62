package org.kernellab.model;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * nn.Conv2d/3d on ND4J's conv2d and conv3dnew (channels last, weights stored as ND4J's (k…, in, out)), explicit
 * symmetric zero padding, any stride and dilation. Its backward pass gives the weights', the bias's and, unless nothing
 * before it learns, the input's gradients.
 */
final class ConvOp extends Op {
    final Layer.Conv c;
    private final int[] args;
    private final boolean dilated;

    ConvOp(Layer.Conv c, int layer, int at, int[] in, int[] out) {
        super(layer, layer + 1, at);
        this.c = c;
        this.args = args(c);
        this.dilated = Arrays.stream(c.dilation()).anyMatch(d -> d > 1);
    }

    /** kernel, stride, padding and dilation per axis, then explicit padding, channels last, weights (k…, in, out). */
    static int[] args(Layer.Conv c) {
        int d = c.dims();
        int[] a = new int[4 * d + 3];
        for (int i = 0; i < d; i++) {
            a[i] = c.kernel()[i];
            a[d + i] = c.stride()[i];
            a[2 * d + i] = c.padding()[i];
            a[3 * d + i] = c.dilation()[i];
        }
        a[4 * d] = 0;
        a[4 * d + 1] = 1;
        a[4 * d + 2] = 0;
        return a;
    }

    private String name() {
        return c.dims() == 2 ? "conv2d" : "conv3dnew";
    }

    private void exec(String name, INDArray[] in, INDArray[] out) {
        if (dilated) Ops.execWithoutHelpers(name, in, out, args);
        else Ops.exec(name, in, out, args);
    }

    @Override
    List<long[]> parameterShapes() {
        return Ops.parameterShapes(c);
    }

    @Override
    void initialise(List<INDArray> p, Random rnd) {
        long fanIn = c.in();
        for (int k : c.kernel()) fanIn *= k;
        he(p.get(0), rnd, fanIn);
    }

    @Override
    void forward(Lane lane, boolean training) {
        INDArray[] in = c.bias()
                ? new INDArray[] {lane.in(this), lane.p(param), lane.p(param + 1)}
                : new INDArray[] {lane.in(this), lane.p(param)};
        exec(name(), in, new INDArray[] {lane.out(this)});
    }

    @Override
    void backward(Lane lane) {
        INDArray gIn = lane.gIn(this);
        if (gIn == null) { // nothing before it learns; the op still writes an input gradient somewhere
            gIn = lane.state(this);
            if (gIn == null) {
                gIn = lane.in(this).like();
                lane.state(this, gIn);
            }
        }
        INDArray x = lane.in(this), w = lane.p(param), g = lane.gOut(this);
        if (c.bias()) {
            exec(name() + "_bp", new INDArray[] {x, w, lane.p(param + 1), g}, new INDArray[] {
                gIn, lane.g.get(param), lane.g.get(param + 1)
            });
        } else {
            exec(name() + "_bp", new INDArray[] {x, w, g}, new INDArray[] {gIn, lane.g.get(param)});
        }
    }
}
