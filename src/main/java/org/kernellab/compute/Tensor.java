package org.kernellab.compute;

import java.util.Arrays;
import java.util.List;

/**
 * A small dense row-major array of doubles with a shape. It is the plain-Java exchange format of the
 * compute layer (JSON, views, the reference implementation); ND4J arrays are made from it and back.
 */
public final class Tensor {
    private final int[] shape;
    private final double[] data;

    public Tensor(int[] shape, double[] data) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static Tensor zeros(int... shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return new Tensor(shape, new double[Math.toIntExact(n)]);
    }

    /** A rank-2 tensor from rows of equal length. */
    public static Tensor of(double[][] rows) {
        int h = rows.length;
        int w = h == 0 ? 0 : rows[0].length;
        double[] d = new double[h * w];
        for (int r = 0; r < h; r++) {
            if (rows[r].length != w)
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + w);
            System.arraycopy(rows[r], 0, d, r * w, w);
        }
        return new Tensor(new int[] {h, w}, d);
    }

    public int rank() {
        return shape.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** The backing values in row-major order (not a copy: callers must not modify it). */
    public double[] data() {
        return data;
    }

    public int offset(int... idx) {
        if (idx.length != shape.length)
            throw new IllegalArgumentException("index rank " + idx.length + " != " + shape.length);
        int off = 0;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i])
                throw new IndexOutOfBoundsException(Arrays.toString(idx) + " outside " + Arrays.toString(shape));
            off = off * shape[i] + idx[i];
        }
        return off;
    }

    public double get(int... idx) {
        return data[offset(idx)];
    }

    public void set(double v, int... idx) {
        data[offset(idx)] = v;
    }

    /** The same values viewed with another shape of equal size. */
    public Tensor reshape(int... newShape) {
        return new Tensor(newShape, data);
    }

    /** Rows of a rank-2 tensor, copied. */
    public double[][] toMatrix() {
        if (rank() != 2) throw new IllegalStateException("not a matrix: shape " + Arrays.toString(shape));
        double[][] m = new double[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) System.arraycopy(data, r * shape[1], m[r], 0, shape[1]);
        return m;
    }

    /**
     * A rank-2 tensor's rows with {@code ph} rows and {@code pw} columns of {@code fill} added on every side: the input as
     * a kernel or a pooling window sees it (0 for convolution, −∞ for max pooling).
     */
    public double[][] padded(int ph, int pw, double fill) {
        if (rank() != 2) throw new IllegalStateException("not a matrix: shape " + Arrays.toString(shape));
        int h = shape[0], w = shape[1];
        double[][] m = new double[h + 2 * ph][w + 2 * pw];
        if (fill != 0) for (double[] row : m) Arrays.fill(row, fill);
        for (int r = 0; r < h; r++) System.arraycopy(data, r * w, m[r + ph], pw, w);
        return m;
    }

    /** Entry {@code i} along the first axis, copied: a channel of (C, H, W), a filter of (F, C, kH, kW). */
    public Tensor slice(int i) {
        int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        int n = data.length / shape[0];
        return new Tensor(rest, Arrays.copyOfRange(data, i * n, (i + 1) * n));
    }

    /** Nested Java lists/doubles mirroring the shape, for JSON output. */
    public Object toNested() {
        return nest(0, 0);
    }

    private Object nest(int axis, int base) {
        if (axis == shape.length) return data[base];
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) stride *= shape[i];
        Object[] out = new Object[shape[axis]];
        for (int i = 0; i < shape[axis]; i++) out[i] = nest(axis + 1, base + i * stride);
        return List.of(out);
    }

    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    /**
     * A matrix turned half a turn (both axes reversed): the kernel a true convolution slides, where PyTorch's
     * cross-correlation slides the kernel as written.
     */
    public Tensor flipped() {
        if (rank() != 2) throw new IllegalArgumentException("flipped needs a matrix, got rank " + rank());
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) d[i] = data[data.length - 1 - i];
        return new Tensor(shape, d);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + Arrays.toString(data);
    }
}
