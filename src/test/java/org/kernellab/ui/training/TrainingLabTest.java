package org.kernellab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.Network;
import org.kernellab.model.PickleBytes;
import org.kernellab.model.PickleBytes.Stored;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.task.DirectTaskRunner;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.task.Work;

/** The training lab without a window: work runs in place, on the built-in subset. */
class TrainingLabTest {
    Workbench bench;
    TrainingLab lab;
    LabViewModel vm;

    @BeforeEach
    void setUp() {
        DirectTaskRunner tasks = new DirectTaskRunner();
        bench = new Workbench(new I18n(), tasks);
        vm = new LabViewModel(new PictureData(bench), tasks, Runnable::run, new I18n(), () -> 1);
        lab = new TrainingLab(vm, bench);
        vm.limitProperty().set(2000);
        vm.epochsProperty().set(1);
    }

    @Test
    void theLayerTableFollowsTheEditor() {
        assertEquals(55_098, vm.editor().table().parameters(), "the demo CNN: 16 filters, 2 blocks");
        assertArrayEquals(
                new int[] {1, 16, 26, 26}, vm.editor().table().rows().get(0).shape());
        vm.editor().layers().get(0).out().set(32);
        vm.editor().layers().get(3).out().set(32);
        assertEquals(
                113_386, vm.editor().table().parameters(), "the course's CNN, by changing both convolutions' filters");
        assertEquals(CourseNets.cnn(), vm.editor().net());
        vm.editor().remove(5); // the second pooling: the flatten now gets 32·11·11 features
        assertEquals(
                "[1, 3872]", Arrays.toString(vm.editor().table().rows().get(5).shape()));
        vm.editor().add("Conv", 0); // a convolution of 16 filters before the first: 28 → 26 → 24
        assertArrayEquals(
                new int[] {1, 32, 24, 24}, vm.editor().table().rows().get(1).shape());
        vm.editor().move(0, 1);
        assertTrue(vm.editor().layers().get(1).kind().equals("Conv"));
        vm.editor().set(CourseNets.mlp(0));
        assertEquals(59_850, vm.editor().table().parameters());
        vm.lrProperty().set("fast");
        vm.train();
        assertTrue(vm.runs().isEmpty(), "a run with an unreadable learning rate is not started");
        assertEquals("train.badLrText", vm.noticeProperty().get().key());
    }

    @Test
    void aNetThatDoesNotFitItsInputSaysWhichLayerAndIsNotStarted() {
        for (int i = 0; i < 3; i++)
            vm.editor().add("MaxPool", 0); // 28 → 14 → 7 → 3, then the 3×3 convolution leaves 1×1 …
        vm.editor().add("MaxPool", 0); // … and a fourth pooling leaves 1×1 before it: no room for a 3×3 kernel
        assertFalse(vm.editor().table().ok());
        assertTrue(
                vm.editor().table().problem().english().startsWith("layer 5 (conv"),
                vm.editor().table().problem().english());
        vm.train();
        assertTrue(vm.runs().isEmpty());
        assertNotNull(vm.noticeProperty().get());
    }

    @Test
    void aRunDrawsItsCurvesAndEndsWithAConfusionMatrixAndANetForTheFeatureMaps() {
        vm.train();
        Run run = vm.runs().get(0);
        assertEquals(Run.Status.DONE, run.statusProperty().get());
        assertFalse(run.loss().isEmpty(), "loss points");
        assertEquals(1, run.testAccuracy().size());
        assertEquals(1, run.trainAccuracy().size());
        int[][] confusion = run.evaluationProperty().get().confusion();
        assertEquals(
                bench.dataProperty().get().test().size(),
                Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum());
        assertTrue(run.evaluationProperty().get().accuracy() > 0.6, "2,000 images are enough to beat guessing by far");
        assertSame(run, vm.selectedProperty().get());
        assertSame(run.network(), bench.networkProperty().get(), "the feature maps show the net just trained");
        assertNull(vm.currentProperty().get());
        int[] wrong = vm.mistakes(10);
        for (int i = 0; i < wrong.length; i++) {
            assertTrue(run.evaluationProperty().get().predicted()[wrong[i]]
                    != run.data().test().label(wrong[i]));
            if (i > 0)
                assertTrue(run.evaluationProperty().get().confidence()[wrong[i - 1]]
                        >= run.evaluationProperty().get().confidence()[wrong[i]]);
        }
    }

    @Test
    void aNetWithBatchNormAStride2ConvolutionAndAveragePoolingTrainsInTheLab() {
        vm.editor().set(PictureData.normNet());
        vm.train();
        Run run = vm.runs().get(0);
        assertEquals(Run.Status.DONE, run.statusProperty().get(), String.valueOf(run.problem()));
        assertTrue(
                run.evaluationProperty().get().accuracy() > 0.6,
                "accuracy " + run.evaluationProperty().get().accuracy());
        assertEquals("#1 CNN 16×1 + BN", run.name());
    }

    @Test
    void aRunIsTrainedFurtherFromItsWeightsWithTheEditedSettings() {
        vm.train();
        Run first = vm.runs().get(0);
        double trained = first.evaluationProperty().get().accuracy();
        // at a learning rate of 1e-9 the weights stay where they were: the accuracy is the first run's, not a fresh
        // net's
        vm.optimizerProperty().set(Training.Optimizer.SGD);
        vm.lrProperty().set("1e-9");
        vm.trainFurther();
        Run further = vm.runs().get(1);
        assertEquals(Run.Status.DONE, further.statusProperty().get(), String.valueOf(further.problem()));
        assertEquals("#2 CNN 16×2 ← #1", further.name());
        assertEquals(first.net(), further.net());
        assertEquals(Training.Optimizer.SGD, further.training().optimizer());
        assertEquals(trained, further.evaluationProperty().get().accuracy(), 0.005);
        assertSame(further, vm.selectedProperty().get());
        vm.train(); // the same settings from fresh weights learn nothing
        double fresh = vm.runs().get(2).evaluationProperty().get().accuracy();
        assertTrue(fresh < trained - 0.3, "fresh " + fresh + ", trained " + trained);
        // the further run trains on with the usual rate as any other
        vm.selectedProperty().set(further);
        vm.optimizerProperty().set(Training.Optimizer.ADAM);
        vm.lrProperty().set("0.002");
        vm.trainFurther();
        assertEquals("#4 CNN 16×2 ← #2", vm.runs().get(3).name());
        double second = vm.runs().get(3).evaluationProperty().get().accuracy();
        assertTrue(second > trained, "a second epoch: " + second + ", after the first " + trained);
    }

    @Test
    void compareTrainsTheMlpThenTheCnnWithTheSameSettings() {
        lab.compare();
        assertEquals(2, vm.runs().size());
        assertEquals(CourseNets.mlp(0), vm.runs().get(0).net());
        assertTrue(vm.runs().get(1).net().layers().stream().anyMatch(l -> l instanceof Layer.Conv));
        assertEquals(vm.runs().get(0).training(), vm.runs().get(1).training());
        for (Run r : vm.runs()) assertEquals(Run.Status.DONE, r.statusProperty().get());
        assertEquals("#1 MLP", vm.runs().get(0).name());
        assertEquals("#2 CNN 16×2", vm.runs().get(1).name());
    }

    @Test
    void aDivergingRunStopsWithAMessageAndTheLabCarriesOn() {
        vm.editor().set(CourseNets.mlp(0));
        vm.optimizerProperty().set(Training.Optimizer.SGD);
        vm.lrProperty().set("9");
        vm.train();
        Run wild = vm.runs().get(0);
        assertEquals(Run.Status.FAILED, wild.statusProperty().get());
        assertEquals("train.diverged", wild.problem().key());
        vm.lrProperty().set("0.1");
        vm.train();
        assertEquals(Run.Status.DONE, vm.runs().get(1).statusProperty().get());
    }

    @Test
    void aSavedModelLoadsBackAsARunAndADamagedFileIsReported(@TempDir Path dir) throws Exception {
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
        assertSame(loaded, vm.selectedProperty().get());
        // the same weights as PyTorch saves them, keys as an nn.Sequential of the net names them: a run of its own
        Map<String, Stored> dict = new LinkedHashMap<>();
        for (Network.Tensor32 t : trained.network().pytorchParameters())
            dict.put(
                    t.name(),
                    Stored.of(
                            t.values(), Arrays.stream(t.shape()).asLongStream().toArray()));
        Path pt = PickleBytes.zip(dir.resolve("mine.pt"), PickleBytes.stateDict(dict), dict);
        vm.load(pt, r -> {});
        Run fromTorch = vm.runs().get(2);
        assertEquals("#3 mine.pt", fromTorch.name());
        assertEquals(trained.net().resolved(), fromTorch.net().resolved());
        assertEquals(
                trained.evaluationProperty().get().accuracy(),
                fromTorch.evaluationProperty().get().accuracy(),
                1e-12);
        // exported to PyTorch: the project's weights (net.json beside them) open back as the same net, scoring the same
        Path project = dir.resolve("to-pytorch");
        vm.selectedProperty().set(trained);
        vm.exportPyTorch(project);
        assertEquals("train.exported", vm.noticeProperty().get().key());
        for (String f : new String[] {"model.py", "check.py", "train.py", "README.md", "weights.safetensors"})
            assertTrue(Files.isRegularFile(project.resolve(f)), f);
        Path onnx = dir.resolve("mine.onnx");
        vm.exportOnnx(onnx);
        assertEquals("train.exportedOnnx", vm.noticeProperty().get().key());
        assertTrue(Files.size(onnx) > 4 * trained.network().parameters(), "the weights are in the ONNX file");
        vm.load(project.resolve("weights.pt"), r -> {});
        assertEquals(
                trained.evaluationProperty().get().accuracy(),
                vm.runs().get(3).evaluationProperty().get().accuracy(),
                1e-12);
        Path junk = Files.write(dir.resolve("junk.model"), new byte[] {1, 2, 3});
        vm.load(junk, r -> {});
        assertEquals("model.cut", vm.noticeProperty().get().key());
        assertTrue(vm.noticeProperty().get().args().get(0).toString().contains("junk.model"));
        assertEquals(4, vm.runs().size());
    }

    @Test
    void theCoursesComparisonUsesTheNotebooksSettings() {
        vm.limitProperty().set(64);
        lab.courseComparison();
        Training mlp = vm.runs().get(0).training(), cnn = vm.runs().get(1).training();
        assertEquals(Training.Optimizer.SGD, mlp.optimizer());
        assertEquals(1e-3, mlp.lr());
        assertEquals(256, mlp.batch(), "the notebook's loader batches 256, whatever its batch_size variable says");
        assertEquals(Training.Optimizer.ADAM, cnn.optimizer());
        assertEquals(1e-4, cnn.lr());
        assertEquals(CourseNets.cnn(), vm.runs().get(1).net());
        assertEquals(5, vm.runs().get(1).notebook().size(), "the notebook's printed accuracies, to compare");
        assertNotNull(vm.runs().get(1).evaluationProperty().get());
    }

    /** The experiment queues the lesson's three runs: 1,000 images for 40 epochs, plain, with dropout, augmented. */
    @Test
    void theOverfittingExperimentQueuesItsThreeRuns() {
        TaskRunner never = new TaskRunner() { // queued runs stay queued
                    @Override
                    public Executor quiet() {
                        return Runnable::run;
                    }

                    @Override
                    public <T> Handle run(String title, Work<T> work, Consumer<T> ok, Consumer<Throwable> fail) {
                        return new Handle() {
                            @Override
                            public void cancel() {}

                            @Override
                            public boolean isDone() {
                                return false;
                            }
                        };
                    }
                };
        LabViewModel idle = new LabViewModel(new PictureData(bench), never, Runnable::run, new I18n(), () -> 1);
        new TrainingLab(idle, bench).overfittingExperiment();
        assertEquals(3, idle.runs().size());
        for (Run r : idle.runs()) {
            assertEquals(TrainingLab.OVERFIT_IMAGES, r.feed().limit());
            assertEquals(TrainingLab.OVERFIT_EPOCHS, r.training().epochs());
        }
        assertEquals(
                CourseNets.cnn(32, 2, 0.5, CourseNets.DropoutAt.HIDDEN),
                idle.runs().get(1).net());
        assertNotNull(idle.runs().get(2).feed().augment());
        assertNull(idle.runs().get(0).feed().augment());
    }
}
