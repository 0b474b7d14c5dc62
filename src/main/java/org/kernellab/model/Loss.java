package org.kernellab.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/** Softmax cross-entropy on a lane's logits: PyTorch's nn.CrossEntropyLoss, the mean over the whole batch. */
final class Loss {
    private Loss() {}

    /**
     * The lane's summed loss and right answers, and the gradient of the batch's mean loss ({@code total} samples in it)
     * with respect to its logits, (softmax − one-hot) / total, in the lane's last gradient.
     */
    static double[] score(Lane lane, int total) {
        Lane.Buffers b = lane.b;
        int n = lane.n, c = (int) b.logits.size(1);
        float[] y = new float[n * c];
        for (int i = 0; i < n; i++) y[i * c + lane.samples.label(lane.index[lane.from + i])] = 1f;
        FloatBuffer out = b.onehot.data().asNioFloat();
        out.clear();
        out.put(y);
        softmax(lane);
        b.gLogits.assign(b.probs).subi(b.onehot).divi(total);
        // the loss from the logits (log-sum-exp), so that an exploding run shows unbounded instead of a capped log
        float[] z = b.logits.dup('c').data().asFloat();
        double loss = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            int label = lane.samples.label(lane.index[lane.from + i]), off = i * c, best = argMax(z, off, c);
            double sum = 0;
            for (int k = 0; k < c; k++) sum += Math.exp(z[off + k] - z[off + best]);
            loss += z[off + best] + Math.log(sum) - z[off + label];
            if (best == label) right++;
        }
        return new double[] {loss, right};
    }

    static void softmax(Lane lane) {
        Nd4j.exec(new SoftMax(lane.b.logits, lane.b.probs, 1));
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
