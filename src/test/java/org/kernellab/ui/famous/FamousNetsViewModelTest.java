package org.kernellab.ui.famous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kernellab.compute.ComputeException;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Net;
import org.kernellab.ui.famous.FamousNetsViewModel.Choice;

/** The famous networks' view-model without a window: what each choice shows and what the sliders change. */
class FamousNetsViewModelTest {
    static final Net ONE_BLOCK = CourseNets.cnn(32, 1, 0, CourseNets.DropoutAt.HIDDEN);

    FamousNetsViewModel vm() {
        return new FamousNetsViewModel(new FamousNetsViewModel.Labs() {
            @Override
            public Net edited(boolean threeD) {
                if (threeD) throw new ComputeException("train.badLrText", "abc");
                return ONE_BLOCK;
            }

            @Override
            public Net chosenRun(boolean threeD) {
                if (threeD) throw new ComputeException("famous.noRun");
                return CourseNets.mlp(0);
            }
        });
    }

    @Test
    void alexNetByDefaultWithTheDenseLayersWeightiest() {
        FamousNetsViewModel vm = vm();
        FamousNetsViewModel.Table t = vm.table();
        assertNull(t.problem());
        assertEquals(61_100_840, t.totals().parameters());
        assertArrayEquals(new int[] {1, 3, 224, 224}, t.input());
        FamousNetsViewModel.Row biggest = t.rows().stream()
                .filter(r -> r.parameterShare() == 1)
                .findFirst()
                .orElseThrow();
        assertEquals("nn.Linear(9216, 4096)", biggest.pytorch());
        FamousNetsViewModel.Row busiest =
                t.rows().stream().filter(r -> r.macShare() == 1).findFirst().orElseThrow();
        assertEquals("nn.Conv2d(64, 192, kernel_size=5, padding=2)", busiest.pytorch());
        // conv + ReLU share a block of the strip: the shape only changes where a layer changes it
        assertArrayEquals(new int[] {3, 224, 224}, t.blocks().get(0).shape());
        assertEquals(2, t.blocks().get(1).layers());
        assertArrayEquals(
                new int[] {1000}, t.blocks().get(t.blocks().size() - 1).shape());
    }

    @Test
    void choosingANetTakesItsPictureSizeAndTheSliderResizesIt() {
        FamousNetsViewModel vm = vm();
        vm.netProperty().set(Choice.COURSE_CNN);
        assertEquals(28, vm.sideProperty().get());
        assertEquals(113_386, vm.table().totals().parameters());
        vm.sideProperty().set(32); // a larger picture: the dense layer takes 32·6·6 features
        assertEquals(32L * 6 * 6 * 128 + 128, vm.table().rows().get(7).parameters());
        vm.netProperty().set(Choice.CONV3DNET);
        assertEquals(24, vm.sideProperty().get());
        assertTrue(vm.threeD());
        assertEquals(FamousNetsViewModel.MAX_SIDE_3D, vm.maxSide());
        vm.netProperty().set(Choice.LAB);
        assertEquals(693_962, vm.table().totals().parameters(), "one block of 32 filters, lesson 12's figure");
    }

    @Test
    void aPictureTooSmallOrALabNetThatCannotBeReadIsSaid() {
        FamousNetsViewModel vm = vm();
        vm.sideProperty().set(32);
        assertNotNull(vm.table().problem());
        assertTrue(vm.table().rows().isEmpty());
        assertTrue(
                vm.table().problem().english().contains("layer 13"),
                vm.table().problem().english());
        vm.netProperty().set(Choice.LAB_3D);
        assertEquals("train.badLrText", vm.table().problem().key());
        vm.netProperty().set(Choice.LAB_3D_RUN);
        assertEquals("famous.noRun", vm.table().problem().key());
        assertTrue(vm.threeD());
    }

    @Test
    void theRunChosenInALabIsReadLayerByLayer() {
        FamousNetsViewModel vm = vm();
        vm.netProperty().set(Choice.LAB_RUN);
        assertEquals(28, vm.sideProperty().get());
        assertEquals(
                784L * 64 + 64 + 64 * 128 + 128 + 128 * 10 + 10,
                vm.table().totals().parameters());
        assertEquals("nn.Linear(784, 64)", vm.table().rows().get(1).pytorch());
    }

    @Test
    void theSlidesDenseLayerAgainstAConvolution() {
        FamousNetsViewModel vm = vm();
        FamousNetsViewModel.Comparison c = vm.comparison();
        assertEquals(3_000_000_000L, c.denseWeights());
        assertEquals(1_728, c.convWeights());
        assertArrayEquals(new int[] {1, 64, 1000, 1000}, c.conv().shape());
        vm.imageProperty().set(28);
        vm.channelsProperty().set(1);
        vm.unitsProperty().set(128);
        assertEquals(784L * 128, vm.comparison().denseWeights());
        vm.kernelProperty().set(5);
        assertEquals(64 * 25, vm.comparison().convWeights());
    }
}
