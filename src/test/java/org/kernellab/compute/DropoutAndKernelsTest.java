package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inverted dropout's masks by their statistics, and the kernels a student picks by the properties that name them. */
class DropoutAndKernelsTest {
    @Test
    void aMaskZeroesAShareOfPAndScalesTheRestToKeepTheMean() {
        int n = 200_000, checked = 0;
        for (double p : new double[] {0, 0.1, 0.5, 0.8}) {
            float[] m = Dropout.mask(n, p, new Random(7));
            float keep = (float) (1 / (1 - p));
            int zeros = 0;
            double sum = 0;
            for (float v : m) {
                assertTrue(v == 0f || v == keep, "p = " + p + ": a mask entry is 0 or 1/(1−p), not " + v);
                if (v == 0f) zeros++;
                sum += v;
            }
            double sd = Math.sqrt(n * p * (1 - p)); // the binomial's: four of them cover any seed
            assertEquals(n * p, zeros, 4 * sd + 1e-9, "p = " + p + ": zeroed");
            assertEquals(1, sum / n, 4 * sd * keep / n + 1e-6, "p = " + p + ": the mask's mean");
            checked++;
        }
        assertEquals(4, checked);
        for (double bad : new double[] {-0.1, 1, 1.5, Double.NaN})
            assertEquals(
                    "train.badDropout",
                    assertThrows(ComputeException.class, () -> Dropout.mask(3, bad, new Random(1)))
                            .problem()
                            .key(),
                    "p = " + bad);
    }

    @Test
    void applyingAMaskMultipliesValueByValue() {
        float[] values = {1.5f, -2f, 3f, 0.25f}, mask = {0f, 2f, 2f, 0f};
        assertArrayEquals(new float[] {0f, -4f, 6f, 0f}, Dropout.apply(values, mask));
        assertThrows(IllegalArgumentException.class, () -> Dropout.apply(values, new float[3]));
    }

    @Test
    void eachKernelHasTheShapeAndSumsItsNameSays() {
        assertEquals(7, new HashSet<>(Kernels.all()).size());
        for (Kernels k : Kernels.all()) {
            for (int size = 1; size <= 7; size += 2) {
                double[][] m = k.matrix(size);
                int side = k.fixedSize() == 0 ? size : k.fixedSize();
                assertEquals(side, m.length, k + " rows");
                for (double[] row : m) assertEquals(side, row.length, k + " columns");
            }
        }
        double[][] sx = Kernels.SOBEL_X.matrix(3), sy = Kernels.SOBEL_Y.matrix(3);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) {
                assertEquals(sx[r][c], sy[c][r], "Sobel y is Sobel x across the diagonal");
                assertEquals(0, sx[r][c] + sx[r][2 - c], "Sobel x is odd left to right");
                assertEquals(2 - Math.abs(r - 1), Math.abs(sx[r][2]), "Sobel x weighs the centre row twice");
            }
        double[][] lap = Kernels.LAPLACIAN.matrix(3),
                sharp = Kernels.SHARPEN.matrix(3),
                id = Kernels.IDENTITY.matrix(3);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                assertEquals(id[r][c] - lap[r][c], sharp[r][c], "sharpen is the identity less the Laplacian");
        assertEquals(0, sum(lap));
        assertEquals(-4, lap[1][1]);
        assertEquals(0, sum(Kernels.COURSE_2X2.matrix(2)));
        for (int size = 1; size <= 7; size++) {
            double[][] box = Kernels.BOX_BLUR.matrix(size), one = Kernels.IDENTITY.matrix(size);
            assertEquals(1, sum(box), 1e-12, "a box blur of " + size + " keeps the mean");
            for (double[] row : box) for (double v : row) assertEquals(box[0][0], v, "a box blur weighs all alike");
            assertEquals(1, sum(one));
            assertEquals(1, one[(size - 1) / 2][(size - 1) / 2], "the identity's one is at the centre");
        }
    }

    private static double sum(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).sum();
    }
}
