package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tensor's views of its values, each held against reading them one index at a time. */
class TensorTest {
    @Test
    void paddingSurroundsTheMatrixWithTheFill() {
        Random r = new Random(3);
        int compared = 0;
        for (int trial = 0; trial < 40; trial++) {
            int h = 1 + r.nextInt(5), w = 1 + r.nextInt(5), ph = r.nextInt(3), pw = r.nextInt(3);
            double fill = trial % 2 == 0 ? 0 : Double.NEGATIVE_INFINITY;
            Tensor t = AgainstReferenceTest.random(r, h, w);
            double[][] p = t.padded(ph, pw, fill);
            assertEquals(h + 2 * ph, p.length);
            for (int y = 0; y < p.length; y++) {
                assertEquals(w + 2 * pw, p[y].length);
                for (int x = 0; x < p[y].length; x++) {
                    boolean inside = y >= ph && y < ph + h && x >= pw && x < pw + w;
                    assertEquals(inside ? t.get(y - ph, x - pw) : fill, p[y][x], "(" + y + ", " + x + ")");
                    compared++;
                }
            }
        }
        assertTrue(compared > 400, compared + " cells compared");
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(1, 2, 2).padded(1, 1, 0));
    }

    @Test
    void aSliceAndTheNestedListsHoldWhatIndexingReads() {
        Random r = new Random(4);
        Tensor t = AgainstReferenceTest.random(r, 3, 2, 4);
        int compared = 0;
        @SuppressWarnings("unchecked")
        List<List<List<Double>>> nested = (List<List<List<Double>>>) t.toNested();
        assertEquals(3, nested.size());
        for (int c = 0; c < 3; c++) {
            Tensor s = t.slice(c);
            assertEquals(List.of(2, 4), List.of(s.dim(0), s.dim(1)));
            assertEquals(2, nested.get(c).size());
            for (int y = 0; y < 2; y++) {
                assertEquals(4, nested.get(c).get(y).size());
                for (int x = 0; x < 4; x++) {
                    assertEquals(t.get(c, y, x), s.get(y, x));
                    assertEquals(t.get(c, y, x), nested.get(c).get(y).get(x));
                    compared++;
                }
            }
        }
        assertEquals(24, compared);
        Tensor copy = t.copy();
        copy.set(99, 0, 0, 0);
        assertNotEquals(99, t.get(0, 0, 0), "a copy is the copy's own");
        assertEquals(t.get(1, 1, 1), copy.get(1, 1, 1));
        assertEquals("Tensor[1, 2][5.0, 6.0]", new Tensor(new int[] {1, 2}, new double[] {5, 6}).toString());
    }

    @Test
    void windowsAreEqualWhenEverySettingIs() {
        Window a = Window.square(3, 2, 1), b = Window.cubic(2, 3, 2, 1, 1);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        List<Window> others = List.of(
                a.withKernel(2, 3),
                new Window(new int[] {3, 3}, new int[] {1, 2}, new int[] {1, 1}, new int[] {1, 1}, false),
                new Window(new int[] {3, 3}, new int[] {2, 2}, new int[] {0, 1}, new int[] {1, 1}, false),
                new Window(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 2}, false),
                a.withCeil(true),
                Window.cubic(3, 3, 2, 1, 1));
        for (Window o : others) {
            assertNotEquals(a, o, o.toString());
            assertNotEquals(a.hashCode(), o.hashCode(), o.toString());
        }
        assertNotEquals(a, "a window");
        assertEquals("Window[k=[3, 3], s=[2, 2], p=[1, 1], d=[1, 1]]", a.toString());
        assertEquals(
                "Window[k=[3, 3], s=[2, 2], p=[1, 1], d=[1, 1], ceil]",
                a.withCeil(true).toString());
        int[] k = {3, 3};
        Window kept = new Window(k, k, k, k, false);
        k[0] = 9;
        assertEquals(3, kept.kernel()[0], "a window keeps its own copy of the settings");
    }
}
