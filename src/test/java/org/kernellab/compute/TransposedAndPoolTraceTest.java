package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TransposedAndPoolTraceTest {
    static Tensor img(double[][] m) {
        return Tensor.of(m).reshape(1, 1, m.length, m[0].length);
    }

    @Test
    void transposedKnownValues() {
        Tensor x = img(new double[][] {{1, 2}, {3, 4}}), k = img(new double[][] {{1, 1}, {1, 1}});
        assertArrayEquals(
                new double[] {1, 3, 2, 4, 10, 6, 3, 7, 4},
                NdOps.convTranspose(x, k, null, Window.square(2, 1, 0)).data(),
                1e-12);
        assertArrayEquals(
                new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                NdOps.convTranspose(x, k, null, Window.square(2, 2, 0)).data(),
                1e-12);
        assertArrayEquals(
                new double[] {10},
                NdOps.convTranspose(x, k, null, Window.square(2, 1, 1)).data(),
                1e-12);
        assertEquals(
                "(2 − 1)·2 − 2·0 + (2 − 1) + 1 = 4",
                Shapes.transposed(2, 2, 2, 0, 1).formula());
        assertFalse(Shapes.transposed(2, 2, 1, 2, 1).ok());
    }

    @Test
    void transposedMatchesReferenceAndScatterTrace() {
        Random r = new Random(21);
        int compared = 0, refused = 0, scattered = 0;
        for (int trial = 0; trial < 600; trial++) {
            int c = 1 + r.nextInt(2), f = 1 + r.nextInt(2), kh = 1 + r.nextInt(4), kw = 1 + r.nextInt(4);
            Window win = new Window(
                    new int[] {kh, kw},
                    new int[] {1 + r.nextInt(3), 1 + r.nextInt(3)},
                    new int[] {r.nextInt(3), r.nextInt(3)},
                    new int[] {1 + r.nextInt(2), 1 + r.nextInt(2)},
                    false);
            Tensor x = AgainstReferenceTest.random(r, 1, c, 1 + r.nextInt(6), 1 + r.nextInt(6));
            Tensor w = AgainstReferenceTest.random(r, c, f, kh, kw);
            Tensor b = r.nextBoolean() ? AgainstReferenceTest.random(r, f) : null;
            Tensor ref;
            try {
                ref = Reference.convTranspose(x, w, b, win);
            } catch (ComputeException e) {
                ComputeException nd = assertThrows(ComputeException.class, () -> NdOps.convTranspose(x, w, b, win));
                assertEquals(e.problem(), nd.problem());
                refused++;
                continue;
            }
            Tensor nd = NdOps.convTranspose(x, w, b, win);
            assertArrayEquals(ref.shape(), nd.shape(), () -> "shape " + win);
            assertArrayEquals(ref.data(), nd.data(), 1e-9, () -> "values " + win);
            if (c == 1 && f == 1 && b == null) {
                ScatterTrace t = ScatterTrace.of(x.reshape(x.dim(2), x.dim(3)), w.reshape(kh, kw), win);
                double[][] full = t.partialSum(t.steps().size());
                for (int i = 0; i < nd.dim(2); i++) {
                    for (int j = 0; j < nd.dim(3); j++) {
                        assertEquals(nd.get(0, 0, i, j), full[i + win.padding()[0]][j + win.padding()[1]], 1e-9);
                    }
                }
                scattered++;
            }
            compared++;
        }
        assertTrue(
                compared >= 300 && refused >= 20 && scattered >= 50,
                "compared " + compared + " (" + scattered + " traced), refused " + refused);
    }

    @Test
    void poolTraceMatchesNd4j() {
        Random r = new Random(8);
        int traced = 0, refused = 0;
        for (int trial = 0; trial < 500; trial++) {
            int k = 1 + r.nextInt(4);
            Window win = new Window(
                    new int[] {k, k},
                    Window.fill(2, 1 + r.nextInt(4)),
                    Window.fill(2, r.nextInt(k / 2 + 1)),
                    Window.fill(2, 1),
                    r.nextBoolean());
            PoolMode mode = r.nextBoolean() ? PoolMode.MAX : PoolMode.AVG;
            Tensor x = AgainstReferenceTest.random(r, 1 + r.nextInt(8), 1 + r.nextInt(8));
            PoolTrace t;
            try {
                t = PoolTrace.of(x, mode, win);
            } catch (ComputeException e) {
                ComputeException nd = assertThrows(
                        ComputeException.class, () -> NdOps.pool(x.reshape(1, 1, x.dim(0), x.dim(1)), mode, win));
                assertEquals(e.problem(), nd.problem());
                refused++;
                continue;
            }
            Tensor nd = NdOps.pool(x.reshape(1, 1, x.dim(0), x.dim(1)), mode, win);
            assertEquals(nd.size(), t.steps().size());
            for (PoolTrace.Step s : t.steps()) assertEquals(nd.get(0, 0, s.outRow(), s.outCol()), s.value(), 1e-9);
            traced++;
        }
        assertTrue(traced >= 300 && refused >= 5, "traced " + traced + ", both refused " + refused);
    }

    @Test
    void maxPoolTraceMarksTheWinner() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
        PoolTrace t = PoolTrace.of(x, PoolMode.MAX, Window.square(2, 2, 0));
        assertArrayEquals(new int[] {1, 1}, t.steps().get(0).winner());
        assertEquals(6, t.steps().get(0).value());
        assertEquals(16, t.steps().get(3).value());
    }
}
