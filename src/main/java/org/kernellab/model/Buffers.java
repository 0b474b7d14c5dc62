package org.kernellab.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every array a forward and backward pass over n images needs, allocated once. */
final class Buffers {
    final int n;
    final INDArray input, onehot, mask;
    final INDArray[] conv, pool, gConv, gPool;
    /** Each block's dropout mask (0 or 1/(1−p) per pooled value), null without dropout after the conv blocks. */
    final INDArray[] convMask;
    final INDArray[] act, gAct; // act[0] is the flattened input of the dense part, then each hidden layer
    final INDArray logits, probs, gLogits;
    final INDArray w1, gW1, ones;

    /**
     * @param convSide and {@code poolSide}: each conv block's output side before and after pooling
     * @param fcW      the dense layers' weights (their sizes give the activations' widths)
     * @param params   the network's flat parameter vector (the first block's weights and bias are viewed as one matrix)
     */
    Buffers(int n, int[] convSide, int[] poolSide, int f, List<INDArray> fcW, INDArray params, boolean convDropout) {
        this.n = n;
        int blocks = convSide.length;
        conv = new INDArray[blocks];
        pool = new INDArray[blocks];
        gConv = new INDArray[blocks];
        gPool = new INDArray[blocks];
        convMask = convDropout ? new INDArray[blocks] : null;
        for (int b = 0; b < blocks; b++) {
            conv[b] = Nd4j.create(DataType.FLOAT, n, convSide[b], convSide[b], f);
            gConv[b] = conv[b].like();
            pool[b] = Nd4j.create(DataType.FLOAT, n, poolSide[b], poolSide[b], f);
            gPool[b] = pool[b].like();
            if (convDropout) convMask[b] = pool[b].like();
        }
        // The first convolution's input is the im2col matrix (n·26·26, 10), its last column ones so that one GEMM
        // with the first block's weights and bias (adjacent in the parameter vector, (10, F)) adds the bias too.
        // The MLP's input is the pixels (n, 784).
        input = blocks > 0 ? Nd4j.create(DataType.FLOAT, (long) n * convSide[0] * convSide[0], 10) : Nd4j.create(DataType.FLOAT, n, Network.PIXELS);
        w1 = blocks > 0 ? params.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 10 * f)).reshape('c', 10, f) : null;
        gW1 = blocks > 0 ? Nd4j.create(DataType.FLOAT, 10, f) : null;
        ones = Nd4j.ones(DataType.FLOAT, 1, n); // bias gradients as a product: ND4J's column sum of a c-order matrix is slow
        act = new INDArray[fcW.size()];
        gAct = new INDArray[fcW.size()];
        act[0] = blocks > 0 ? pool[blocks - 1].reshape(n, fcW.get(0).size(0)) : input;
        gAct[0] = blocks > 0 ? gPool[blocks - 1].reshape(n, fcW.get(0).size(0)) : null;
        for (int i = 1; i < act.length; i++) {
            act[i] = Nd4j.create(DataType.FLOAT, n, fcW.get(i).size(0));
            gAct[i] = act[i].like();
        }
        logits = Nd4j.create(DataType.FLOAT, n, Network.CLASSES);
        probs = logits.like();
        gLogits = logits.like();
        onehot = logits.like();
        mask = Nd4j.create(DataType.FLOAT, n, Network.HIDDEN);
    }

    void close() {
        Set<INDArray> all = Collections.newSetFromMap(new IdentityHashMap<>()); // the MLP's input is also act[0]
        for (INDArray a : new INDArray[] {input, onehot, mask, logits, probs, gLogits, gW1, ones}) if (a != null) all.add(a);
        for (INDArray[] group : new INDArray[][] {conv, pool, gConv, gPool, act, gAct, convMask}) {
            if (group != null) for (INDArray a : group) if (a != null) all.add(a);
        }
        for (INDArray a : all) if (a.closeable()) a.close(); // views (the flattened features, w1) close with their base
    }
}
