package org.kernellab.compute;

import java.util.Arrays;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling3D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Convolution and pooling through ND4J's native ops, in PyTorch's conventions: cross-correlation, inputs
 * (N, C, spatial...), weights (F, C, k...), symmetric zero padding, per-axis stride and dilation, pooling
 * with {@code ceil_mode} and average pooling that counts padding cells (PyTorch's defaults).
 *
 * <p>Padding is always applied here, explicitly, and ND4J runs with none: that pins down exactly what a
 * padding cell is (0 for convolution, −∞ for max pooling) whatever ND4J's own padding conventions are.
 */
public final class NdOps {
    private NdOps() {}

    /** ND4J's backend ("Cpu") and how many threads its ops use. */
    public record Backend(String name, int threads) {}

    /** Loads ND4J's native library and runs a first convolution, which takes seconds. */
    public static Backend warmUp() {
        Nd4j.create(1);
        conv(Tensor.zeros(1, 1, 5, 5), Tensor.zeros(1, 1, 3, 3), null, Window.square(3, 1, 1));
        return new Backend(
                Nd4j.getBackend().getClass().getSimpleName().replace("Backend", ""),
                Nd4j.getEnvironment().maxMasterThreads());
    }

    /**
     * Keeps the ops called from this thread on one core (OpenMP's team size is set per thread): the lessons' small
     * convolutions on the window's thread answer sooner without waking a second core's thread for each.
     */
    public static void oneCoreHere() {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }

    public static INDArray toNd(Tensor t) {
        return Nd4j.create(
                t.data().clone(), Arrays.stream(t.shape()).asLongStream().toArray(), DataType.DOUBLE);
    }

    public static Tensor fromNd(INDArray a) {
        INDArray c = a.castTo(DataType.DOUBLE).dup('c');
        int[] shape = Arrays.stream(c.shape()).mapToInt(Math::toIntExact).toArray();
        return new Tensor(shape, c.data().asDouble());
    }

    /**
     * Convolution of x (N, C, H, W) or (N, C, D, H, W) with weights (F, C, kH, kW) or (F, C, kD, kH, kW)
     * and an optional bias (F). The window's kernel sizes are taken from the weights.
     */
    public static Tensor conv(Tensor x, Tensor weights, Tensor bias, Window win) {
        checkConvShapes(x, weights, bias, x.rank() - 2);
        Window w = win.withKernel(Arrays.copyOfRange(weights.shape(), 2, weights.rank()));
        int[] outSize = Shapes.require(spatial(x), w, false);
        Shapes.checkConvWork(x.shape(), weights.shape(), w, outSize);
        return convSized(x, weights, bias, w, outSize);
    }

    /** {@link #conv} once its shapes and work are checked. */
    static Tensor convSized(Tensor x, Tensor weights, Tensor bias, Window w, int[] outSize) {
        int axes = x.rank() - 2;
        INDArray in = pad(toNd(x), w.padding(), w.padding(), 0.0);
        INDArray wt = toNd(weights);
        INDArray b = bias == null ? null : toNd(bias);
        INDArray out;
        int[] k = w.kernel(), s = w.stride(), d = w.dilation();
        if (axes == 2) {
            Conv2DConfig cfg = Conv2DConfig.builder()
                    .kH(k[0])
                    .kW(k[1])
                    .sH(s[0])
                    .sW(s[1])
                    .pH(0)
                    .pW(0)
                    .dH(d[0])
                    .dW(d[1])
                    .paddingMode(PaddingMode.VALID)
                    .dataFormat("NCHW")
                    .weightsFormat(WeightsFormat.OIYX)
                    .build();
            out = b == null ? Nd4j.cnn().conv2d(in, wt, cfg) : Nd4j.cnn().conv2d(in, wt, b, cfg);
        } else {
            // ND4J's conv3d takes weights as (kD, kH, kW, C, F)
            INDArray w3 = wt.permute(2, 3, 4, 1, 0).dup('c');
            Conv3DConfig cfg = Conv3DConfig.builder()
                    .kD(k[0])
                    .kH(k[1])
                    .kW(k[2])
                    .sD(s[0])
                    .sH(s[1])
                    .sW(s[2])
                    .pD(0)
                    .pH(0)
                    .pW(0)
                    .dD(d[0])
                    .dH(d[1])
                    .dW(d[2])
                    .biasUsed(b != null)
                    .paddingMode(PaddingMode.VALID)
                    .dataFormat("NCDHW")
                    .build();
            out = b == null ? Nd4j.cnn().conv3d(in, w3, cfg) : Nd4j.cnn().conv3d(in, w3, b, cfg);
        }
        return fromNd(out);
    }

    /**
     * Transposed convolution (PyTorch's ConvTranspose2d) of x (N, C, H, W) with weights (C, F, kH, kW): every
     * input cell scatters a copy of the kernel, scaled by its value, into the output. ND4J computes the full
     * scatter; the padding then crops that many cells from each side, as in PyTorch.
     */
    public static Tensor convTranspose(Tensor x, Tensor weights, Tensor bias, Window win) {
        if (x.rank() != 4 || weights.rank() != 4) throw new ComputeException("conv.badInputRank", x.rank());
        if (weights.dim(0) != x.dim(1)) throw new ComputeException("conv.channelMismatch", x.dim(1), weights.dim(0));
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != weights.dim(1)))
            throw new ComputeException("conv.badBias", weights.dim(1), Arrays.toString(bias.shape()));
        Window w = win.withKernel(weights.dim(2), weights.dim(3));
        int[] out = Shapes.requireTransposed(spatial(x), w);
        Shapes.checkTransposedWork(x.shape(), weights.shape(), w);
        return convTransposeSized(x, weights, bias, w, out);
    }

    /** {@link #convTranspose} once its shapes and work are checked, {@code out} the cropped output's size. */
    static Tensor convTransposeSized(Tensor x, Tensor weights, Tensor bias, Window w, int[] out) {
        int[] k = w.kernel(), s = w.stride(), d = w.dilation(), p = w.padding();
        DeConv2DConfig cfg = DeConv2DConfig.builder()
                .kH(k[0])
                .kW(k[1])
                .sH(s[0])
                .sW(s[1])
                .pH(0)
                .pW(0)
                .dH(d[0])
                .dW(d[1])
                .isSameMode(false)
                .dataFormat("NCHW")
                .build();
        // ND4J's deconv2d takes weights as (kH, kW, F, C)
        INDArray wt = toNd(weights).permute(2, 3, 1, 0).dup('c');
        INDArray full = Nd4j.cnn().deconv2d(toNd(x), wt, cfg);
        INDArray cropped = full.get(
                        NDArrayIndex.all(),
                        NDArrayIndex.all(),
                        NDArrayIndex.interval(p[0], p[0] + out[0]),
                        NDArrayIndex.interval(p[1], p[1] + out[1]))
                .dup('c');
        if (bias != null) cropped.addi(toNd(bias).reshape(1, weights.dim(1), 1, 1));
        return fromNd(cropped);
    }

    /** Max or average pooling of x (N, C, H, W) or (N, C, D, H, W). */
    public static Tensor pool(Tensor x, PoolMode mode, Window w) {
        int axes = x.rank() - 2;
        if (axes != 2 && axes != 3) throw new ComputeException("pool.badInputRank", x.rank());
        if (w.axes() != axes) throw new ComputeException("shape.axesMismatch", axes, w.axes());
        if (Arrays.stream(w.dilation()).anyMatch(v -> v != 1)) throw new ComputeException("pool.noDilation");
        int[] outSize = Shapes.require(spatial(x), w, true);
        if (axes == 3 && mode == PoolMode.AVG) Shapes.checkAvgPool3d(spatial(x), w.kernel());

        // ceil mode can add a last window that hangs over the right padding: extend the input for it
        int[] extra = new int[axes], after = new int[axes];
        for (int a = 0; a < axes; a++) {
            long needed = (long) (outSize[a] - 1) * w.stride()[a] + w.kernel()[a];
            extra[a] = (int) Math.max(0, needed - (x.dim(a + 2) + 2L * w.padding()[a])); // less than one window
            after[a] = w.padding()[a] + extra[a];
        }
        long outCells = Shapes.cells(x.dim(0), x.dim(1), Shapes.cells(toLong(outSize)));
        Shapes.checkWork(
                Shapes.cells(x.dim(0), x.dim(1), paddedCells(x, w.padding(), after)),
                outCells,
                Shapes.cells(outCells, Shapes.cells(toLong(w.kernel()))));
        INDArray in = toNd(x);
        if (mode == PoolMode.MAX) {
            return fromNd(poolOp(pad(in, w.padding(), after, Double.NEGATIVE_INFINITY), PoolMode.MAX, w));
        }
        // Average: padding cells count as zeros (count_include_pad), cells past the padded input do not.
        // mean(window of x) / mean(window of mask) = sum / counted cells, both through the same ND4J op.
        INDArray mask = Nd4j.onesLike(in);
        INDArray sums = poolOp(pad(in, w.padding(), after, 0.0), PoolMode.AVG, w);
        if (Arrays.stream(extra).allMatch(e -> e == 0)) return fromNd(sums);
        INDArray counted = pad(mask, w.padding(), w.padding(), 1.0);
        INDArray counts = poolOp(pad(counted, new int[axes], extra, 0.0), PoolMode.AVG, w);
        return fromNd(sums.div(counts));
    }

    private static INDArray poolOp(INDArray in, PoolMode mode, Window w) {
        int[] k = w.kernel(), s = w.stride();
        if (w.axes() == 2) {
            Pooling2DConfig cfg = Pooling2DConfig.builder()
                    .kH(k[0])
                    .kW(k[1])
                    .sH(s[0])
                    .sW(s[1])
                    .pH(0)
                    .pW(0)
                    .dH(1)
                    .dW(1)
                    .paddingMode(PaddingMode.VALID)
                    .divisor(Pooling2D.Divisor.INCLUDE_PADDING)
                    .isNHWC(false)
                    .type(mode == PoolMode.MAX ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG)
                    .build();
            return mode == PoolMode.MAX
                    ? Nd4j.cnn().maxPooling2d(in, cfg)
                    : Nd4j.cnn().avgPooling2d(in, cfg);
        }
        Pooling3DConfig cfg = Pooling3DConfig.builder()
                .kD(k[0])
                .kH(k[1])
                .kW(k[2])
                .sD(s[0])
                .sH(s[1])
                .sW(s[2])
                .pD(0)
                .pH(0)
                .pW(0)
                .dD(1)
                .dH(1)
                .dW(1)
                .isSameMode(false)
                .isNCDHW(true)
                .type(mode == PoolMode.MAX ? Pooling3D.Pooling3DType.MAX : Pooling3D.Pooling3DType.AVG)
                .build();
        return mode == PoolMode.MAX
                ? Nd4j.cnn().maxPooling3d(in, cfg)
                : Nd4j.cnn().avgPooling3d(in, cfg);
    }

    /** x with {@code before[a]} and {@code after[a]} cells of {@code value} added around spatial axis a. */
    static INDArray pad(INDArray x, int[] before, int[] after, double value) {
        int axes = before.length;
        boolean none = true;
        for (int a = 0; a < axes; a++) none &= before[a] == 0 && after[a] == 0;
        if (none) return x;
        long[] shape = x.shape().clone();
        INDArrayIndex[] where = new INDArrayIndex[shape.length];
        where[0] = NDArrayIndex.all();
        where[1] = NDArrayIndex.all();
        for (int a = 0; a < axes; a++) {
            long n = shape[a + 2];
            shape[a + 2] = n + before[a] + after[a];
            where[a + 2] = NDArrayIndex.interval(before[a], before[a] + n);
        }
        INDArray out = Nd4j.valueArrayOf(shape, value, x.dataType());
        out.get(where).assign(x);
        return out;
    }

    /** Spatial cells of x once padded by {@code before} and {@code after} cells per axis. */
    private static long paddedCells(Tensor x, int[] before, int[] after) {
        long n = 1;
        for (int a = 0; a < before.length; a++) n = Shapes.cells(n, (long) x.dim(a + 2) + before[a] + after[a]);
        return n;
    }

    private static long[] toLong(int[] v) {
        return Arrays.stream(v).asLongStream().toArray();
    }

    static int[] spatial(Tensor x) {
        return Arrays.copyOfRange(x.shape(), 2, x.rank());
    }

    static void checkConvShapes(Tensor x, Tensor w, Tensor bias, int axes) {
        if (axes != 2 && axes != 3) throw new ComputeException("conv.badInputRank", x.rank());
        if (w.rank() != x.rank()) throw new ComputeException("conv.badWeightRank", w.rank(), x.rank());
        if (w.dim(1) != x.dim(1)) throw new ComputeException("conv.channelMismatch", x.dim(1), w.dim(1));
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != w.dim(0))) {
            throw new ComputeException("conv.badBias", w.dim(0), Arrays.toString(bias.shape()));
        }
        for (int i = 0; i < x.rank(); i++) {
            if (x.dim(i) < 1 || w.dim(i) < 1) throw new ComputeException("conv.emptyTensor");
        }
    }
}
