package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTraceTest {
    @Test
    void traceSumsEqualNd4jOutput() {
        Random r = new Random(9);
        int traced = 0, refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            int c = 1 + r.nextInt(3),
                    h = 1 + r.nextInt(8),
                    w = 1 + r.nextInt(8),
                    kh = 1 + r.nextInt(4),
                    kw = 1 + r.nextInt(4);
            Window win = new Window(
                    new int[] {kh, kw},
                    new int[] {1 + r.nextInt(3), 1 + r.nextInt(3)},
                    new int[] {r.nextInt(3), r.nextInt(3)},
                    new int[] {1 + r.nextInt(2), 1 + r.nextInt(2)},
                    false);
            Tensor x = AgainstReferenceTest.random(r, c, h, w), k = AgainstReferenceTest.random(r, c, kh, kw);
            double bias = r.nextInt(5) - 2;
            ConvTrace trace;
            try {
                trace = ConvTrace.of(x, k, bias, win);
            } catch (ComputeException e) {
                ComputeException nd = assertThrows(
                        ComputeException.class,
                        () -> NdOps.conv(x.reshape(1, c, h, w), k.reshape(1, c, kh, kw), null, win));
                assertEquals(e.problem(), nd.problem(), "the trace refuses what ND4J refuses, for the same reason");
                refused++;
                continue;
            }
            Tensor nd = NdOps.conv(
                    x.reshape(1, c, h, w),
                    k.reshape(1, c, kh, kw),
                    new Tensor(new int[] {1}, new double[] {bias}),
                    win);
            assertEquals(nd.size(), trace.steps().size());
            assertEquals(nd.dim(2), trace.outHeight());
            assertEquals(nd.dim(3), trace.outWidth());
            // the cells some tap reads, gathered from every step's terms, against the trace's own map of them
            boolean[][] reached = new boolean[h + 2 * win.padding()[0]][w + 2 * win.padding()[1]];
            for (ConvTrace.Step s : trace.steps()) for (ConvTrace.Term t : s.terms()) reached[t.row()][t.col()] = true;
            boolean[][] covered = trace.covered();
            assertEquals(reached.length, covered.length);
            for (int y = 0; y < reached.length; y++)
                assertArrayEquals(reached[y], covered[y], "row " + y + " of the padded input");
            for (ConvTrace.Step s : trace.steps()) {
                assertEquals(nd.get(0, 0, s.outRow(), s.outCol()), s.value(), 1e-9);
                assertEquals(c * kh * kw, s.terms().size());
                assertEquals(
                        s.sum(),
                        s.terms().stream().mapToDouble(ConvTrace.Term::product).sum(),
                        1e-9);
            }
            traced++;
        }
        assertTrue(traced >= 150 && refused >= 10, "traced " + traced + ", both refused " + refused);
    }

    @Test
    void laplacianTraceShowsPaddingCells() {
        Tensor x = Tensor.of(new double[][] {{1, 0, 2}, {3, 0, 4}, {5, 6, 0}});
        Tensor k = Tensor.of(new double[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}});
        ConvTrace t = ConvTrace.of(x, k, 0, Window.square(1, 1, 1));
        ConvTrace.Step first = t.step(0, 0);
        assertEquals(-1, first.value());
        assertEquals(5, first.terms().stream().filter(ConvTrace.Term::padding).count());
        assertEquals(13, t.step(1, 1).value());
        assertTrue(t.step(1, 1).terms().stream().noneMatch(ConvTrace.Term::padding));
    }
}
