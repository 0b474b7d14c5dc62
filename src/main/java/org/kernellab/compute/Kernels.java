package org.kernellab.compute;

import java.util.Arrays;
import java.util.List;

/** Classic kernels a student can pick, and the course's own 2×2. Fixed-size ones ignore the requested size. */
public enum Kernels {
    SOBEL_X(3),
    SOBEL_Y(3),
    LAPLACIAN(3),
    BOX_BLUR(0),
    SHARPEN(3),
    IDENTITY(0),
    COURSE_2X2(2);

    private final int fixedSize;

    Kernels(int fixedSize) {
        this.fixedSize = fixedSize;
    }

    /** The size this kernel must have, or 0 when it comes in any size. */
    public int fixedSize() {
        return fixedSize;
    }

    public static List<Kernels> all() {
        return Arrays.asList(values());
    }

    /** The kernel as rows; {@code size} applies to the kernels that come in any size. */
    public double[][] matrix(int size) {
        return switch (this) {
            case SOBEL_X -> new double[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
            case SOBEL_Y -> new double[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}};
            case LAPLACIAN -> new double[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}};
            case SHARPEN -> new double[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}};
            case COURSE_2X2 -> new double[][] {{1, -1}, {-1, 1}};
            case BOX_BLUR -> {
                double[][] m = new double[size][size];
                for (double[] row : m) Arrays.fill(row, 1.0 / (size * size));
                yield m;
            }
            case IDENTITY -> {
                double[][] m = new double[size][size];
                m[(size - 1) / 2][(size - 1) / 2] = 1;
                yield m;
            }
        };
    }
}
