package org.kernellab.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.PoolMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The first convolution, reading the samples' bytes itself: where most of a small net's time goes, and where the input
 * is known to be pixels or 0/1 voxels.
 */
final class FastOps {
    /** Beyond this many im2col values per sample the generic convolution is used (large pictures would not fit). */
    private static final long MAX_IM2COL = 1 << 20;

    private FastOps() {}

    /** The fast op for the first layers of {@code net}, or null when none applies. {@code ext}: the activations' computed shapes. */
    static Op first(Net net, int[][] ext, boolean binary) {
        // the resolved layers: a net's first convolution may leave its input channels to the input
        List<Layer> l = net.resolved();
        if (l.isEmpty() || !(l.get(0) instanceof Layer.Conv c)) return null;
        if (c.dims() == 3) return binary ? VoxelConv.of(net, c, ext) : null;
        int[] out = ext[1];
        long rows = (long) out[0] * out[1], cols = (long) c.in() * c.kernel()[0] * c.kernel()[1] + 1;
        return rows * cols <= MAX_IM2COL ? new Im2col(c, out) : null;
    }

    /**
     * A 2D convolution as im2col and one GEMM: each output cell's window (kernel rows, kernel columns, channels, in the
     * order of ND4J's weights) and a 1 are one row of a matrix, the weights and the bias (adjacent in the parameter
     * vector) one (k·k·C + 1, F) matrix, so that one product gives the output, bias included; the product of the same
     * matrix with the output's gradient gives the weights' and the bias's gradients at once.
     */
    static final class Im2col extends Op {
        private final Layer.Conv c;
        private final int oh, ow, cols;

        Im2col(Layer.Conv c, int[] out) {
            super(0, 1, 0);
            this.c = c;
            this.oh = out[0];
            this.ow = out[1];
            this.cols = c.in() * c.kernel()[0] * c.kernel()[1] + (c.bias() ? 1 : 0);
        }

        private INDArray joined;

        @Override
        void prepare(Network net) {
            joined = net.joined(param, cols, c.out());
        }

        /** The im2col matrix of the lane's samples and the gradient of the joined weights. */
        private record Matrix(INDArray rows, INDArray gradient, float[] row, float[] picture) implements AutoCloseable {
            @Override
            public void close() {
                rows.close();
                gradient.close();
            }
        }

        private Matrix matrix(Lane lane) {
            Matrix m = lane.state(this);
            if (m == null) {
                m = new Matrix(
                        Nd4j.create(DataType.FLOAT, (long) lane.n * oh * ow, cols),
                        Nd4j.create(DataType.FLOAT, cols, c.out()),
                        new float[ow * cols],
                        new float[lane.samples.size()]);
                lane.state(this, m);
            }
            return m;
        }

        @Override
        void forward(Lane lane, boolean training) {
            Matrix m = matrix(lane);
            load(lane, m);
            Nd4j.gemm(
                    m.rows(), joined, lane.out(this).reshape((long) lane.n * oh * ow, c.out()), false, false, 1.0, 0.0);
        }

        /** Writes the windows of the lane's samples, row by row. */
        private void load(Lane lane, Matrix m) {
            Samples s = lane.samples;
            int[] shape = s.shape();
            int ch = shape[0], h = shape[1], w = shape[2], kh = c.kernel()[0], kw = c.kernel()[1];
            int sh = c.stride()[0],
                    sw = c.stride()[1],
                    ph = c.padding()[0],
                    pw = c.padding()[1],
                    dh = c.dilation()[0],
                    dw = c.dilation()[1];
            float[] value = Inputs.table(s), row = m.row(), px = m.picture();
            byte[] v = s.values();
            FloatBuffer dst = m.rows().data().asNioFloat();
            dst.clear();
            boolean inside = ph == 0 && pw == 0; // every window within the picture: no bounds to check
            for (int i = 0; i < lane.n; i++) {
                // each value read once, not once per window it lies in (nine times for a 3×3 kernel)
                int base = lane.index[lane.from + i] * px.length;
                for (int k = 0; k < px.length; k++) px[k] = value[v[base + k] & 0xFF];
                for (int y = 0; y < oh; y++) {
                    int o = 0;
                    for (int x = 0; x < ow; x++) {
                        for (int ky = 0; ky < kh; ky++) {
                            int iy = y * sh - ph + ky * dh;
                            if (inside && ch == 1) { // the course's case: a grey picture, a plain run of reads
                                int at = iy * w + x * sw;
                                for (int kx = 0; kx < kw; kx++) row[o++] = px[at + kx * dw];
                                continue;
                            }
                            for (int kx = 0; kx < kw; kx++) {
                                int ix = x * sw - pw + kx * dw;
                                boolean in = iy >= 0 && iy < h && ix >= 0 && ix < w;
                                for (int cc = 0; cc < ch; cc++) row[o++] = in ? px[(cc * h + iy) * w + ix] : 0f;
                            }
                        }
                        if (c.bias()) row[o++] = 1f;
                    }
                    dst.put(row, 0, o);
                }
            }
        }

        @Override
        void backward(Lane lane) {
            Matrix m = matrix(lane);
            INDArray g = lane.gOut(this).reshape((long) lane.n * oh * ow, c.out());
            Nd4j.gemm(
                    m.rows(),
                    g,
                    m.gradient(),
                    true,
                    false,
                    1.0,
                    0.0); // the weights' and the bias's gradients, through the ones column
            long weights = (long) (cols - (c.bias() ? 1 : 0)) * c.out();
            INDArray flat = m.gradient().reshape(1, (long) cols * c.out());
            lane.g
                    .get(param)
                    .assign(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, weights))
                            .reshape(lane.g.get(param).shape()));
            if (c.bias()) lane.g.get(param + 1).assign(m.gradient().getRow(cols - 1));
        }
    }

    /**
     * A 3D convolution of one channel on 0/1 grids, with the ReLU after it and the 2×2×2 max pooling after that if
     * there is one: {@link VoxelBlock}'s tables of pattern sums, exact, on the occupied cells only.
     */
    static final class VoxelConv extends Op {
        private final VoxelBlock block;

        private VoxelConv(VoxelBlock block, int last) {
            super(0, last, 0);
            this.block = block;
        }

        static VoxelConv of(Net net, Layer.Conv c, int[][] ext) {
            List<Layer> l = net.layers();
            int k = c.kernel()[0], s = c.stride()[0], p = c.padding()[0];
            int[] in = net.input();
            boolean cubic = Arrays.stream(c.kernel()).allMatch(v -> v == k)
                    && Arrays.stream(c.stride()).allMatch(v -> v == s)
                    && Arrays.stream(c.padding()).allMatch(v -> v == p)
                    && Arrays.stream(c.dilation()).allMatch(v -> v == 1);
            boolean grid = in[0] == 1 && in[1] == in[2] && in[2] == in[3] && in[1] <= 64;
            if (!cubic || !grid || !c.bias() || l.size() < 2 || !(l.get(1) instanceof Layer.ReLU)) return null;
            boolean pooled = l.size() > 2
                    && l.get(2) instanceof Layer.Pool pool
                    && pool.mode() == PoolMode.MAX
                    && Arrays.equals(pool.kernel(), new int[] {2, 2, 2})
                    && Arrays.equals(pool.stride(), new int[] {2, 2, 2})
                    && Arrays.stream(pool.padding()).allMatch(v -> v == 0)
                    && !pool.ceil();
            int last = pooled ? 3 : 2, side = ext[last][0];
            if (ext[last][1] != side || ext[last][2] != side) return null;
            return new VoxelConv(new VoxelBlock(in[1], c.out(), k, s, p, pooled, side), last);
        }

        @Override
        void prepare(Network net) {
            float[] weights = new float
                    [(int) (net.p.get(param).length() + net.p.get(param + 1).length())];
            net.params().data().asNioFloat().get(0, weights);
            block.prepare(weights);
        }

        private VoxelBlock.Batch batch(Lane lane) {
            VoxelBlock.Batch b = lane.state(this);
            if (b == null) {
                b = block.new Batch(lane.n);
                lane.state(this, b);
            }
            return b;
        }

        @Override
        void forward(Lane lane, boolean training) {
            block.forward(
                    batch(lane),
                    lane.n,
                    lane.samples.values(),
                    lane.index,
                    lane.from,
                    lane.out(this).data().asNioFloat());
        }

        @Override
        void backward(Lane lane) {
            // the first block's weights and bias are the parameter vector's first values; the grids need no gradient
            block.backward(
                    batch(lane),
                    lane.gOut(this).data().asNioFloat(),
                    lane.gradients.data().asNioFloat());
        }
    }
}
