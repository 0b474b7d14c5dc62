package org.kernellab.ui.famous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.widgets.ShapeStrip;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FamousNetsPageTest {
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
    void theTableFollowsTheChosenNetAndTheLanguage(FxRobot robot) throws Exception {
        harness.open(robot, "famous-networks", FamousNetsPage.class);
        Label totals = robot.lookup("#famous-totals").queryAs(Label.class);
        assertTrue(totals.getText().startsWith("61,100,840 parameters (244.40 MB"), totals.getText());
        GridPane table = robot.lookup("#famous-table").queryAs(GridPane.class);
        assertTrue(table.getChildren().stream()
                .anyMatch(n -> n instanceof Label l
                        && l.getText().equals("AdaptiveAvgPool2d((6, 6))")
                        && l.getTooltip().getText().equals("nn.AdaptiveAvgPool2d((6, 6))")));
        robot.clickOn("#famous-vgg16");
        assertTrue(totals.getText().startsWith("138,357,544 parameters"), totals.getText());
        assertEquals(
                13,
                robot.lookup("#famous-strip")
                        .queryAs(ShapeStrip.class)
                        .getChildren()
                        .size(),
                "input and 12 shapes");
        robot.clickOn("#famous-course-cnn");
        robot.clickOn("Español");
        assertTrue(totals.getText().startsWith("113.386 parámetros (0,45 MB"), totals.getText());
    }

    @Test
    void theDenseLayerOnAMegapixelPicture(FxRobot robot) throws Exception {
        harness.open(robot, "famous-networks", FamousNetsPage.class);
        robot.clickOn("#famous-tab-dense");
        Label dense = robot.lookup("#famous-dense").queryAs(Label.class);
        assertTrue(
                dense.getText().contains("nn.Linear(3000000, 1000)\n3,000,000,000 weights + 1,000 biases (12,000 MB)"),
                dense.getText());
        assertTrue(
                robot.lookup("#famous-verdict").queryAs(Label.class).getText().contains("1,736,111.1 times"));
    }
}
