package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * nn.AdaptiveAvgPool2d/3d: output cell i of an axis averages input cells ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉ − 1, PyTorch's
 * windows. Written as loops: it is a summary layer of the famous nets, never on a lesson's training path.
 */
final class AdaptivePoolOp extends Op {
    private final int[] in, out;

    AdaptivePoolOp(int layer, int at, int[] in, int[] out) {
        super(layer, layer + 1, at);
        this.in = in.clone();
        this.out = out.clone();
    }

    @Override
    void forward(Lane lane, boolean training) {
        pass(lane, true);
    }

    @Override
    void backward(Lane lane) {
        if (lane.gIn(this) != null) pass(lane, false);
    }

    /** Forward: each output the mean of its window. Backward: each window cell gets its output's gradient over the count. */
    private void pass(Lane lane, boolean forward) {
        int axes = in.length - 1, c = in[axes];
        float[] x = (forward ? lane.in(this) : lane.gOut(this)).dup('c').data().asFloat();
        float[] y = new float
                [(int) (forward ? lane.out(this).length() : lane.gIn(this).length())];
        int inCells = cells(in), outCells = cells(out);
        for (int s = 0; s < lane.n; s++) {
            for (int o = 0; o < outCells / c; o++) {
                int[] lo = new int[axes], hi = new int[axes];
                int count = window(o, lo, hi);
                for (int[] at = lo.clone(); at != null; at = next(at, lo, hi)) {
                    int i = offset(at, in) * c;
                    for (int ch = 0; ch < c; ch++) {
                        if (forward) y[s * outCells + o * c + ch] += x[s * inCells + i + ch] / count;
                        else y[s * inCells + i + ch] += x[s * outCells + o * c + ch] / count;
                    }
                }
            }
        }
        INDArray target = forward ? lane.out(this) : lane.gIn(this);
        target.assign(Nd4j.create(y, target.shape(), 'c'));
    }

    private int window(int o, int[] lo, int[] hi) {
        int count = 1, rest = o;
        for (int a = in.length - 2; a >= 0; a--) {
            int i = rest % out[a];
            rest /= out[a];
            lo[a] = (int) ((long) i * in[a] / out[a]);
            hi[a] = (int) (((long) (i + 1) * in[a] + out[a] - 1) / out[a]);
            count *= hi[a] - lo[a];
        }
        return count;
    }

    private static int[] next(int[] at, int[] lo, int[] hi) {
        for (int a = at.length - 1; a >= 0; a--) {
            if (++at[a] < hi[a]) return at;
            at[a] = lo[a];
        }
        return null;
    }

    private static int offset(int[] at, int[] shape) {
        int o = 0;
        for (int a = 0; a < at.length; a++) o = o * shape[a] + at[a];
        return o;
    }

    private static int cells(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }
}
