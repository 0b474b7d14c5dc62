package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link Network}'s numbers, each kind one flat vector with a view per tensor in the stored layouts: the parameters
 * (which the optimizer updates in one go), their gradients (the first lane's), and BatchNorm's running means and
 * variances. Knows where each layer's views start.
 */
final class Parameters implements AutoCloseable {
    /** The resolved layers the numbers belong to, the final Softmax included. */
    final List<Layer> layers;

    private final List<long[]> shapes = new ArrayList<>();
    /** Per layer of the net, the index of its first parameter view (−1 without), and of its running statistics. */
    private final int[] paramStart, statStart;

    final INDArray params, grads, stats;
    final List<INDArray> p, s;

    Parameters(List<Layer> layers) {
        this.layers = layers;
        paramStart = new int[layers.size()];
        statStart = new int[layers.size()];
        List<long[]> statShapes = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            List<long[]> own = Ops.parameterShapes(layers.get(i));
            paramStart[i] = own.isEmpty() ? -1 : shapes.size();
            shapes.addAll(own);
            statStart[i] = layers.get(i) instanceof Layer.BatchNorm ? statShapes.size() : -1;
            if (layers.get(i) instanceof Layer.BatchNorm b)
                statShapes.addAll(List.of(new long[] {b.features()}, new long[] {b.features()}));
        }
        params = Nd4j.create(DataType.FLOAT, 1, Math.max(1, count(shapes)));
        grads = params.like();
        p = views(params);
        stats = Nd4j.create(DataType.FLOAT, 1, Math.max(1, count(statShapes)));
        s = views(stats, statShapes);
        for (int i = 0; i < layers.size(); i++)
            if (statStart[i] >= 0) s.get(statStart[i] + 1).assign(1); // running variance starts at 1
    }

    /** Sets the parameters and running statistics, given in the stored order; there must be as many of each. */
    void assign(float[] values, float[] statistics) {
        if (values.length != count()
                || statistics.length != s.stream().mapToLong(INDArray::length).sum()) {
            throw new IllegalArgumentException(
                    values.length + " and " + statistics.length + " values for " + count() + " parameters");
        }
        if (values.length > 0) params.assign(Nd4j.create(values, new long[] {1, values.length}, 'c'));
        if (statistics.length > 0) stats.assign(Nd4j.create(statistics, new long[] {1, statistics.length}, 'c'));
    }

    /** How many parameters there are. */
    long count() {
        return shapes.isEmpty() ? 0 : params.length();
    }

    /** A parameter-shaped flat vector (the gradients, a lane's gradients) as one view per parameter. */
    List<INDArray> views(INDArray flat) {
        return views(flat, shapes);
    }

    private static List<INDArray> views(INDArray flat, List<long[]> shapes) {
        List<INDArray> v = new ArrayList<>();
        long off = 0;
        for (long[] sh : shapes) {
            long n = count(List.<long[]>of(sh));
            v.add(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + n))
                    .reshape('c', sh));
            off += n;
        }
        return v;
    }

    private static long count(List<long[]> shapes) {
        long total = 0;
        for (long[] sh : shapes) {
            long n = 1;
            for (long d : sh) n *= d;
            total += n;
        }
        return total;
    }

    int paramStart(int layer) {
        return paramStart[layer];
    }

    int statStart(int layer) {
        return statStart[layer];
    }

    /** A (rows, cols) view of the parameter vector from parameter view {@code first} on: adjacent parameters as one matrix. */
    INDArray joined(int first, long rows, long cols) {
        long off = 0;
        for (int i = 0; i < first; i++) off += p.get(i).length();
        return params.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + rows * cols))
                .reshape('c', rows, cols);
    }

    /** The parameters in the order the model file writes them (the stored layouts). */
    float[] values() {
        return shapes.isEmpty() ? new float[0] : params.dup('c').data().asFloat();
    }

    /** BatchNorm's running means and variances, in layer order. */
    float[] statistics() {
        return s.isEmpty() ? new float[0] : stats.dup('c').data().asFloat();
    }

    @Override
    public void close() {
        for (INDArray a : new INDArray[] {params, grads, stats}) if (a.closeable()) a.close();
    }
}
