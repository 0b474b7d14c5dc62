package org.kernellab.model;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * nn.BatchNorm2d/3d, as PyTorch computes it: in training each channel is normalised by the batch's mean and (biased)
 * variance, the running averages move by the momentum (the variance's unbiased), and the backward pass goes through
 * the statistics too; in evaluation the running averages normalise. Channels last: a channel is a column of the
 * activation seen as (values, C).
 */
final class NormOp extends Op {
    private final Layer.BatchNorm b;
    private final int channels;

    NormOp(Layer.BatchNorm b, int layer, int at, int[] in) {
        super(layer, layer + 1, at);
        this.b = b;
        this.channels = in[in.length - 1];
    }

    @Override
    List<long[]> parameterShapes() {
        return Ops.parameterShapes(b);
    }

    /** Weight 1, bias 0: PyTorch's starting BatchNorm is the identity on normalised values. */
    @Override
    void initialise(List<INDArray> p, Random rnd) {
        p.get(0).assign(1);
        p.get(1).assign(0);
    }

    /** The normalised values and 1/√(variance + eps) of the last forward pass, and whether it was in training. */
    private static final class State implements AutoCloseable {
        INDArray xhat, scratch, invStd;
        boolean training;

        @Override
        public void close() {
            xhat.close();
            scratch.close();
        }
    }

    private State state(Lane lane) {
        State s = lane.state(this);
        if (s == null) {
            s = new State();
            s.xhat = lane.in(this).dup('c').reshape(rows(lane), channels);
            s.scratch = s.xhat.like();
            lane.state(this, s);
        }
        return s;
    }

    private long rows(Lane lane) {
        return lane.in(this).length() / channels;
    }

    @Override
    void forward(Lane lane, boolean training) {
        State s = state(lane);
        INDArray x = lane.in(this).reshape(rows(lane), channels);
        int stat = lane.net.statStart(first);
        INDArray runMean = lane.net.s.get(stat).reshape(1, channels),
                runVar = lane.net.s.get(stat + 1).reshape(1, channels);
        INDArray mean, var;
        if (training) {
            long m = rows(lane);
            mean = x.mean(0).reshape(1, channels);
            var = x.var(false, 0).reshape(1, channels);
            runMean.muli(1 - b.momentum()).addi(mean.mul(b.momentum()));
            runVar.muli(1 - b.momentum()).addi(var.mul(b.momentum() * m / Math.max(1, m - 1)));
        } else {
            mean = runMean;
            var = runVar;
        }
        s.training = training;
        s.invStd = Transforms.pow(var.add(b.eps()), -0.5, false);
        s.xhat.assign(x).subiRowVector(mean).muliRowVector(s.invStd);
        INDArray y = lane.out(this).reshape(rows(lane), channels);
        y.assign(s.xhat)
                .muliRowVector(lane.p(param).reshape(1, channels))
                .addiRowVector(lane.p(param + 1).reshape(1, channels));
    }

    @Override
    void backward(Lane lane) {
        State s = state(lane);
        long m = rows(lane);
        INDArray g = lane.gOut(this).reshape(m, channels);
        INDArray dBeta = g.sum(0).reshape(1, channels);
        INDArray dGamma = s.scratch.assign(g).muli(s.xhat).sum(0).reshape(1, channels);
        lane.g.get(param).assign(dGamma);
        lane.g.get(param + 1).assign(dBeta);
        INDArray gIn = lane.gIn(this);
        if (gIn == null) return;
        INDArray scale = lane.p(param).reshape(1, channels).mul(s.invStd), gi = gIn.reshape(m, channels);
        if (!s.training) { // the statistics are constants: a scaling per channel
            gi.assign(g).muliRowVector(scale);
            return;
        }
        // dx = γ/σ · (g − mean(g) − x̂ · mean(g·x̂)), the means over the batch's values of the channel
        s.scratch.assign(s.xhat).muliRowVector(dGamma.div(m));
        gi.assign(g).subiRowVector(dBeta.div(m)).subi(s.scratch).muliRowVector(scale);
    }
}
