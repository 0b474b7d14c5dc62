package org.kernellab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.compute.Problem;
import org.kernellab.lesson.LessonScene;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Net;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.Run;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Scenes that name what the app shares: the lab's runs, in the lab and as the net the explanations look at. */
@ExtendWith(ApplicationExtension.class)
class LabScenesTest {
    private static final String NET =
            "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 10}]}";

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
    void aSceneNamesARunOfTheLabAndItsNet(FxRobot robot) throws Exception {
        TrainingPage page = harness.open(robot, "training-lab", TrainingPage.class);
        harness.withARun(robot, 1);
        Run run = page.viewModel().runs().get(0);

        assertEquals(List.of(), open(robot, "training-lab", Map.of("run", 1, "tab", "results", "net", NET)));
        Map<String, Object> lab = scene(robot).params();
        assertEquals(1, lab.get("run"));
        assertEquals("results", lab.get("tab"));
        assertEquals(Net.fromJson(NET), Net.fromJson((String) lab.get("net")), "a net of its own, in its JSON form");
        assertFalse(lab.containsKey("model"), "and no course net's shorthand");

        Workbench bench = harness.app.ctx().workbench();
        assertEquals(List.of(), open(robot, "saliency", Map.of("net", "pretrained")));
        assertEquals("maps.sourcePretrained", bench.sourceProperty().get().key());
        assertEquals(List.of(), open(robot, "saliency", Map.of("net", 1)));
        assertSame(run.network(), bench.networkProperty().get(), "the run's net is looked at");
        assertEquals(1, scene(robot).params().get("net"));

        List<Problem> problems = open(robot, "attack", Map.of("net", 4, "image", 9));
        assertEquals(1, problems.size(), "a run the lab does not have is a problem: " + problems);
        assertEquals(9, scene(robot).params().get("image"), "the rest applies");
        assertSame(run.network(), bench.networkProperty().get());

        // a net file opened in feature maps is the one every view's scene names
        Path file = Files.createTempDirectory("nets").resolve("boots.model");
        ModelFile.save(run.network(), file);
        assertEquals(List.of(), open(robot, "feature-maps", Map.of("net", "file", "netFile", file.toString())));
        assertEquals(file.toAbsolutePath().toString(), scene(robot).params().get("netFile"));
        assertEquals(List.of(), open(robot, "saliency", Map.of("image", 3)));
        assertEquals(file.toAbsolutePath().toString(), scene(robot).params().get("netFile"), "as saliency says it");
    }

    private List<Problem> open(FxRobot robot, String view, Map<String, Object> params) throws Exception {
        List<Problem> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(harness.app.shell().openScene(new LessonScene(view, "", params))));
        harness.settle();
        return problems;
    }

    private LessonScene scene(FxRobot robot) {
        LessonScene[] s = new LessonScene[1];
        robot.interact(() -> s[0] = harness.app.shell().scene());
        return s[0];
    }
}
