package org.kernellab.ui.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Network;
import org.kernellab.model.Saliency;
import org.kernellab.model.Training;
import org.kernellab.ui.attack.AttackViewModel;
import org.kernellab.ui.attack.Curves;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.draw.DrawViewModel;
import org.kernellab.ui.saliency.SaliencyViewModel;
import org.kernellab.ui.task.DirectTaskRunner;

/**
 * The chapter on explanations without a window: the maps follow the settings, a net without convolutions is told it
 * has no Grad-CAM, the sanity checks and the challenge answer, the drawing reaches the other lessons, and the curves
 * are measured.
 */
class ExplainViewModelsTest {
    private final I18n i18n = new I18n();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private Workbench bench;
    private ExplainInput input;

    @BeforeEach
    void setUp() {
        bench = new Workbench(i18n, tasks);
        input = new ExplainInput(bench);
        bench.useFolder(Path.of("assets/fashion-mnist"));
        input.start();
    }

    @Test
    void theMapFollowsMethodClassAndPicture() {
        SaliencyViewModel vm = new SaliencyViewModel(input, tasks, i18n);
        SaliencyViewModel.Result r = vm.resultProperty().get();
        assertEquals(11, r.map().shape()[0], "Grad-CAM on the course CNN's last convolution");
        assertEquals(r.map().prediction(), r.map().cls(), "the predicted class by default");
        vm.targetProperty().set(SaliencyViewModel.Target.CHOSEN);
        vm.chosenProperty().set(3);
        assertEquals(3, vm.resultProperty().get().map().cls());
        vm.allClassesProperty().set(true);
        assertEquals(10, vm.resultProperty().get().all().size());
        vm.runCascade();
        assertEquals(4, vm.sanityProperty().get().cascade().size(), "one step per learned layer");
        input.indexProperty().set(5);
        assertEquals(5, vm.resultProperty().get().picture().index());
        assertNull(vm.sanityProperty().get(), "the checks of another picture's map are gone");
        vm.allClassesProperty().set(false);
        vm.methodProperty().set(Saliency.Method.OCCLUSION);
        assertEquals(28, vm.resultProperty().get().map().shape()[0]);
        vm.dispose();
    }

    @Test
    void aNetWithoutConvolutionsHasNoGradCamButTheOtherMaps() {
        SaliencyViewModel vm = new SaliencyViewModel(input, tasks, i18n);
        bench.setNetwork(
                Network.build(CourseNets.mlp(0), Training.adam(1e-3, 8, 1)),
                new Workbench.Source("maps.sourceFile", "mlp"));
        assertNull(vm.resultProperty().get());
        assertEquals("saliency.noConvolution", vm.problemProperty().get().key());
        vm.methodProperty().set(Saliency.Method.GRADIENT);
        assertNotNull(vm.resultProperty().get());
        assertNull(vm.problemProperty().get());
        vm.dispose();
    }

    @Test
    void theChallengeIsCheckedByTheCore() {
        AttackViewModel vm = new AttackViewModel(input, new Curves(input, tasks, i18n), tasks, i18n);
        AttackViewModel.Result r = vm.resultProperty().get();
        assertTrue(r.attack().linf() <= 8 / 255.0 + 1e-6);
        vm.guessProperty().set("not a number");
        vm.check();
        assertEquals("attack.badGuess", vm.problemProperty().get().key());
        vm.guessProperty().set("0,3");
        vm.check();
        AttackViewModel.Answer a = vm.answerProperty().get();
        assertTrue(a.flips(), "ε 0.3 flips the ankle boot");
        assertTrue(a.smallest() <= 0.3);
        vm.guessProperty().set("" + (a.smallest() - 1 / 255.0));
        vm.check();
        assertFalse(vm.answerProperty().get().flips(), "one grey level less than the smallest does not");
        vm.dispose();
    }

    @Test
    void theCurvesOfTheNetInUseAndOfAnMlpTrainedHere() {
        Curves curves = new Curves(input, tasks, i18n);
        curves.limitProperty().set(200);
        curves.measureCurrent();
        curves.trainMlp();
        assertEquals(2, curves.curves().size());
        for (Curves.Curve c : curves.curves()) {
            assertEquals(Curves.EPS.length, c.values().accuracy().length);
            assertTrue(c.values().accuracy()[Curves.EPS.length - 1] < c.values().accuracy()[0], c.name());
        }
    }

    @Test
    void theDrawingReachesTheOtherLessonsAndTheNetReadsIt() {
        DrawViewModel draw = new DrawViewModel(input, tasks, i18n);
        draw.clear();
        draw.brushProperty().set(3);
        for (int y = 4; y < 24; y++) draw.paint(14, y);
        float[] d = draw.drawingProperty().get();
        assertEquals(1, d[10 * 28 + 14], 1e-6, "ink under the stroke");
        assertEquals(0, d[10 * 28 + 2], 1e-6, "none far from it");
        assertEquals(32, draw.seenProperty().get().shape()[0], "the first convolution's maps");
        input.useDrawingProperty().set(true);
        assertTrue(input.pictureProperty().get().drawn());
        assertEquals(d[10 * 28 + 14], input.pictureProperty().get().values()[10 * 28 + 14]);
        draw.eraserProperty().set(true);
        draw.paint(14, 10);
        assertEquals(0, draw.drawingProperty().get()[10 * 28 + 14], 1e-6, "rubbed out");
        draw.goalProperty().set(DrawViewModel.Goal.FIRST_CONV);
        draw.unitProperty().set(5);
        draw.ascend();
        assertEquals(3, draw.wantedProperty().get().side(), "a first-layer filter sees 3×3 pixels");
        draw.dispose();
    }
}
