package org.kernellab.ui.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.compute.SideBySide;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FromScratchPageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    /** The listing is the shipped source of the loops that ran, each computing line with the course's formula beside it. */
    @Test
    void theLoopsSourceIsShownWithItsFormulas() {
        SourceListing s = SourceListing.load();
        assertFalse(s.isEmpty(), "Reference.java is packaged beside its class");
        List<SourceListing.Line> conv = s.method("conv");
        assertTrue(conv.get(0)
                .code()
                .startsWith("public static Tensor conv(Tensor x, Tensor w, Tensor bias, Window win) {"));
        assertEquals("}", conv.get(conv.size() - 1).code());
        assertTrue(conv.stream().anyMatch(l -> l.note().equals("n_H = ⌊(n_H_prev + 2·pad − f) / stride⌋ + 1")));
        assertTrue(conv.stream().anyMatch(l -> l.note().equals("y_start = stride · h")));
        assertTrue(s.method("convolve").stream().anyMatch(l -> l.note().equals("slice · W")));
        assertTrue(s.method("pool").stream().anyMatch(l -> l.note().equals("max(slice) or mean(slice)")));
        assertTrue(s.method("nothing").isEmpty());
    }

    @Test
    void theNotebooksCellsRunBesideNd4j(FxRobot robot) throws Exception {
        FromScratchPage page = harness.open(robot, "from-scratch", FromScratchPage.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> page.viewModel().result() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#scratch-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("Z.shape: from scratch (10, 8, 4, 4), ND4J (10, 8, 4, 4)"), summary);
        assertTrue(summary.contains("Z[1, 1, 1, 1]: from scratch 1.21333867655555"), summary);
        // the sentence names the side its own measured times say is faster, with their ratio
        SideBySide.Result r = page.viewModel().result();
        boolean nd4jFaster = r.libraryMillis() < r.scratchMillis();
        double ratio = nd4jFaster ? r.scratchMillis() / r.libraryMillis() : r.libraryMillis() / r.scratchMillis();
        Matcher m = Pattern.compile("(ND4J is|the loops are) ([0-9,.]+) times faster")
                .matcher(summary);
        assertTrue(m.find(), summary);
        assertEquals(nd4jFaster ? "ND4J is" : "the loops are", m.group(1), summary);
        assertEquals(ratio, Double.parseDouble(m.group(2).replace(",", "")), 0.051, summary);
        MatrixView loops = robot.lookup("#scratch-from-loops").queryAs(MatrixView.class);
        MatrixView nd = robot.lookup("#scratch-from-nd4j").queryAs(MatrixView.class);
        assertEquals(4, loops.rows());
        assertEquals(loops.text(1, 1), nd.text(1, 1));
        assertTrue(robot.lookup("#scratch-source")
                        .queryAs(GridPane.class)
                        .getChildren()
                        .size()
                > 60);

        robot.clickOn("#scratch-course-pool");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> page.viewModel().result() != null
                        && page.viewModel().result().scratch().dim(1) == 3);
        WaitForAsyncUtils.waitForFxEvents();
        summary = robot.lookup("#scratch-summary").queryAs(Label.class).getText();
        assertTrue(
                summary.contains("Z[0, 0, 0, 0]: from scratch 1.6243453636632417, ND4J 1.6243453636632417"), summary);

        Slider f = robot.lookup("#scratch-f").queryAs(Slider.class),
                n = robot.lookup("#scratch-n").queryAs(Slider.class);
        robot.interact(() -> {
            n.setValue(3);
            f.setValue(5);
        });
        summary = robot.lookup("#scratch-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("✗ "), summary);
    }
}
