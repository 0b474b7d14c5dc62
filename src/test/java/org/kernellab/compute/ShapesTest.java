package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ShapesTest {
    @Test
    void pytorchCeilModeRule() {
        assertEquals(3, Shapes.pool(5, 2, 2, 0, true).output());
        assertEquals(1, Shapes.pool(2, 1, 2, 0, true).output());
        assertEquals(1, Shapes.pool(1, 2, 2, 1, true).output());
        assertEquals(56, Shapes.pool(112, 3, 2, 0, true).output());
        assertTrue(Shapes.pool(2, 1, 2, 0, true).droppedLast());
        assertFalse(Shapes.pool(5, 2, 2, 0, true).droppedLast());
        assertEquals(2, Shapes.pool(5, 2, 2, 0, false).output());
    }

    @Test
    void formulaHasTheNumbersFilledIn() {
        assertEquals("⌊(3 + 2·1 − 3) / 1⌋ + 1 = 3", Shapes.conv(3, 3, 1, 1, 1).formula());
        assertEquals("⌊(4 + 2·0 − 2) / 2⌋ + 1 = 2", Shapes.conv(4, 2, 2, 0, 1).formula());
        assertEquals(
                "⌊(9 + 2·0 − 2·(3 − 1) − 1) / 1⌋ + 1 = 5",
                Shapes.conv(9, 3, 1, 0, 2).formula());
        assertEquals(
                "⌈(2 + 2·0 − 1) / 2⌉ + 1 = 2 − 1 = 1",
                Shapes.pool(2, 1, 2, 0, true).formula());
    }

    @Test
    void impossibleSettingsSayWhy() {
        AxisSize a = Shapes.conv(5, 7, 1, 2, 2);
        assertFalse(a.ok());
        assertEquals(
                "kernel 7 with dilation 2 spans 13 cells but the padded input has 9",
                a.problem().english());
        assertEquals(
                "kernel 7 spans 7 cells but the padded input has 5",
                Shapes.conv(3, 7, 1, 1, 1).problem().english());
        assertEquals(
                "the stride must be at least 1 (it is 0)",
                Shapes.conv(3, 1, 0, 0, 1).problem().english());
        assertEquals(
                "padding 2 is more than half of the pooling window 3: PyTorch refuses it",
                Shapes.pool(8, 3, 1, 2, false).problem().english());
        assertTrue(Shapes.conv(3, 7, 1, 1, 1)
                .problem()
                .message(new Locale("es"))
                .startsWith("el kernel 7 abarca 7 celdas"));
    }

    @Test
    void uncoveredCellsWhenStrideDoesNotDivide() {
        AxisSize a = Shapes.conv(6, 3, 2, 0, 1); // windows at 0 and 2 cover cells 0..4; cell 5 is never used
        assertEquals(2, a.output());
        assertEquals(1, a.uncovered());
        assertEquals(0, Shapes.conv(5, 3, 2, 0, 1).uncovered());
    }

    @Test
    void averagePoolingCeilModeDoesNotCountTheOverhang() {
        Tensor x = new Tensor(new int[] {1, 1, 1, 5}, new double[] {1, 2, 3, 4, 5});
        Window w = new Window(new int[] {1, 2}, new int[] {1, 2}, new int[] {0, 0}, new int[] {1, 1}, true);
        assertArrayEquals(
                new double[] {1.5, 3.5, 5.0}, NdOps.pool(x, PoolMode.AVG, w).data(), 1e-12); // PyTorch's answer
        assertArrayEquals(new double[] {2, 4, 5}, NdOps.pool(x, PoolMode.MAX, w).data(), 1e-12);
    }

    @Test
    void averagePoolingCountsPaddingAsZeros() {
        Tensor x = new Tensor(new int[] {1, 1, 2, 2}, new double[] {4, 4, 4, 4});
        // padding 1, window 2, stride 2: every window holds one real 4 and three padding zeros
        assertArrayEquals(
                new double[] {1, 1, 1, 1},
                NdOps.pool(x, PoolMode.AVG, Window.square(2, 2, 1)).data(),
                1e-12);
    }
}
