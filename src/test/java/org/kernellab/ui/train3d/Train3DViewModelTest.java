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
        Run3D run = vm.train();
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
        assertNotNull(run.network(), "kept for saving");
    }

    @Test void aSavedNetLoadsBackAsARunWithTheSameResults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Train3DViewModel vm = new Train3DViewModel(new DirectTaskRunner(), Runnable::run, null);
        vm.classes.set(2);
        vm.epochs.set(1);
        Run3D trained = vm.train();
        java.nio.file.Path file = dir.resolve("mine.model3d");
        vm.save(file);
        assertEquals("train.saved", vm.noticeProperty().get().key());
        vm.load(file);
        Run3D loaded = vm.runs().get(1);
        assertEquals("#2 mine.model3d", Train3DViewModel.name(loaded));
        assertEquals(trained.evaluationProperty().get().accuracy(), loaded.evaluationProperty().get().accuracy(), 1e-12);
        assertSame(loaded, vm.shownProperty().get());
        vm.load(java.nio.file.Files.writeString(dir.resolve("junk.model3d"), "this is not a model at all"));
        assertEquals("model.not3d", vm.noticeProperty().get().key());
        assertEquals(2, vm.runs().size());
    }

    @Test void theExerciseAcceptsEveryNetThatReachesTheShapeNd4jComputes() {
        Train3DViewModel vm = new Train3DViewModel(new DirectTaskRunner(), Runnable::run, null);
        vm.checkTarget();
        assertEquals("[32, 64, 1, 1, 1]", java.util.Arrays.toString((int[]) vm.checkedProperty().get()), "the course's net is not the answer");
        vm.net.set(Train3DViewModel.Net.MODIFIED);
        vm.checkTarget();
        assertTrue(Train3DViewModel.solves(vm.checkedProperty().get()), "the course's answer");
        // another answer: padded 3³ convolutions, 24 → 24 → 12 → 12 → 6 → 4
        vm.net.set(Train3DViewModel.Net.YOURS);
        int[][] mine = {{32, 3, 1, 1, 1}, {64, 3, 1, 1, 1}, {128, 3, 1, 0, 0}};
        for (int b = 0; b < 3; b++) {
            vm.yours.get(b).out.set(mine[b][0]);
            vm.yours.get(b).kernel.set(mine[b][1]);
            vm.yours.get(b).stride.set(mine[b][2]);
            vm.yours.get(b).padding.set(mine[b][3]);
            vm.yours.get(b).pool.set(mine[b][4] == 1);
        }
        vm.checkTarget();
        assertTrue(Train3DViewModel.solves(vm.checkedProperty().get()), java.util.Arrays.toString((int[]) vm.checkedProperty().get()));
        vm.yours.get(0).kernel.set(7);
        vm.yours.get(1).kernel.set(7);
        vm.yours.get(1).padding.set(0);
        vm.checkTarget();
        assertTrue(vm.checkedProperty().get() instanceof org.kernellab.compute.Problem, "a net that shrinks the grid to nothing says why");
    }
}
