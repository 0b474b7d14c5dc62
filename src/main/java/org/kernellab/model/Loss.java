package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Softmax cross-entropy on a lane's logits: PyTorch's nn.CrossEntropyLoss, the mean over the whole batch. */
final class Loss {
    private Loss() {}

    /**
     * The lane's summed loss and right answers, and the gradient of the batch's mean loss ({@code total} samples in it)
     * with respect to its logits, (softmax − one-hot) / total, in the lane's last gradient. Plain loops: for a batch's
     * few logits a call into ND4J costs more than the arithmetic.
     */
    static double[] score(Lane lane, int total) {
        Lane.Buffers b = lane.b;
        int n = lane.n, c = (int) b.logits.size(1);
        float[] z = floats(b.logits), g = softmax(z, n, c);
        // the loss from the logits (log-sum-exp), so that an exploding run shows unbounded instead of a capped log
        double loss = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            int label = lane.samples.label(lane.index[lane.from + i]), off = i * c, best = argMax(z, off, c);
            double sum = 0;
            for (int k = 0; k < c; k++) sum += Math.exp(z[off + k] - z[off + best]);
            loss += z[off + best] + Math.log(sum) - z[off + label];
            if (best == label) right++;
            g[off + label] -= 1;
        }
        for (int k = 0; k < g.length; k++) g[k] /= total;
        b.gLogits.data().asNioFloat().put((int) b.gLogits.offset(), g);
        return new double[] {loss, right};
    }

    /** The values of a c-ordered, contiguous array (a batch's logits). */
    static float[] floats(INDArray a) {
        float[] f = new float[(int) a.length()];
        a.data().asNioFloat().get((int) a.offset(), f);
        return f;
    }

    /** Softmax of {@code rows} rows of {@code classes} logits. */
    static float[] softmax(float[] logits, int rows, int classes) {
        float[] p = new float[logits.length];
        for (int r = 0; r < rows; r++) {
            int off = r * classes, best = argMax(logits, off, classes);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += Math.exp(logits[off + k] - logits[off + best]);
            for (int k = 0; k < classes; k++)
                p[off + k] = (float) (Math.exp(logits[off + k] - logits[off + best]) / sum);
        }
        return p;
    }

    /** The most probable of {@code classes} values starting at {@code off} (the first of equals). */
    static int argMax(float[] p, int off, int classes) {
        int best = 0;
        for (int k = 1; k < classes; k++) if (p[off + k] > p[off + best]) best = k;
        return best;
    }
}
