package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The first 3D block computed from occupied cells against ND4J's own conv3d, maxpool3d and ReLU, forward and backward, for
 * kernels that take one table per plane (3), several (4, 5) or one per row (7), with strides, padding and cropping.
 */
class VoxelBlockTest {
    private static final int N = 3;

    @ParameterizedTest(name = "grid {0}, {1} filters of {2}³, stride {3}, padding {4}, pooled {5}, {6} cells kept")
    @CsvSource({
        "10, 4, 3, 1, 0, true, 4", // the course's first block, smaller: 10 → 8 → 4
        "11, 4, 3, 1, 0, true, 3", // an odd side, and one pooled row fewer than the block gives (a later block's crop)
        "12, 3, 5, 1, 0, true, 4", // two tables per plane (rows of 5 bits, two rows per table)
        "9, 3, 3, 2, 1, false, 5", // stride and padding, no pooling
        "10, 2, 4, 1, 2, true, 5", // padding wider than a row's first bits, two tables per plane
        "12, 2, 7, 1, 0, true, 3", // one table per kernel row
        "8, 5, 1, 1, 0, true, 4", // a 1×1×1 kernel
        "64, 2, 3, 1, 1, true, 32" // the widest grid: rows are whole 64-bit masks
    })
    void matchesNd4j(int grid, int filters, int k, int stride, int pad, boolean pool, int side) {
        Random rnd = new Random(grid * 31 + k);
        byte[] voxels = new byte[N * grid * grid * grid];
        for (int i = 0; i < voxels.length; i++) voxels[i] = (byte) (rnd.nextDouble() < 0.15 ? 1 : 0);
        voxels[0] = 1; // a corner, where windows run off the grid
        float[] weights = new float[(k * k * k + 1) * filters];
        for (int i = 0; i < weights.length; i++) weights[i] = (float) rnd.nextGaussian();
        Nd4jBlock nd = new Nd4jBlock(voxels, weights, grid, filters, k, stride, pad, pool, side);

        VoxelBlock vb = new VoxelBlock(grid, filters, k, stride, pad, pool, side);
        VoxelBlock.Batch batch = vb.new Batch(N);
        vb.prepare(weights);
        FloatBuffer out = floats(N * vb.outputSize());
        vb.forward(batch, N, voxels, new int[] {0, 1, 2}, 0, out);
        float[] got = new float[N * vb.outputSize()];
        out.get(0, got);
        float[] want = nd.kept.data().asFloat();
        for (int i = 0; i < want.length; i++)
            assertEquals(want[i], got[i], 1e-4f * (1 + Math.abs(want[i])), "output " + i);

        // backward: an upstream gradient on the kept cells, through ReLU, the pooling and the convolution
        float[] upstream = new float[want.length];
        for (int i = 0; i < upstream.length; i++) upstream[i] = (float) rnd.nextGaussian();
        INDArray[] wb = nd.backward(upstream);
        FloatBuffer grads = floats(weights.length);
        vb.backward(batch, FloatBuffer.wrap(upstream), grads);
        float[] g = new float[weights.length];
        grads.get(0, g);
        float[] wantW = wb[0].data().asFloat(), wantB = wb[1].data().asFloat();
        double scale = 0;
        for (float v : wantW) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0.1, "a test that sees some gradient");
        for (int i = 0; i < wantW.length; i++) assertEquals(wantW[i], g[i], 1e-4 * scale, "weight gradient " + i);
        for (int f = 0; f < filters; f++)
            assertEquals(wantB[f], g[wantW.length + f], 1e-4 * scale, "bias gradient " + f);
    }

    /** ND4J's conv3d, max pooling and ReLU on the whole grids, then the first {@code side} cells per axis, and back. */
    private static final class Nd4jBlock {
        final INDArray x, w, b, convOut, pooled, relu, kept;
        final int[] conv, pool2 = {2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 0, 1};
        final boolean pool;
        final int side;

        Nd4jBlock(
                byte[] voxels,
                float[] weights,
                int grid,
                int filters,
                int k,
                int stride,
                int pad,
                boolean pool,
                int side) {
            this.pool = pool;
            this.side = side;
            x = Nd4j.create(DataType.FLOAT, N, grid, grid, grid, 1);
            for (int i = 0; i < voxels.length; i++) x.data().put(i, voxels[i]);
            w = Nd4j.create(Arrays.copyOf(weights, k * k * k * filters), new long[] {k, k, k, 1, filters}, 'c');
            b = Nd4j.create(
                    Arrays.copyOfRange(weights, k * k * k * filters, weights.length), new long[] {filters}, 'c');
            conv = new int[] {k, k, k, stride, stride, stride, pad, pad, pad, 1, 1, 1, 0, 1, 0};
            int c = (grid + 2 * pad - k) / stride + 1, o = pool ? c / 2 : c;
            convOut = Nd4j.create(DataType.FLOAT, N, c, c, c, filters);
            exec("conv3dnew", conv, new INDArray[] {x, w, b}, convOut);
            pooled = pool ? Nd4j.create(DataType.FLOAT, N, o, o, o, filters) : convOut;
            if (pool) exec("maxpool3dnew", pool2, new INDArray[] {convOut}, pooled);
            relu = Transforms.relu(pooled, true);
            kept = cells(relu).dup('c');
        }

        /** The weights' and biases' gradients for an upstream gradient on the kept cells. */
        INDArray[] backward(float[] upstream) {
            INDArray gRelu = Nd4j.zeros(DataType.FLOAT, relu.shape());
            cells(gRelu).assign(Nd4j.create(upstream, kept.shape(), 'c'));
            INDArray gPooled = gRelu.mul(pooled.gt(0).castTo(DataType.FLOAT));
            INDArray gConv = pool ? convOut.like() : gPooled;
            if (pool) exec("maxpool3dnew_bp", pool2, new INDArray[] {convOut, gPooled}, gConv);
            INDArray gx = x.like(), gw = w.like(), gb = b.like();
            exec("conv3dnew_bp", conv, new INDArray[] {x, w, b, gConv}, gx, gw, gb);
            return new INDArray[] {gw, gb};
        }

        private INDArray cells(INDArray a) {
            return a.get(
                    NDArrayIndex.all(),
                    NDArrayIndex.interval(0, side),
                    NDArrayIndex.interval(0, side),
                    NDArrayIndex.interval(0, side),
                    NDArrayIndex.all());
        }

        private static void exec(String op, int[] args, INDArray[] in, INDArray... out) {
            Nd4j.exec(DynamicCustomOp.builder(op)
                    .addInputs(in)
                    .addOutputs(out)
                    .addIntegerArguments(args)
                    .build());
        }
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
