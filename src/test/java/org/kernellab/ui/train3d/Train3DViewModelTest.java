package org.kernellab.ui.train3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kernellab.compute.ComputeException;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.ui.task.DirectTaskRunner;

/** The 3D lab without a window: a run loads, trains, ends with its results; its mistakes open in the viewer. */
class Train3DViewModelTest {
    @Test void aRunTrainsAndEndsWithItsConfusionMatrixAndMistakes() {
        Train3DViewModel vm = new Train3DViewModel(new DirectTaskRunner(), Runnable::run, null);
        vm.classes.set(3);
        vm.epochs.set(2);
        assertEquals(14, vm.layers().size(), "3 × (conv, ReLU, pool), flatten, linear, ReLU, dropout, linear");
        Train3DViewModel.Run run = vm.train();
        assertEquals(Train3DViewModel.Status.DONE, run.statusProperty().get(), String.valueOf(run.problem()));
        assertNull(vm.currentProperty().get());
        assertSame(run, vm.shownProperty().get());
        assertEquals(2, run.accuracy().size(), "one point per epoch");
        assertTrue(run.loss().size() >= 2);
        var e = run.evaluationProperty().get();
        assertEquals(3, e.confusion().length);
        assertEquals(3 * ModelNetData.BUILT_IN_TEST, java.util.Arrays.stream(e.confusion()).flatMapToInt(java.util.Arrays::stream).sum());
        var mistakes = vm.mistakes(10);
        for (int i = 1; i < mistakes.size(); i++) assertTrue(mistakes.get(i - 1).confidence() >= mistakes.get(i).confidence(), "surest first");
        for (var m : mistakes) assertTrue(m.actual() != m.predicted());
        var params = Train3DViewModel.viewerParams(run, 5);
        assertEquals(0, params.get("class"), "test object 5 is of the first class");
        assertEquals(ModelNetData.BUILT_IN_TRAIN + 5, params.get("index"));
        vm.net.set(Train3DViewModel.Net.MODIFIED);
        assertTrue(vm.layers().stream().anyMatch(l -> java.util.Arrays.equals(l.shape(), new int[] {32, 128, 4, 4, 4})), "the exercise's features");
        vm.lr.set("fast");
        assertEquals("train.badLrText", assertThrows(ComputeException.class, vm::train).problem().key());
        assertNotNull(run.data());
    }
}
