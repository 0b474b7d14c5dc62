package org.kernellab.ui.featuremaps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.Tensor;
import org.kernellab.data.Cifar10;
import org.kernellab.lesson.LessonParams;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
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

    /**
     * A net the training lab trained on colour pictures is shown on its own test pictures, in colour: its first maps are a
     * loop's convolution of the picture's three channels, its answer the net's, its classes CIFAR-10's; a scene cannot ask
     * for it before there is one, and the next Fashion-MNIST net takes the view back.
     */
    @Test
    void theLabsNetForColourPicturesIsShownOnItsOwnPictures() {
        int n = 6, size = 3 * 32 * 32;
        byte[] px = new byte[n * size], labels = new byte[n];
        new Random(5).nextBytes(px);
        for (int i = 0; i < n; i++) labels[i] = (byte) (i + 2);
        Samples test = new Samples(px, labels, new int[] {3, 32, 32}, 1 / 255f, false);
        Network net = Network.build(
                Net.fromJson("{\"input\": [3, 32, 32], \"layers\": [{\"type\": \"Conv2d\", \"out_channels\": 4,"
                        + " \"kernel_size\": 3}, {\"type\": \"ReLU\"}, {\"type\": \"MaxPool2d\", \"kernel_size\": 2},"
                        + " {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 10}]}"),
                Training.adam(0.001, 16, 1));
        LessonParams asked = new LessonParams(Map.of("otherPictures", true));
        assertEquals(
                "scene.invalid",
                new FeatureMapsScene(asked, vm, bench, new Lifetime())
                        .fields()
                        .finish()
                        .get(0)
                        .key(),
                "no such net yet");
        bench.otherPicturesProperty()
                .set(new Workbench.OtherPictures(
                        net, new Workbench.Source("maps.sourceTrained", "run 3"), test, Cifar10.CLASSES));
        assertTrue(vm.otherPicturesProperty().get(), "the newest net is the one shown");
        assertTrue(new FeatureMapsViewModel(bench).otherPicturesProperty().get(), "by a page opened after it too");
        Workbench fresh = new Workbench(new I18n(), new DirectTaskRunner());
        fresh.otherPicturesProperty().set(bench.otherPicturesProperty().get());
        fresh.usePretrained(false); // what the feature maps load when no Fashion-MNIST net is there: not newer
        assertTrue(fresh.otherPicturesNewest());
        assertTrue(new FeatureMapsViewModel(fresh).otherPicturesProperty().get());
        assertEquals(n, vm.testCount());
        vm.indexProperty().set(4);
        Side s = vm.leftProperty().get();
        assertTrue(s.colour());
        assertEquals(6, s.label());
        assertEquals(Cifar10.CLASSES, s.classes());
        assertArrayEquals(net.predict(test, new int[] {4}, 0, 1), s.maps().probabilities(), 1e-6f);
        assertEquals(4 * 30 * 30, loopedMaps(net, s));

        bench.usePretrained(true);
        assertFalse(vm.otherPicturesProperty().get(), "a Fashion-MNIST net set after it is shown");
        assertArrayEquals(new int[] {1, 28, 28}, vm.leftProperty().get().shape());
        assertTrue(new FeatureMapsScene(asked, vm, bench, new Lifetime())
                .fields()
                .finish()
                .isEmpty());
        assertTrue(vm.otherPicturesProperty().get(), "a scene brings it back");
    }

    /** A net file that fails to open while the colour net is shown takes the view to the net it was to replace. */
    @Test
    void aNetFileThatFailsToOpenShowsTheFashionNetItWasFor(@TempDir Path dir) throws Exception {
        Network net = Network.build(
                Net.fromJson(
                        "{\"input\": [3, 32, 32], \"layers\": [{\"type\": \"Conv2d\", \"out_channels\": 2,"
                                + " \"kernel_size\": 3}, {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 2}]}"),
                Training.adam(0.001, 16, 1));
        Samples test = new Samples(new byte[3072], new byte[1], new int[] {3, 32, 32}, 1 / 255f, false);
        bench.otherPicturesProperty()
                .set(new Workbench.OtherPictures(
                        net, new Workbench.Source("maps.sourceTrained", "#2"), test, List.of("a", "b")));
        assertTrue(vm.otherPicturesProperty().get());
        Path broken = Files.writeString(dir.resolve("broken.model"), "not a model");
        bench.loadModel(broken);
        assertNotNull(bench.modelProblemProperty().get());
        assertFalse(vm.otherPicturesProperty().get(), "the Fashion-MNIST net's view, where the failure is named");
        assertArrayEquals(new int[] {1, 28, 28}, vm.leftProperty().get().shape());
    }

    /** Each first-block map of a colour picture against a loop over its three channels; the values compared. */
    private static int loopedMaps(Network net, Side s) {
        int compared = 0;
        for (int f = 0; f < 4; f++) {
            double[][][] w = FeatureMaps.filter(net, 0, f);
            double[][] map = s.map(0, f, Stage.CONV), first = FeatureMaps.firstFilter(net, f);
            for (int y = 0; y < 30; y++)
                for (int x = 0; x < 30; x++) {
                    double sum = FeatureMaps.bias(net, 0, f);
                    for (int c = 0; c < 3; c++)
                        for (int ky = 0; ky < 3; ky++)
                            for (int kx = 0; kx < 3; kx++)
                                sum += w[c][ky][kx] * s.value((c * 32 + y + ky) * 32 + x + kx);
                    assertEquals(sum, map[y][x], 1e-4, "filter " + f + " at " + y + ", " + x);
                    compared++;
                }
            assertEquals(w[0][1][2] + w[1][1][2] + w[2][1][2], first[1][2], 1e-6, "the first filters summed");
        }
        return compared;
    }
}
