package org.kernellab.ui.train3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.Problem;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.model.Net;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.lab.VoxelData;
import org.kernellab.ui.task.DirectTaskRunner;

/** The 3D lab without a window: a run loads, trains, ends with its results; its mistakes open in the viewer. */
class Lab3DTest {
    static Lab3D lab() {
        DirectTaskRunner tasks = new DirectTaskRunner();
        VoxelData data = new VoxelData(null);
        return new Lab3D(new LabViewModel(data, tasks, Runnable::run, new I18n(), () -> 1), data, tasks);
    }

    @Test
    void aRunTrainsAndEndsWithItsConfusionMatrixAndMistakes() {
        Lab3D lab = lab();
        LabViewModel vm = lab.lab();
        lab.data().classesProperty().set(3);
        vm.epochsProperty().set(2);
        assertEquals(
                14,
                vm.editor().table().rows().size(),
                "3 × (conv, ReLU, pool), flatten, linear, ReLU, dropout, linear");
        assertEquals(3, vm.editor().net().classes(), "the classifier follows the classes");
        vm.train();
        Run run = vm.runs().get(0);
        assertEquals(Run.Status.DONE, run.statusProperty().get(), String.valueOf(run.problem()));
        assertEquals("#1 Conv3DNet", run.name());
        assertNull(vm.currentProperty().get());
        assertSame(run, vm.selectedProperty().get());
        assertEquals(2, run.testAccuracy().size(), "one point per epoch");
        assertTrue(run.loss().size() >= 2);
        var e = run.evaluationProperty().get();
        assertEquals(3, e.confusion().length);
        assertEquals(
                3 * ModelNetData.BUILT_IN_TEST,
                Arrays.stream(e.confusion()).flatMapToInt(Arrays::stream).sum());
        Map<String, Object> params = run.data().viewer().apply(5);
        assertEquals(0, params.get("class"), "test object 5 is of the first class");
        assertEquals(ModelNetData.BUILT_IN_TRAIN + 5, params.get("index"));
        assertNotNull(run.network(), "kept for saving");
        vm.editor().set(vm.data().presets().get(1).net());
        assertTrue(
                vm.editor().table().rows().stream()
                        .anyMatch(l -> Arrays.equals(l.shape(), new int[] {1, 128, 4, 4, 4})),
                "the exercise's features");
    }

    @Test
    void aSavedNetLoadsBackAsARunWithTheSameResults(@TempDir Path dir) throws Exception {
        Lab3D lab = lab();
        LabViewModel vm = lab.lab();
        lab.data().classesProperty().set(2);
        vm.epochsProperty().set(1);
        vm.train();
        Run trained = vm.runs().get(0);
        Path file = dir.resolve("mine.model");
        vm.save(file);
        assertEquals("train.saved", vm.noticeProperty().get().key());
        vm.load(file, r -> {});
        Run loaded = vm.runs().get(1);
        assertEquals("#2 mine.model", loaded.name());
        assertEquals(
                trained.evaluationProperty().get().accuracy(),
                loaded.evaluationProperty().get().accuracy(),
                1e-12);
        vm.exportPyTorch(dir.resolve("to-pytorch"));
        assertEquals("train.exported", vm.noticeProperty().get().key());
        assertTrue(
                Files.size(dir.resolve("to-pytorch/voxels.pt")) > 24 * 24 * 24, "the grids go with a net of volumes");
        vm.load(Files.writeString(dir.resolve("junk.model3d"), "this is not a model at all"), r -> {});
        assertEquals("model.notModel", vm.noticeProperty().get().key());
        lab.data().classesProperty().set(3);
        vm.load(file, r -> {});
        assertEquals("lab.otherData", vm.noticeProperty().get().key(), "a net for 2 classes does not test on 3");
        assertEquals(2, vm.runs().size());
    }

    @Test
    void theExerciseAcceptsEveryNetThatReachesTheShapeNd4jComputes() {
        Lab3D lab = lab();
        LabViewModel vm = lab.lab();
        lab.checkTarget();
        assertEquals(
                "[32, 64, 1, 1, 1]",
                Arrays.toString((int[]) lab.checkedProperty().get()),
                "the course's net is not the answer");
        vm.editor().set(vm.data().presets().get(1).net());
        lab.checkTarget();
        assertTrue(Lab3D.solves(lab.checkedProperty().get()), "the course's answer");
        // another answer: padded 3³ convolutions, 24 → 24 → 12 → 12 → 6 → 4
        vm.editor()
                .set(
                        Net.fromJson(
                                "{\"input\": [1, 24, 24, 24], \"layers\": [" + conv3d(32, ", \"padding\": 1")
                                        + RELU_POOL
                                        + conv3d(64, ", \"padding\": 1") + RELU_POOL + conv3d(128, "")
                                        + "{\"type\": \"ReLU\"}, {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 4}]}"));
        lab.checkTarget();
        assertTrue(Lab3D.solves(lab.checkedProperty().get()), Arrays.toString((int[])
                lab.checkedProperty().get()));
        vm.editor().layers().get(0).kernel().set(17); // 24 → 10 → 5 → 5 → 2: no room for the last 3³ kernel
        lab.checkTarget();
        assertTrue(lab.checkedProperty().get() instanceof Problem, "a net that shrinks the grid to nothing says why");
    }

    private static final String RELU_POOL = "{\"type\": \"ReLU\"}, {\"type\": \"MaxPool3d\", \"kernel_size\": 2}, ";

    private static String conv3d(int out, String more) {
        return "{\"type\": \"Conv3d\", \"out_channels\": " + out + ", \"kernel_size\": 3" + more + "}, ";
    }
}
