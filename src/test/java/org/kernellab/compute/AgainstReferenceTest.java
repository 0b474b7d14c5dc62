package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based: the ND4J path against the from-scratch loops over thousands of random shapes and
 * settings (rectangular inputs and kernels, per-axis stride, padding and dilation, channels, filters,
 * bias, ceil mode). Settings with no output must be refused by both, with the same reason.
 */
class AgainstReferenceTest {
    private static final double TOL = 1e-9;

    static Tensor random(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data()[i] = r.nextInt(21) - 10 + (r.nextBoolean() ? 0 : r.nextDouble());
        return t;
    }

    @Test
    void conv2dMatchesReference() {
        Random r = new Random(42);
        int checked = 0, refused = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int c = 1 + r.nextInt(3), f = 1 + r.nextInt(3), h = 1 + r.nextInt(9), w = 1 + r.nextInt(9);
            int kh = 1 + r.nextInt(4), kw = 1 + r.nextInt(4);
            Window win = new Window(
                    new int[] {kh, kw},
                    new int[] {1 + r.nextInt(3), 1 + r.nextInt(3)},
                    new int[] {r.nextInt(3), r.nextInt(3)},
                    new int[] {1 + r.nextInt(2), 1 + r.nextInt(2)},
                    false);
            Tensor x = random(r, 1 + r.nextInt(2), c, h, w), k = random(r, f, c, kh, kw);
            Tensor b = r.nextBoolean() ? random(r, f) : null;
            ComputeException refusal = null;
            Tensor ref = null;
            try {
                ref = Reference.conv(x, k, b, win);
            } catch (ComputeException e) {
                refusal = e;
            }
            if (refusal != null) {
                ComputeException nd = assertThrows(ComputeException.class, () -> NdOps.conv(x, k, b, win));
                assertEquals(refusal.problem(), nd.problem());
                refused++;
                continue;
            }
            Tensor nd = NdOps.conv(x, k, b, win);
            assertArrayEquals(ref.shape(), nd.shape(), () -> "shape for " + win);
            assertArrayEquals(ref.data(), nd.data(), TOL, () -> "values for " + win);
            checked++;
        }
        assertEquals(1000, checked + refused);
        assertTrue(checked > 600 && refused > 20, "cover both outcomes: " + checked + "/" + refused);
    }

    @Test
    void conv3dMatchesReference() {
        Random r = new Random(3);
        int checked = 0, refused = 0;
        for (int trial = 0; trial < 150; trial++) {
            int c = 1 + r.nextInt(2), f = 1 + r.nextInt(2);
            int[] k = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3)};
            Window win = new Window(
                    k,
                    new int[] {1 + r.nextInt(2), 1 + r.nextInt(2), 1 + r.nextInt(2)},
                    new int[] {r.nextInt(2), r.nextInt(2), r.nextInt(2)},
                    new int[] {1 + r.nextInt(2), 1, 1 + r.nextInt(2)},
                    false);
            Tensor x = random(r, 1, c, 3 + r.nextInt(5), 3 + r.nextInt(5), 3 + r.nextInt(5));
            Tensor w = random(r, f, c, k[0], k[1], k[2]);
            Tensor b = r.nextBoolean() ? random(r, f) : null;
            Tensor ref;
            try {
                ref = Reference.conv(x, w, b, win);
            } catch (ComputeException e) {
                ComputeException nd = assertThrows(
                        ComputeException.class, () -> NdOps.conv(x, w, b, win), () -> "ND4J must refuse " + win);
                assertEquals(e.problem(), nd.problem());
                refused++;
                continue;
            }
            Tensor nd = NdOps.conv(x, w, b, win);
            assertArrayEquals(ref.shape(), nd.shape());
            assertArrayEquals(ref.data(), nd.data(), TOL, () -> "values for " + win);
            checked++;
        }
        assertTrue(checked >= 100 && refused >= 5, "compared " + checked + ", both refused " + refused);
    }

    @Test
    void pooling2dMatchesReference() {
        Random r = new Random(11);
        int checked = 0, refused = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int k0 = 1 + r.nextInt(4), k1 = 1 + r.nextInt(4);
            Window win = new Window(
                    new int[] {k0, k1},
                    new int[] {1 + r.nextInt(4), 1 + r.nextInt(4)},
                    new int[] {r.nextInt(k0 / 2 + 1), r.nextInt(k1 / 2 + 1)},
                    new int[] {1, 1},
                    r.nextBoolean());
            PoolMode mode = r.nextBoolean() ? PoolMode.MAX : PoolMode.AVG;
            Tensor x = random(r, 1, 1 + r.nextInt(3), 1 + r.nextInt(9), 1 + r.nextInt(9));
            Tensor ref;
            try {
                ref = Reference.pool(x, mode, win);
            } catch (ComputeException e) {
                ComputeException nd = assertThrows(ComputeException.class, () -> NdOps.pool(x, mode, win));
                assertEquals(e.problem(), nd.problem());
                refused++;
                continue;
            }
            Tensor nd = NdOps.pool(x, mode, win);
            assertArrayEquals(ref.shape(), nd.shape(), () -> mode + " shape " + win);
            assertArrayEquals(ref.data(), nd.data(), TOL, () -> mode + " values " + win + " " + x);
            checked++;
        }
        assertTrue(checked > 600 && refused > 8, "compared " + checked + ", both refused " + refused);
    }

    @Test
    void pooling3dMatchesReference() {
        Random r = new Random(5);
        int checked = 0, refused = 0;
        for (int trial = 0; trial < 150; trial++) {
            int k = 1 + r.nextInt(3);
            Window win = Window.cubic(3, k, 1 + r.nextInt(3), r.nextInt(k / 2 + 1), 1)
                    .withCeil(r.nextBoolean());
            PoolMode mode = r.nextBoolean() ? PoolMode.MAX : PoolMode.AVG;
            Tensor x = random(r, 1, 1 + r.nextInt(2), 2 + r.nextInt(5), 2 + r.nextInt(5), 2 + r.nextInt(5));
            Tensor ref;
            try {
                ref = Reference.pool(x, mode, win);
            } catch (ComputeException e) {
                ComputeException nd = assertThrows(
                        ComputeException.class, () -> NdOps.pool(x, mode, win), () -> "ND4J must refuse " + win);
                assertEquals(e.problem(), nd.problem());
                refused++;
                continue;
            }
            Tensor nd = NdOps.pool(x, mode, win);
            assertArrayEquals(ref.shape(), nd.shape());
            assertArrayEquals(ref.data(), nd.data(), TOL, () -> mode + " " + win);
            checked++;
        }
        assertTrue(checked >= 100 && refused >= 3, "compared " + checked + ", both refused " + refused);
    }
}
