package org.kernellab.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One thread's share of a batch on one {@link Plan}: the activations between ops with their gradients, each op's own
 * scratch, and a gradient vector of its own (the first lane's is the network's). Buffers are allocated once per batch
 * size and kept for the last few sizes (a batch, the last smaller one, the test batches): native memory the JVM cannot
 * see, freed by {@link #release}.
 */
final class Lane {
    final Plan plan;
    final Network net;
    /** This lane's parameter gradients: the whole vector and its per-parameter views. */
    final INDArray gradients;

    final List<INDArray> g;
    private final Map<Integer, Buffers> sizes = new LinkedHashMap<>(8, 0.75f, true);
    /** The buffers in use, for {@link #n} samples. */
    Buffers b;

    int n;
    /** The samples this lane reads: their values, which ones, from where, and where its share starts in the batch. */
    Samples samples;

    int[] index;
    int from, start;

    /** Every array a forward and backward pass over n samples needs. */
    final class Buffers {
        final INDArray[] act, grad;
        final Object[] state;
        final INDArray logits, gLogits, ones;

        Buffers(int n) {
            int count = plan.ops.size();
            act = new INDArray[count + 1];
            grad = new INDArray[count + 1];
            state = new Object[count];
            act[0] = plan.readsSamples ? null : Nd4j.create(DataType.FLOAT, plan.batchShape(0, n));
            grad[0] = plan.needsGradient(0) ? act[0].like() : null;
            for (int i = 0; i < count; i++) {
                Op op = plan.ops.get(i);
                act[i + 1] = op.output(act[i], plan, n);
                grad[i + 1] = op.gradient(grad[i], act[i + 1]);
            }
            logits = act[count].reshape(n, act[count].length() / n);
            gLogits = grad[count].reshape(n, logits.size(1));
            ones = Nd4j.ones(
                    DataType.FLOAT, 1, n); // bias gradients as a product: ND4J's column sum of a c-order matrix is slow
        }

        void close() {
            Set<INDArray> all = Collections.newSetFromMap(new IdentityHashMap<>());
            for (INDArray[] group : new INDArray[][] {act, grad, {ones}}) {
                for (INDArray a : group) if (a != null) all.add(a);
            }
            for (Object s : state) if (s instanceof AutoCloseable c) close(c);
            for (INDArray a : all) if (a.closeable()) a.close(); // views close with their base
        }

        private static void close(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Lane(Plan plan, Network net, INDArray gradients) {
        this.plan = plan;
        this.net = net;
        this.gradients = gradients;
        this.g = net.views(gradients);
    }

    /** Makes the buffers for {@code count} samples current. */
    void size(int count) {
        if (b != null && count == n) return;
        n = count;
        b = sizes.get(count);
        if (b == null) {
            b = new Buffers(count);
            sizes.put(count, b);
            if (sizes.size() > 4) {
                Map.Entry<Integer, Buffers> eldest = sizes.entrySet().iterator().next();
                eldest.getValue().close();
                sizes.remove(eldest.getKey());
            }
        }
    }

    INDArray in(Op op) {
        return b.act[op.at];
    }

    INDArray out(Op op) {
        return b.act[op.at + 1];
    }

    /** The gradient of the op's input, null where nothing before it learns (the first layers). */
    INDArray gIn(Op op) {
        return plan.needsGradient(op.at) ? b.grad[op.at] : null;
    }

    INDArray gOut(Op op) {
        return b.grad[op.at + 1];
    }

    /** The op's scratch in this lane's current buffers. */
    @SuppressWarnings("unchecked")
    <T> T state(Op op) {
        return (T) b.state[op.at];
    }

    void state(Op op, Object s) {
        b.state[op.at] = s;
    }

    /** Parameter view {@code k} of the network (shared by every lane). */
    INDArray p(int k) {
        return net.p.get(k);
    }

    void release() {
        sizes.values().forEach(Buffers::close);
        sizes.clear();
        b = null;
        n = 0;
    }
}
