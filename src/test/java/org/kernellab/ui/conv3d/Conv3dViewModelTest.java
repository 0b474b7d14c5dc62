package org.kernellab.ui.conv3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import org.junit.jupiter.api.Test;

/** Every step's products add up to the output cell ND4J's conv3d computed, for the course's sizes and the exercise's. */
class Conv3dViewModelTest {
    @Test
    void eachStepsProductsSumToTheNd4jOutput() {
        Conv3dViewModel vm = new Conv3dViewModel(Bindings.createBooleanBinding(() -> true), 3);
        int[][] settings = {{8, 3, 1, 0}, {8, 3, 2, 1}, {8, 5, 1, 0}, {6, 2, 2, 0}, {5, 3, 1, 2}};
        for (int[] s : settings) {
            vm.inputProperty().set(s[0]);
            vm.kernelProperty().set(s[1]);
            vm.strideProperty().set(s[2]);
            vm.paddingProperty().set(s[3]);
            Conv3dViewModel.Result r = vm.resultProperty().get();
            assertTrue(r.ok(), Arrays.toString(s));
            int o = (s[0] + 2 * s[3] - s[1]) / s[2] + 1;
            assertEquals(o * o * o, vm.stepper().count());
            for (int i = 0; i < vm.stepper().count(); i++) {
                Conv3dViewModel.Step step = vm.step(i);
                double sum =
                        step.products().stream().mapToDouble(p -> p[0] * p[1]).sum();
                assertEquals(s[1] * s[1] * s[1], step.products().size());
                assertEquals(step.value(), sum, 1e-9, "step " + i + " of " + Arrays.toString(s));
            }
        }
        vm.paddingProperty().set(0);
        vm.inputProperty().set(3);
        vm.kernelProperty().set(5);
        assertFalse(vm.resultProperty().get().ok(), "a kernel larger than the volume says why");
        assertEquals(0, vm.stepper().count());
    }
}
