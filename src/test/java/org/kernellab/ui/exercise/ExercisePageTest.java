package org.kernellab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.animator.AnimatorPage;
import org.kernellab.ui.animator.AnimatorViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Each course exercise answered right and wrong, as a student would. */
@ExtendWith(ApplicationExtension.class)
class ExercisePageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private void answer(FxRobot robot, ExercisePage page, int rows, int cols, String... values) {
        robot.interact(() -> {
            robot.lookup("#answer-rows")
                    .queryAs(Spinner.class)
                    .getValueFactory()
                    .setValue(rows);
            robot.lookup("#answer-cols")
                    .queryAs(Spinner.class)
                    .getValueFactory()
                    .setValue(cols);
        });
        TextField[][] f = page.fields();
        robot.interact(() -> {
            for (int i = 0; i < values.length; i++) f[i / cols][i % cols].setText(values[i]);
        });
        robot.clickOn("#check-answer");
    }

    private String feedback(FxRobot robot) {
        return robot.lookup("#exercise-feedback").queryAs(Label.class).getText();
    }

    @Test
    void exercise1_1(FxRobot robot) throws Exception {
        ExercisePage page = harness.open(robot, "exercise-1-1", ExercisePage.class);
        answer(robot, page, 3, 3, "8");
        AppHarness.waitFor(() -> !feedback(robot).isEmpty());
        assertTrue(feedback(robot).startsWith("Not quite"), "a 3×3 answer has the wrong size");
        answer(robot, page, 1, 1, "7");
        AppHarness.waitFor(() -> feedback(robot).startsWith("1 value is wrong"));
        assertTrue(page.fields()[0][0].getStyleClass().contains("wrong"));
        assertEquals(Progress.Mark.ATTEMPTED, harness.app.ctx().progress().mark("exercise-1-1"));
        answer(robot, page, 1, 1, "8");
        AppHarness.waitFor(() -> feedback(robot).startsWith("✓"));
        assertEquals(Progress.Mark.SOLVED, harness.app.ctx().progress().mark("exercise-1-1"));
        List<String> cells = robot.lookup(".tree-cell").queryAll().stream()
                .map(n -> ((TreeCell<?>) n).getText())
                .filter(Objects::nonNull)
                .toList();
        assertTrue(
                cells.stream().anyMatch(t -> t.startsWith("●  Exercise 1.1")),
                "the navigator shows it solved: " + cells);

        // the conceptual question: an explanation once tried
        robot.clickOn("#q0-option1");
        robot.clickOn("#q0-check");
        String result = robot.lookup("#q0-result").queryAs(Label.class).getText();
        assertTrue(result.startsWith("✗") && result.contains("vertical edges"), result);
    }

    @Test
    void exercise1_2(FxRobot robot) throws Exception {
        ExercisePage page = harness.open(robot, "exercise-1-2", ExercisePage.class);
        answer(robot, page, 3, 3, "-1", "3", "-4", "-6", "13", "-14", "-11", "-19", "1");
        AppHarness.waitFor(() -> !feedback(robot).isEmpty());
        assertTrue(feedback(robot).startsWith("1 value is wrong"), feedback(robot));
        assertTrue(page.fields()[2][2].getStyleClass().contains("wrong"));
        assertTrue(page.fields()[1][1].getStyleClass().contains("right"));
        answer(robot, page, 3, 3, "-1", "3", "-4", "−6", "13", "-14", "-11", "-19", "10");
        AppHarness.waitFor(() -> feedback(robot).startsWith("✓"));
    }

    @Test
    void exercise1_3AndShowSteps(FxRobot robot) throws Exception {
        ExercisePage page = harness.open(robot, "exercise-1-3", ExercisePage.class);
        answer(robot, page, 2, 2, "0", "0", "0");
        AppHarness.waitFor(() -> !feedback(robot).isEmpty());
        assertEquals("Right so far: 1 cell is still empty.", feedback(robot));
        answer(robot, page, 2, 2, "0", "0", "0", "1");
        AppHarness.waitFor(() -> feedback(robot).startsWith("✓"));

        robot.clickOn("#show-steps");
        var animator = (AnimatorPage) harness.app.shell().page();
        assertEquals("convolution-animator", harness.app.shell().current().id());
        AnimatorViewModel vm = animator.viewModel();
        assertEquals(2, vm.strideHProperty().get());
        assertEquals(4, vm.inputProperty().get().dim(0));
        assertEquals(4, vm.stepper().count(), "the animator runs this very exercise");
    }

    @Test
    void newVariantDrawsNewNumbersCheckedTheSameWay(FxRobot robot) throws Exception {
        ExercisePage page = harness.open(robot, "exercise-1-1", ExercisePage.class);
        var before = page.viewModel().inputProperty().get();
        robot.clickOn("#new-variant");
        var after = page.viewModel().inputProperty().get();
        assertFalse(Arrays.equals(before.data(), after.data()));
        double sobel = 0;
        double[][] k = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) sobel += after.get(i, j) * k[i][j];
        answer(robot, page, 1, 1, String.valueOf((long) sobel));
        AppHarness.waitFor(() -> feedback(robot).startsWith("✓"));
    }

    @Test
    void exercise2AcceptsAnyValidChainAndListsThem(FxRobot robot) throws Exception {
        ChainExercisePage page = harness.open(robot, "exercise-2", ChainExercisePage.class);
        Label fb = robot.lookup("#chain-feedback").queryAs(Label.class);
        robot.clickOn("#chain-check"); // the defaults 3,1,0 twice give 8 → 6 → 4
        AppHarness.waitFor(() -> !fb.getText().isEmpty());
        assertTrue(fb.getText().contains("8³ → 6³ → 4³") && fb.getText().contains("Not yet"), fb.getText());
        for (int[] choice : new int[][] {{3, 2, 1, 3, 2, 1}, {5, 1, 0, 3, 1, 0}, {3, 1, 0, 5, 1, 0}}) {
            robot.interact(() -> {
                String[] ids = {"#l1-k", "#l1-s", "#l1-p", "#l2-k", "#l2-s", "#l2-p"};
                for (int i = 0; i < 6; i++)
                    robot.lookup(ids[i])
                            .queryAs(Spinner.class)
                            .getValueFactory()
                            .setValue(choice[i]);
            });
            robot.clickOn("#chain-check");
            AppHarness.waitFor(() -> fb.getText().contains("Right"));
            assertTrue(fb.getText().contains("→ 2³"), fb.getText());
            robot.interact(() -> robot.lookup("#l2-k")
                    .queryAs(Spinner.class)
                    .getValueFactory()
                    .setValue(1));
            robot.clickOn("#chain-check");
            AppHarness.waitFor(() -> fb.getText().contains("Not yet"));
        }
        robot.clickOn("#chain-alternatives");
        ListView<?> list = robot.lookup("#chain-list").queryAs(ListView.class);
        assertTrue(
                list.getItems().size() > 20,
                "many combinations: " + list.getItems().size());
        assertTrue(list.getItems().contains("layer 1: k=3, s=2, p=1;   layer 2: k=3, s=2, p=1"));
        assertTrue(list.getItems().contains("layer 1: k=5, s=1, p=0;   layer 2: k=3, s=1, p=0"));
        assertTrue(list.getItems().contains("layer 1: k=3, s=1, p=0;   layer 2: k=5, s=1, p=0"));
    }
}
