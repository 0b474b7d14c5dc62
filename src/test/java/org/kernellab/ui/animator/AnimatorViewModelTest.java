package org.kernellab.ui.animator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.ConvAnimation;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.Kernels;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.data.EmbeddedImages;

/** The animator's view-model without a UI. */
class AnimatorViewModelTest {
    @Test
    void everySliderCombinationGivesTheArithmeticsShapeOrAReason() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(false), new EmbeddedImages(), 1);
        int combos = 0, impossible = 0;
        for (int in = 1; in <= AnimatorViewModel.MAX_INPUT; in++) {
            for (int p = 0; p <= AnimatorViewModel.MAX_PADDING; p++) {
                for (int k = 1; k <= AnimatorViewModel.MAX_KERNEL; k++) {
                    for (int s = 1; s <= AnimatorViewModel.MAX_STRIDE; s++) {
                        for (int d = 1; d <= AnimatorViewModel.MAX_DILATION; d++) {
                            int i = in, pp = p, kk = k, ss = s, dd = d;
                            vm.inputHProperty().set(i);
                            vm.padHProperty().set(pp);
                            vm.kernelHProperty().set(kk);
                            vm.strideHProperty().set(ss);
                            vm.dilationHProperty().set(dd);
                            ConvAnimation r = vm.result();
                            int expected = Math.floorDiv(in + 2 * p - d * (k - 1) - 1, s) + 1;
                            combos++;
                            if (expected < 1) {
                                assertFalse(r.ok());
                                assertNotNull(r.problem().english());
                                assertEquals(0, vm.stepper().count());
                                impossible++;
                            } else {
                                assertTrue(r.ok(), () -> "in=" + i + " p=" + pp + " k=" + kk + " s=" + ss + " d=" + dd);
                                assertEquals(expected, r.rows().output());
                                assertEquals(expected, r.trace().outHeight());
                                assertEquals(expected * expected, vm.stepper().count());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(20 * 6 * 7 * 5 * 3, combos);
        assertTrue(impossible > 100);
    }

    @Test
    void randomCombinationsAgreeWithNd4jInEveryDisplayedCell() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(true), new EmbeddedImages(), 2);
        Random rnd = new Random(4);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            vm.separateProperty().set(rnd.nextBoolean());
            vm.inputHProperty().set(1 + rnd.nextInt(20));
            vm.inputWProperty().set(1 + rnd.nextInt(20));
            vm.padHProperty().set(rnd.nextInt(6));
            vm.padWProperty().set(rnd.nextInt(6));
            vm.kernelHProperty().set(1 + rnd.nextInt(7));
            vm.kernelWProperty().set(1 + rnd.nextInt(7));
            vm.strideHProperty().set(1 + rnd.nextInt(5));
            vm.strideWProperty().set(1 + rnd.nextInt(5));
            vm.dilationHProperty().set(1 + rnd.nextInt(3));
            vm.dilationWProperty().set(1 + rnd.nextInt(3));
            vm.biasProperty().set(rnd.nextInt(5) - 2);
            ConvAnimation r = vm.result();
            if (!r.ok()) continue;
            for (ConvTrace.Step s : r.trace().steps())
                assertEquals(r.output()[s.outRow()][s.outCol()], s.value(), 1e-9);
            checked++;
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void courseDefaultsAndPresets() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(true), new EmbeddedImages(), 3);
        assertEquals(4, vm.inputHProperty().get());
        assertEquals(5, vm.result().rows().output(), "the course's sliders: 4, padding 1, kernel 2, stride 1");
        vm.sourceProperty().set(AnimatorViewModel.Source.COURSE_1_1);
        vm.presetProperty().set(Kernels.SOBEL_X);
        vm.padHProperty().set(0);
        assertEquals(8, vm.result().output()[0][0], "exercise 1.1");
        vm.sourceProperty().set(AnimatorViewModel.Source.COURSE_1_3);
        vm.presetProperty().set(Kernels.COURSE_2X2);
        vm.strideHProperty().set(2);
        assertArrayEquals(new double[][] {{0, 0}, {0, 1}}, vm.result().output(), "exercise 1.3");
    }

    @Test
    void unevenStrideReportsNeverCoveredRowsAndColumns() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(false), new EmbeddedImages(), 5);
        vm.inputHProperty().set(6);
        vm.padHProperty().set(0);
        vm.presetProperty().set(Kernels.SOBEL_X);
        vm.strideHProperty().set(2);
        assertEquals(List.of(5), vm.coverage().uncoveredRows());
        assertEquals(List.of(5), vm.coverage().uncoveredCols());
        vm.dilationHProperty().set(2);
        vm.strideHProperty().set(2);
        vm.inputHProperty().set(5);
        // dilation 2, stride 2 on 5 cells: taps land on even cells only
        assertEquals(List.of(1, 3), vm.coverage().uncoveredRows());
    }

    @Test
    void transposedModeScattersAndMatchesNd4j() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(true), new EmbeddedImages(), 6);
        vm.modeProperty().set(AnimatorViewModel.Mode.TRANSPOSED);
        vm.inputHProperty().set(3);
        vm.strideHProperty().set(2);
        vm.padHProperty().set(1);
        vm.presetProperty().set(Kernels.SOBEL_Y);
        ConvAnimation r = vm.result();
        assertTrue(r.ok());
        assertEquals(9, vm.stepper().count(), "one step per input cell");
        assertEquals(5, r.rows().output(), "(3 − 1)·2 − 2 + 3 = 5");
        double[][] full = r.scatter().partialSum(9);
        Tensor in = vm.inputProperty().get(), k = vm.kernelProperty().get();
        Tensor nd = NdOps.convTranspose(in.reshape(1, 1, 3, 3), k.reshape(1, 1, 3, 3), null, Window.square(3, 2, 1));
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++) assertEquals(nd.get(0, 0, i, j), full[i + 1][j + 1], 1e-9);
        assertEquals("nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, bias=False)", r.pytorch());
    }

    @Test
    void editingAndResizingKeepTheStudentsNumbers() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(false), new EmbeddedImages(), 8);
        vm.editInput(0, 0, 42);
        assertEquals(AnimatorViewModel.Source.CUSTOM, vm.sourceProperty().get());
        vm.inputHProperty().set(6);
        assertEquals(42, vm.inputProperty().get().get(0, 0), "growing keeps the typed value");
        vm.editKernel(1, 1, -3);
        assertEquals(null, vm.presetProperty().get(), "an edited kernel is the student's own");
        vm.kernelHProperty().set(3);
        assertEquals(-3, vm.kernelProperty().get().get(1, 1));
        assertEquals(Shapes.conv(6, 3, 1, 1, 1).output(), vm.result().rows().output());
    }

    @Test
    void fashionMnistPatchIsFittedToTheInputSize() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(false), new EmbeddedImages(), 9);
        vm.fashionIndexProperty().set(23);
        vm.sourceProperty().set(AnimatorViewModel.Source.FASHION);
        vm.inputHProperty().set(12);
        Tensor t = vm.inputProperty().get();
        assertArrayEquals(new int[] {12, 12}, t.shape());
        double max = Arrays.stream(t.data()).max().orElse(0);
        assertTrue(max > 0.3 && max <= 1, "grey values of a real picture: " + max);
    }

    /**
     * The slides' two formulas: a true convolution turns the kernel half a turn, PyTorch's correlation does not
     * ([[23, 33], [53, 63]] against [[37, 47], [67, 77]] for 1–9 and [[1, 2], [3, 4]]); flipping Sobel x negates lesson 1.1's 8.
     */
    @Test
    void aTrueConvolutionFlipsTheKernel() {
        AnimatorViewModel vm = new AnimatorViewModel(new SimpleBooleanProperty(true), new EmbeddedImages(), 1);
        vm.configure(
                Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}),
                Tensor.of(new double[][] {{1, 2}, {3, 4}}),
                0,
                1);
        assertArrayEquals(new double[][] {{37, 47}, {67, 77}}, vm.result().output());
        vm.trueConvolutionProperty().set(true);
        assertArrayEquals(new double[][] {{23, 33}, {53, 63}}, vm.result().output());
        assertArrayEquals(
                new double[][] {{4, 3}, {2, 1}},
                vm.result().settings().applied().toMatrix(),
                "the kernel as it meets the input");
        vm.editKernel(0, 0, 10); // the flipped kernel's corner is the kernel's last cell
        assertEquals(10, vm.kernelProperty().get().get(1, 1));
        Tensor sobel = Tensor.of(new double[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}});
        vm.configure(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}), sobel, 0, 1);
        assertArrayEquals(new double[][] {{-8}}, vm.result().output());
    }
}
