package org.kernellab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;
import org.kernellab.lesson.Progress;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.dataset.DatasetPage;
import org.kernellab.ui.famous.FamousNetsPage;
import org.kernellab.ui.featuremaps.FeatureMapsPage;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.widgets.HeatMap;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Fashion-MNIST lessons in the app window: a short training run, its results, the feature maps, the data. */
@ExtendWith(ApplicationExtension.class)
class TrainingPageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    /** Fires a button of the editor, which may sit below the fold of its scroll pane (clicks land on screen positions). */
    private static void press(FxRobot robot, String id) {
        Button b = robot.lookup(id).queryAs(Button.class);
        assertFalse(b.isDisabled());
        robot.interact(b::fire);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aShortRunFillsTheChartsTheTableAndTheResults(FxRobot robot) throws Exception {
        TrainingPage page = harness.open(robot, "training-lab", TrainingPage.class);
        LabViewModel vm = page.viewModel();
        ComboBox<Integer> limit = robot.lookup("#train-limit").queryAs(ComboBox.class);
        robot.interact(() -> limit.setValue(2000));
        robot.interact(() -> vm.epochsProperty().set(1));
        assertEquals(
                "Total: 55,098 parameters",
                robot.lookup("#lab-parameters").queryAs(Label.class).getText());
        // the course's CNN: 32 filters in both convolutions, typed into the editor's spinners
        for (String spinner : new String[] {"#lab-out-0", "#lab-out-3"}) {
            Spinner<Integer> s = robot.lookup(spinner).queryAs(Spinner.class);
            robot.interact(() -> s.getValueFactory().setValue(32));
        }
        assertEquals(
                "Total: 113,386 parameters",
                robot.lookup("#lab-parameters").queryAs(Label.class).getText(),
                "the count follows the editor");

        press(robot, "#lab-start");
        AppHarness.waitFor(
                () -> vm.runs().size() == 1 && vm.runs().get(0).statusProperty().get() == Run.Status.DONE);
        assertEquals(
                Progress.Mark.ATTEMPTED,
                harness.app.ctx().progress().mark("training-lab"),
                "one architecture: tried, not done");
        LineChart<Number, Number> loss = robot.lookup("#lab-loss-chart").queryAs(LineChart.class);
        LineChart<Number, Number> accuracy = robot.lookup("#lab-accuracy-chart").queryAs(LineChart.class);
        assertFalse(loss.getData().get(0).getData().isEmpty(), "the loss curve has points");
        assertEquals(1, accuracy.getData().get(0).getData().size(), "one test accuracy per epoch");
        assertTrue(
                robot.lookup("#lab-runs .run-cell").queryAll().stream()
                        .anyMatch(c -> ((Labeled) c).getText().startsWith("#1 CNN 32×2\nAdam")),
                "the run has a row, its name over its settings");

        robot.interact(() -> harness.app.shell().select("feature-maps"));
        robot.interact(() -> harness.app.shell().select("training-lab"));
        TrainingPage again = (TrainingPage) harness.app.shell().page();
        assertSame(vm, again.viewModel(), "the lab keeps its runs while the student looks elsewhere");
        LineChart<Number, Number> redrawn = robot.lookup("#lab-loss-chart").queryAs(LineChart.class);
        assertEquals(
                loss.getData().get(0).getData().size(),
                redrawn.getData().get(0).getData().size(),
                "the curves are drawn again");
        assertEquals(113_386, vm.editor().table().parameters(), "and the editor keeps what the student set");

        resultsCountEveryTestImage(robot);
    }

    /** The results tab of the lab's first run: its confusion matrix counts every test image, its title names the run. */
    private void resultsCountEveryTestImage(FxRobot robot) throws Exception {
        robot.clickOn("#lab-tab-results");
        AppHarness.waitFor(() -> !robot.lookup("#lab-gallery")
                .queryAs(FlowPane.class)
                .getChildren()
                .isEmpty());
        double[][] counts =
                robot.lookup("#lab-confusion").queryAs(HeatMap.class).values();
        double total = 0;
        for (double[] row : counts) for (double v : row) total += v;
        assertEquals(
                harness.app.ctx().workbench().dataProperty().get().test().size(),
                total,
                0.0,
                "the confusion matrix counts every test image");
        assertTrue(robot.lookup("#lab-results-title")
                .queryAs(Label.class)
                .getText()
                .startsWith("#1 CNN 32×2: "));
    }

    @Test
    void aNetSavedByPyTorchOpensTrainsFurtherAndIsReadLayerByLayer(FxRobot robot) throws Exception {
        TrainingPage page = harness.open(robot, "training-lab", TrainingPage.class);
        LabViewModel vm = page.viewModel();
        robot.interact(() -> {
            vm.limitProperty().set(1000);
            vm.epochsProperty().set(1);
        });
        // the notebook's ConvNet, saved by torch.save(model.state_dict()) (fixtures.py)
        Path pt = Path.of(
                getClass().getResource("/org/kernellab/model/pytorch/cnn.pt").toURI());
        robot.interact(() -> vm.load(pt, r -> {}));
        AppHarness.waitFor(() -> vm.runs().size() == 1);
        robot.clickOn("#lab-tab-results");
        assertTrue(robot.lookup("#lab-results-title")
                .queryAs(Label.class)
                .getText()
                .startsWith("#1 cnn.pt: "));
        Workbench.Source shown = harness.app.ctx().workbench().sourceProperty().get();
        assertEquals("maps.sourceFile", shown.key(), "the feature maps look inside the opened net");
        assertEquals("cnn.pt", shown.detail());

        // the notebook normalized its pictures: the student says so, and the net is tested again reading them so
        Run opened = vm.runs().get(0);
        Trainer.Evaluation plain = opened.evaluationProperty().get();
        CheckBox normalize = robot.lookup("#lab-normalize").queryAs(CheckBox.class);
        assertTrue(normalize.isVisible() && !normalize.isDisabled() && !normalize.isSelected());
        robot.clickOn(normalize);
        AppHarness.waitFor(() -> opened.evaluationProperty().get() != plain);
        assertTrue(opened.network().normalizesInputs());
        assertEquals(
                "maps.sourceFileNormalized",
                harness.app.ctx().workbench().sourceProperty().get().key(),
                "the feature maps read the pictures as the net does");

        press(robot, "#lab-train-further");
        AppHarness.waitFor(
                () -> vm.runs().size() == 2 && vm.runs().get(1).statusProperty().get() == Run.Status.DONE);
        assertEquals("#2 CNN 32×2 ← #1", vm.runs().get(1).name());
        assertTrue(vm.runs().get(1).network().normalizesInputs(), "trained further on the pictures it reads");
        assertTrue(
                robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                        .anyMatch(t ->
                                t.getSelectionModel().getSelectedItem().getId().equals("lab-tab-training")),
                "the run queued from the results is seen training");

        robot.clickOn("#lab-tab-results");
        press(robot, "#lab-layer-table");
        AppHarness.waitFor(() -> harness.app.shell().page() instanceof FamousNetsPage);
        assertTrue(
                robot.lookup("#famous-totals").queryAs(Label.class).getText().startsWith("113,386 parameters"),
                "the ConvNet's parameters, layer by layer");
    }

    @Test
    void pauseResumeAndCancelStopTheRunAndTheLabCarriesOn(FxRobot robot) throws Exception {
        TrainingPage page = harness.open(robot, "training-lab", TrainingPage.class);
        LabViewModel vm = page.viewModel();
        robot.interact(() -> vm.epochsProperty().set(10)); // long enough to be caught running
        press(robot, "#lab-start");
        AppHarness.waitFor(() -> vm.currentProperty().get() != null
                && vm.currentProperty().get().statusProperty().get() == Run.Status.RUNNING);
        Run run = vm.currentProperty().get();
        robot.clickOn("#lab-pause");
        assertEquals(Run.Status.PAUSED, run.statusProperty().get());
        assertEquals(
                "Resume",
                robot.lookup("#lab-pause").queryAs(Button.class).getText().replace("▶ ", ""));
        robot.clickOn("#lab-pause");
        assertEquals(Run.Status.RUNNING, run.statusProperty().get());
        robot.clickOn("#lab-cancel");
        AppHarness.waitFor(() -> run.statusProperty().get() == Run.Status.CANCELLED
                && vm.currentProperty().get() == null);
        assertTrue(run.testAccuracy().size() < 10, "stopped before the end");
        assertTrue(robot.lookup("#lab-start").queryAs(Button.class).isVisible());
    }

    @Test
    void theFeatureMapGridHasOneMapPerFilterAndEnlargesTheOneClicked(FxRobot robot) throws Exception {
        FeatureMapsPage page = harness.open(robot, "feature-maps", FeatureMapsPage.class);
        AppHarness.waitFor(() -> robot.lookup("#maps-block1").tryQuery().isPresent());
        FlowPane block1 = robot.lookup("#maps-block1").queryAs(FlowPane.class);
        assertEquals(32, block1.getChildren().size(), "the pretrained CNN has 32 filters");
        assertEquals(
                2,
                ((VBox) block1.getChildren().get(0)).getChildren().size(),
                "the lesson compares two images: a pair per filter");
        assertEquals(
                32,
                robot.lookup("#maps-block2")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size());
        assertTrue(robot.lookup("#maps-right-predicted")
                .queryAs(Label.class)
                .getText()
                .startsWith("Predicted: "));
        assertEquals(
                32,
                robot.lookup("#maps-first-filters")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size());
        assertTrue(robot.lookup("#maps-left-predicted")
                .queryAs(Label.class)
                .getText()
                .startsWith("Predicted: "));

        robot.interact(() -> page.viewModel().pick(1, 4)); // block 2 is below the fold; clicking a map calls this
        VBox picked = (VBox) robot.lookup("#maps-block2")
                .queryAs(FlowPane.class)
                .getChildren()
                .get(4);
        assertTrue(((HeatMap) picked.getChildren().get(0)).isSelected(), "the picked map is outlined");
        AppHarness.waitFor(() -> robot.lookup("#maps-filter-slices").tryQuery().isPresent());
        assertEquals(
                11,
                robot.lookup("#maps-enlarged").queryAs(HeatMap.class).values().length,
                "block 2 maps are 11×11 after ReLU");
        assertEquals(
                32,
                robot.lookup("#maps-filter-slices")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size(),
                "one 3×3 slice per input map");
        robot.clickOn("#maps-pool");
        assertEquals(5, robot.lookup("#maps-enlarged").queryAs(HeatMap.class).values().length, "and 5×5 after pooling");
    }

    /**
     * A net the lab trained on a folder of colour pictures (three classes): the feature maps show its test pictures in
     * colour, its maps and its class names, its first filters with one slice per colour channel; unticked, the Fashion-MNIST net comes back.
     */
    @Test
    void aNetForColourPicturesShowsItsOwnPicturesInColour(FxRobot robot) throws Exception {
        FeatureMapsPage page = harness.open(robot, "feature-maps", FeatureMapsPage.class);
        AppHarness.waitFor(() -> robot.lookup("#maps-block1").tryQuery().isPresent());
        CheckBox other = robot.lookup("#maps-other-pictures").queryAs(CheckBox.class);
        assertFalse(other.isVisible(), "no such net yet");
        robot.interact(() -> page.viewModel().pick(1, 31)); // a map the colour net has not
        byte[] px = new byte[4 * 3 * 32 * 32], labels = {2, 0, 1, 2};
        new Random(2).nextBytes(px);
        Network net = Network.build(
                Net.fromJson("{\"input\": [3, 32, 32], \"layers\": [{\"type\": \"Conv2d\", \"out_channels\": 6,"
                        + " \"kernel_size\": 5}, {\"type\": \"ReLU\"}, {\"type\": \"Flatten\"},"
                        + " {\"type\": \"Linear\", \"out_features\": 3}]}"),
                Training.adam(0.001, 16, 1));
        robot.interact(() -> harness.app
                .ctx()
                .workbench()
                .otherPicturesProperty()
                .set(new Workbench.OtherPictures(
                        net,
                        new Workbench.Source("maps.sourceTrained", "#4 colour"),
                        new Samples(px, labels, new int[] {3, 32, 32}, 1 / 255f, false),
                        List.of("sunsets", "forests", "seas"))));
        robot.interact(() -> page.viewModel().indexProperty().set(0));
        AppHarness.waitFor(() -> robot.lookup("#maps-left-input").tryQuery().orElse(null) instanceof ImageView);
        assertTrue(other.isVisible() && other.isSelected() && normalize(robot).isDisabled());
        assertTrue(other.getText().contains("#4 colour"), other.getText());
        assertEquals(
                6,
                robot.lookup("#maps-block1")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size());
        assertEquals(
                6,
                robot.lookup("#maps-first-filters")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size());
        assertTrue(
                robot.lookup(".label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().equals("Test image 0: seas")),
                "the folder's class names, three bars for three classes");
        assertEquals(0, page.viewModel().blockProperty().get(), "the first block's first map picked instead");
        robot.interact(() -> page.viewModel().pick(0, 5));
        AppHarness.waitFor(() -> robot.lookup("#maps-filter-slices").tryQuery().isPresent());
        assertEquals(
                3,
                robot.lookup("#maps-filter-slices")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size());
        assertEquals(28, robot.lookup("#maps-enlarged").queryAs(HeatMap.class).values().length, "32 − 5 + 1");
        robot.interact(() -> other.setSelected(false));
        AppHarness.waitFor(() -> robot.lookup("#maps-block1")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .size()
                == 32);
        assertFalse(normalize(robot).isDisabled(), "the Fashion-MNIST net shown again, its setting with it");
    }

    /** The feature maps' box for how a net from a file reads its pictures. */
    private static Node normalize(FxRobot robot) {
        return robot.lookup("#maps-normalize").query();
    }

    @Test
    void theDataSetBrowserShowsImagesWithTheirClassNames(FxRobot robot) throws Exception {
        harness.open(robot, "fashion-mnist", DatasetPage.class);
        AppHarness.waitFor(() -> !robot.lookup("#data-grid")
                .queryAs(FlowPane.class)
                .getChildren()
                .isEmpty());
        FlowPane grid = robot.lookup("#data-grid").queryAs(FlowPane.class);
        assertEquals(60, grid.getChildren().size());
        assertTrue(robot.lookup("#data-source").queryAs(Label.class).getText().startsWith("Data: "));
        ComboBox<Integer> classes = robot.lookup("#data-class").queryAs(ComboBox.class);
        robot.interact(() -> classes.setValue(9));
        assertTrue(
                robot.from(grid).lookup(".data-tile").queryAll().stream()
                        .allMatch(t -> t.lookupAll(".label").stream()
                                .anyMatch(l -> "Ankle boot".equals(((Label) l).getText()))),
                "filtered to ankle boots");
    }

    @Test
    void thePicturesChoiceShowsTheLabsDataAndABadFolderIsNamed(FxRobot robot, @TempDir Path dir) throws Exception {
        TrainingPage page = harness.open(robot, "training-lab", TrainingPage.class);
        assertTrue(
                robot.lookup("#train-data-fashion").queryAs(ToggleButton.class).isSelected());
        assertFalse(robot.lookup("#train-pictures").queryAs(Label.class).isVisible(), "Fashion-MNIST has its own line");
        for (String c : List.of("cats", "dogs")) Files.createDirectories(dir.resolve(c));
        robot.interact(() -> {
            try {
                page.lab().useFolder(dir);
            } catch (DataException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(
                robot.lookup("#train-data-folder").queryAs(ToggleButton.class).isSelected(),
                "the buttons follow the lab's data");
        assertTrue(robot.lookup("#train-pictures")
                .queryAs(Label.class)
                .getText()
                .startsWith("Data: your pictures in " + dir + ", 2 classes"));
        assertEquals(
                List.of(3, 32, 32),
                Arrays.stream(page.viewModel().editor().input()).boxed().toList(),
                "the editor reads colour squares");
        robot.clickOn("#train-data-fashion");
        assertTrue(
                robot.lookup("#train-data-fashion").queryAs(ToggleButton.class).isSelected());
        assertEquals(55_098, page.viewModel().editor().table().parameters(), "the demo CNN on Fashion-MNIST again");
    }
}
