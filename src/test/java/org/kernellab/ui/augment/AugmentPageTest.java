package org.kernellab.ui.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.dropout.DropoutPage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The augmentation gallery and the dropout lesson, in the app. */
@ExtendWith(ApplicationExtension.class)
class AugmentPageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    static List<String> captions(FxRobot robot) {
        return robot.lookup(".augment-tile .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
    }

    @Test
    void everyTransformIsDrawnOnThePhotoAndDrawnAgainOnClick(FxRobot robot) throws Exception {
        AugmentPage page = harness.open(robot, "augmentation", AugmentPage.class);
        assertEquals(3, page.viewModel().gallery().original().dim(0), "the built-in colour photo");
        VBox rows = robot.lookup("#augment-rows").queryAs(VBox.class);
        assertEquals(5, rows.getChildren().size(), "flip, rotation, crop, jitter, all together");
        List<String> before = captions(robot);
        assertEquals(5 * (AugmentViewModel.DRAWS + 1), before.size());
        assertTrue(before.stream().anyMatch(c -> c.startsWith("brightness ×")), before.toString());
        robot.clickOn("#augment-reroll");
        assertNotEquals(before, captions(robot));
        robot.clickOn("#augment-fashion");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> page.viewModel().gallery() != null
                        && page.viewModel().gallery().original().dim(0) == 1);
        assertEquals(28, page.viewModel().gallery().original().dim(1));
    }

    @Test
    void theDropoutCommitteeGrowsOnClick(FxRobot robot) throws Exception {
        harness.open(robot, "dropout", DropoutPage.class);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#dropout-stats")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("p = 0.5"));
        robot.clickOn("#dropout-add-10");
        assertTrue(robot.lookup("#dropout-classes .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Committee of 10")));
    }
}
