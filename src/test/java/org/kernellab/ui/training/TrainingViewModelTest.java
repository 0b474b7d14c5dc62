package org.kernellab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.model.NetSpec;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Workbench;
import org.kernellab.ui.task.DirectTaskRunner;
import org.kernellab.ui.training.Run.Status;

/** The training lab without a window: work runs in place, on the built-in subset. */
class TrainingViewModelTest {
    Workbench bench;
    TrainingViewModel vm;

    @BeforeEach void setUp() {
        DirectTaskRunner tasks = new DirectTaskRunner();
        bench = new Workbench(new I18n(), tasks);
        bench.useFolder(Path.of("assets/fashion-mnist"));
        vm = new TrainingViewModel(tasks, Runnable::run, new I18n(), bench);
        vm.limit.set(2000);
        vm.epochs.set(1);
    }

    @Test void theLayerTableFollowsTheEditor() {
        assertEquals(55_098, vm.summary().parameters(), "the demo CNN: 16 filters, 2 blocks");
        assertEquals("16×26×26", vm.summary().layers().get(0).shapeText());
        vm.filters.set(32);
        assertEquals(113_386, vm.summary().parameters(), "the course's CNN");
        assertEquals("800", vm.summary().layers().get(6).shapeText(), "flatten gives 800 features, as in the course");
        vm.blocks.set(1);
        assertEquals("5408", vm.summary().layers().get(3).shapeText());
        vm.blocks.set(3);
        assertEquals("32×1×1", vm.summary().layers().get(8).shapeText());
        vm.kind.set(NetSpec.Kind.MLP);
        assertEquals(59_850, vm.summary().parameters());
        vm.lr.set("fast");
        assertFalse(vm.summary().ok());
        assertEquals("train.badLrText", vm.summary().problem().key());
        vm.train();
        assertTrue(vm.runs().isEmpty(), "a run with an unreadable learning rate is not started");
        assertEquals("train.badLrText", vm.noticeProperty().get().key());
    }

    @Test void aRunDrawsItsCurvesAndEndsWithAConfusionMatrixAndANetForTheFeatureMaps() {
        vm.train();
        Run run = vm.runs().get(0);
        assertEquals(Status.DONE, run.statusProperty().get());
        assertFalse(run.loss().isEmpty(), "loss points");
        assertEquals(1, run.testAccuracy().size());
        assertEquals(1, run.trainAccuracy().size());
        int[][] confusion = run.evaluationProperty().get().confusion();
        assertEquals(bench.dataProperty().get().test().size(), Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum());
        assertTrue(run.evaluationProperty().get().accuracy() > 0.6, "2,000 images are enough to beat guessing by far");
        assertSame(run, vm.selectedProperty().get());
        assertSame(run.network(), bench.networkProperty().get(), "the feature maps show the net just trained");
        assertNull(vm.currentProperty().get());
    }

    @Test void compareTrainsTheMlpThenTheCnnWithTheSameSettings() {
        vm.compare();
        assertEquals(2, vm.runs().size());
        assertEquals(NetSpec.Kind.MLP, vm.runs().get(0).spec().kind());
        assertEquals(NetSpec.Kind.CNN, vm.runs().get(1).spec().kind());
        assertEquals(vm.runs().get(0).spec().lr(), vm.runs().get(1).spec().lr());
        for (Run r : vm.runs()) assertEquals(Status.DONE, r.statusProperty().get());
        assertEquals("#1 MLP", vm.runs().get(0).name());
        assertEquals("#2 CNN 16×2", vm.runs().get(1).name());
    }

    @Test void aDivergingRunStopsWithAMessageAndTheLabCarriesOn() {
        vm.kind.set(NetSpec.Kind.MLP);
        vm.optimizer.set(NetSpec.Optimizer.SGD);
        vm.lr.set("9");
        vm.train();
        Run wild = vm.runs().get(0);
        assertEquals(Status.FAILED, wild.statusProperty().get());
        assertEquals("train.diverged", wild.problem().key());
        vm.lr.set("0.1");
        vm.train();
        assertEquals(Status.DONE, vm.runs().get(1).statusProperty().get());
    }

    @Test void aSavedModelLoadsBackAsARunAndADamagedFileIsReported(@TempDir Path dir) throws Exception {
        vm.train();
        Run trained = vm.runs().get(0);
        Path file = dir.resolve("mine.model");
        vm.save(file);
        assertEquals("train.saved", vm.noticeProperty().get().key());
        vm.load(file);
        Run loaded = vm.runs().get(1);
        assertEquals("#2 mine.model", loaded.name());
        assertEquals(trained.evaluationProperty().get().accuracy(), loaded.evaluationProperty().get().accuracy(), 1e-12);
        assertSame(loaded, vm.selectedProperty().get());

        Path junk = dir.resolve("junk.model");
        Files.write(junk, new byte[] {1, 2, 3});
        vm.load(junk);
        assertEquals("model.cut", vm.noticeProperty().get().key());
        assertTrue(vm.noticeProperty().get().args().get(0).toString().contains("junk.model"));
        assertEquals(2, vm.runs().size());
    }

    @Test void theCoursesComparisonUsesTheNotebooksSettings() {
        vm.limit.set(64);
        vm.courseComparison();
        NetSpec mlp = vm.runs().get(0).spec(), cnn = vm.runs().get(1).spec();
        assertEquals(NetSpec.Optimizer.SGD, mlp.optimizer());
        assertEquals(1e-3, mlp.lr());
        assertEquals(256, mlp.batch(), "the notebook's loader batches 256, whatever its batch_size variable says");
        assertEquals(NetSpec.Optimizer.ADAM, cnn.optimizer());
        assertEquals(1e-4, cnn.lr());
        assertEquals(256, cnn.batch());
        assertEquals(32, cnn.filters());
        assertNotNull(vm.runs().get(1).evaluationProperty().get());
    }

    /** Dropout placement and augmentation reach the run; the MLP keeps its dropout before the classifier. */
    @Test void dropoutPlacementAndAugmentationGoWithTheRun() {
        vm.dropoutOn.set(true);
        vm.dropout.set(0.5);
        vm.dropoutAt.set(NetSpec.DropoutAt.BOTH);
        vm.augment.set(true);
        vm.limit.set(300);
        assertEquals(3, vm.summary().layers().stream().filter(l -> l.pytorch().startsWith("nn.Dropout")).count(),
                "a dropout after each of the 2 blocks and one before the classifier");
        vm.train();
        Run run = vm.runs().get(0);
        assertEquals(Status.DONE, run.statusProperty().get());
        assertEquals(NetSpec.DropoutAt.BOTH, run.spec().dropoutAt());
        assertTrue(run.augmented());
        assertFalse(Double.isNaN(run.gap()));
        assertEquals(1, run.testLoss().size(), "a test loss per epoch");
        vm.kind.set(NetSpec.Kind.MLP);
        vm.train();
        assertEquals(NetSpec.DropoutAt.HIDDEN, vm.runs().get(1).spec().dropoutAt());
    }

    /** The experiment queues the lesson's three runs: 1,000 images for 40 epochs, plain, with dropout, augmented. */
    @Test void theOverfittingExperimentQueuesItsThreeRuns() {
        org.kernellab.ui.task.TaskRunner never = new org.kernellab.ui.task.TaskRunner() { // queued runs stay queued
            @Override public <T> Handle run(String title, org.kernellab.ui.task.Work<T> work, java.util.function.Consumer<T> ok,
                                            java.util.function.Consumer<Throwable> fail) {
                return new Handle() {
                    @Override public void cancel() {}

                    @Override public boolean isDone() { return false; }
                };
            }
        };
        TrainingViewModel idle = new TrainingViewModel(never, Runnable::run, new I18n(), bench);
        idle.overfittingExperiment();
        assertEquals(3, idle.runs().size());
        for (Run r : idle.runs()) {
            assertEquals(TrainingViewModel.OVERFIT_IMAGES, r.limit());
            assertEquals(TrainingViewModel.OVERFIT_EPOCHS, r.spec().epochs());
            assertEquals(32, r.spec().filters());
        }
        assertEquals(0.5, idle.runs().get(1).spec().dropout());
        assertTrue(idle.runs().get(2).augmented());
        assertFalse(idle.runs().get(0).augmented() || idle.runs().get(0).spec().dropout() > 0);
    }
}
