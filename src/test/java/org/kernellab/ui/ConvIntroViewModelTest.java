package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.kernellab.compute.Tensor;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.convintro.ConvIntroViewModel;
import org.kernellab.ui.task.DirectTaskRunner;

/** The view-model without any UI: work runs in place. */
class ConvIntroViewModelTest {
    static ConvIntroViewModel laplacian() {
        return new ConvIntroViewModel(
                Tensor.of(new double[][] {{1, 0, 2}, {3, 0, 4}, {5, 6, 0}}),
                Tensor.of(new double[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}}),
                1,
                1);
    }

    @Test
    void computesTheCourseAnswerAndExplainsEachCell() {
        ConvIntroViewModel vm = laplacian();
        vm.compute(new DirectTaskRunner(), "t");
        assertArrayEquals(
                new double[][] {{-1, 3, -4}, {-6, 13, -14}, {-11, -19, 10}},
                vm.outputProperty().get());
        assertEquals(9, vm.steps());
        assertEquals(5, vm.paddedInput().length);
        assertEquals("⌊(3 + 2·1 − 3) / 1⌋ + 1 = 3", vm.rowsSize().formula());

        vm.select(1, 1);
        assertEquals(4, vm.stepProperty().get());
        String text = vm.productsText(Numbers.ENGLISH);
        assertEquals("= 13", text.substring(text.lastIndexOf('\n') + 1));
        assertEquals(9, vm.windowCells().size());
        assertArrayEquals(new int[] {1, 1}, vm.windowCells().get(0), "the window starts at padded (1,1)");

        vm.next();
        assertEquals(5, vm.stepProperty().get());
        vm.select(2, 2);
        vm.next();
        assertEquals(8, vm.stepProperty().get(), "stepping stops at the last cell");
    }

    @Test
    void impossibleSettingsGiveAReasonNotAnError() {
        ConvIntroViewModel vm = new ConvIntroViewModel(
                Tensor.of(new double[][] {{1, 2}, {3, 4}}),
                Tensor.of(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}),
                0,
                1);
        assertNotNull(vm.problemProperty().get());
        assertEquals(
                "kernel 3 spans 3 cells but the padded input has 2",
                vm.problemProperty().get().english());
        vm.compute(new DirectTaskRunner(), "t");
        assertNull(vm.outputProperty().get());
        assertEquals(0, vm.steps());
        assertEquals("", vm.productsText(Numbers.ENGLISH));
    }
}
