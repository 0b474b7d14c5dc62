package org.kernellab.ui.featuremaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.Tensor;
import org.kernellab.model.Network;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Side;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.task.DirectTaskRunner;

/** The feature-map grid's state with the shipped pretrained CNN, without a window. */
class FeatureMapsViewModelTest {
    Workbench bench;
    FeatureMapsViewModel vm;

    @BeforeEach
    void setUp() {
        bench = new Workbench(new I18n(), new DirectTaskRunner());
        vm = new FeatureMapsViewModel(bench);
        bench.useFolder(Path.of("assets/fashion-mnist"));
        assertNull(vm.leftProperty().get(), "no network yet");
        bench.usePretrained(false);
    }

    @Test
    void everyFilterGivesAMapAtEveryStage() {
        Side boot = vm.leftProperty().get();
        assertEquals(23, boot.index());
        assertEquals(9, boot.label(), "test image 23 is an ankle boot");
        assertTrue(
                List.of(5, 7, 9).contains(boot.predicted()),
                "the pretrained CNN sees footwear (sandal, sneaker or boot)");
        assertEquals(2, boot.maps().blocks().size());
        assertEquals(32, boot.maps().blocks().get(0).filters());
        assertEquals(26, boot.map(0, 0, Stage.CONV).length);
        assertEquals(13, boot.map(0, 0, Stage.POOL).length);
        assertEquals(11, boot.map(1, 31, Stage.RELU).length);
        assertEquals(5, boot.map(1, 31, Stage.POOL).length);
        boolean negative = false;
        for (int f = 0; f < 32; f++) {
            for (double[] row : boot.map(0, f, Stage.CONV)) for (double v : row) negative |= v < 0;
            for (double[] row : boot.map(0, f, Stage.RELU))
                for (double v : row) assertTrue(v >= 0, "ReLU leaves no negatives");
        }
        assertTrue(negative, "before ReLU some responses are negative");
    }

    @Test
    void aNetOpenedFromPyTorchReadsThePicturesNormalizedWhenTheStudentSaysSo() throws Exception {
        bench.loadModel(Path.of(
                getClass().getResource("/org/kernellab/model/pytorch/cnn.pt").toURI()));
        assertEquals("maps.sourceFile", bench.sourceProperty().get().key());
        double[][] plain = vm.leftProperty().get().map(0, 0, Stage.CONV);
        bench.normalize(true);
        assertEquals("maps.sourceFileNormalized", bench.sourceProperty().get().key());
        double[][] normalized = vm.leftProperty().get().map(0, 0, Stage.CONV);
        // a convolution of (x - 0.5) / 0.5 is twice the one of x, less the weights' sum, less the bias once
        Network.Tensor32 w = bench.networkProperty().get().pytorchParameters().get(0),
                b = bench.networkProperty().get().pytorchParameters().get(1);
        double sum = 0;
        for (int k = 0; k < 9; k++) sum += w.values()[k];
        int compared = 0;
        for (int y = 0; y < plain.length; y++)
            for (int x = 0; x < plain[y].length; x++) {
                assertEquals(2 * plain[y][x] - sum - b.values()[0], normalized[y][x], 1e-4);
                compared++;
            }
        assertEquals(26 * 26, compared);
        bench.normalize(false);
        assertEquals(plain[3][4], vm.leftProperty().get().map(0, 0, Stage.CONV)[3][4], 0.0);
    }

    @Test
    void twoImagesSideBySide() {
        assertNull(vm.rightProperty().get());
        vm.compareProperty().set(true);
        assertEquals(28, vm.rightProperty().get().index());
        assertEquals(9, vm.rightProperty().get().label(), "28 is the other ankle boot");
        vm.otherIndexProperty().set(26);
        assertEquals(6, vm.rightProperty().get().label(), "26 is a shirt, not a shoe");
        vm.indexProperty().set(100_000);
        assertEquals(
                bench.dataProperty().get().test().size() - 1,
                vm.leftProperty().get().index(),
                "numbers past the end stop at the last image");
    }

    @Test
    void aPictureWithALightBackgroundIsInvertedLikeFashionMnist() {
        double[] paper = new double[60 * 40];
        Arrays.fill(paper, 1.0);
        for (int r = 15; r < 45; r++) for (int c = 10; c < 30; c++) paper[r * 40 + c] = 0.1; // a dark shape on white
        vm.usePicture(new Tensor(new int[] {60, 40}, paper), "drawing.png", null);
        Side s = vm.leftProperty().get();
        assertEquals("drawing.png", s.file());
        assertTrue(s.inverted());
        assertEquals(0.0, s.image()[0][0], 1e-9, "the white border became black");
        assertNotNull(s.maps());
        vm.indexProperty().set(5);
        assertNull(vm.leftProperty().get().file(), "picking a test image leaves the picture");
    }
}
