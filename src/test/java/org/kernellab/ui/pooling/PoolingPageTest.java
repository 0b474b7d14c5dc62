package org.kernellab.ui.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PoolingPageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void theCoursesExampleAndItsWinners(FxRobot robot) throws Exception {
        PoolingPage page = harness.open(robot, "pooling", PoolingPage.class);
        MatrixView out = robot.lookup("#pool-output").queryAs(MatrixView.class);
        robot.clickOn("#pool-input");
        robot.type(KeyCode.END);
        assertEquals("6 8 14 16", out.text(0, 0) + " " + out.text(0, 1) + " " + out.text(1, 0) + " " + out.text(1, 1));
        assertEquals(
                "max(11, 12, 15, 16) = 16",
                robot.lookup("#pool-step").queryAs(Label.class).getText());
        assertEquals(
                "layer = nn.MaxPool2d(2)",
                robot.lookup("#pool-python").queryAs(Label.class).getText());

        robot.clickOn("#pool-avg");
        robot.clickOn("#pool-input");
        robot.type(KeyCode.HOME);
        assertEquals(
                "(1 + 2 + 5 + 6) / 4 = 3.5",
                robot.lookup("#pool-step").queryAs(Label.class).getText());
        // Spanish writes decimals with a comma, at once, in the step and in the grid
        robot.clickOn("Español");
        assertEquals(
                "(1 + 2 + 5 + 6) / 4 = 3,5",
                robot.lookup("#pool-step").queryAs(Label.class).getText());
        assertEquals("3,5", out.text(0, 0));
        robot.clickOn("#pool-max");
        robot.clickOn("English");
    }

    @Test
    void ceilModeKeepsAPartialWindowAndPaddingIsChecked(FxRobot robot) throws Exception {
        PoolingPage page = harness.open(robot, "pooling", PoolingPage.class);
        Slider size = robot.lookup("#pool-size").queryAs(Slider.class);
        robot.interact(() -> size.setValue(5));
        MatrixView out = robot.lookup("#pool-output").queryAs(MatrixView.class);
        assertEquals(2, out.rows());
        robot.clickOn("#pool-ceil");
        assertEquals(3, out.rows(), "5 cells, window 2, stride 2, ceil: 3");
        assertTrue(robot.lookup("#pool-message").queryAs(Label.class).getText().contains("hangs over the edge"));
        Slider padding = robot.lookup("#pool-padding").queryAs(Slider.class),
                window = robot.lookup("#pool-window").queryAs(Slider.class);
        robot.interact(() -> window.setValue(1));
        robot.interact(() -> padding.setValue(1));
        assertTrue(robot.lookup("#pool-message")
                .queryAs(Label.class)
                .getText()
                .contains("more than half of the pooling window"));
        assertEquals(0, out.rows());
        assertEquals(0, page.viewModel().stepper().count());
    }
}
