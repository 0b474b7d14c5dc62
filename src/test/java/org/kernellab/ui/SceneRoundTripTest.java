package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.compute.Problem;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.LessonScript;
import org.kernellab.lesson.SceneFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every view's scene round-trips: a scene with settings unlike the view's own defaults opens with no problem and those
 * settings in the view-model; saved as a file's text and opened again, the view-model is in the same state.
 */
@ExtendWith(ApplicationExtension.class)
class SceneRoundTripTest {
    /** For each view, settings none of its lessons starts with: opening them must change the view-model. */
    static final Map<String, Map<String, Object>> CASES = new LinkedHashMap<>();

    static {
        CASES.put(
                "pooling",
                Map.of(
                        "mode", "avg",
                        "input", List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9)),
                        "window", 2,
                        "stride", 1,
                        "padding", 1,
                        "ceil", true,
                        "step", 5));
        SceneCasesConvolution.add(CASES);
        SceneCasesNetworks.add(CASES);
    }

    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void everyViewsSceneComesBackAsItWasSaved(FxRobot robot) throws Exception {
        int compared = 0;
        for (Map.Entry<String, Map<String, Object>> c : CASES.entrySet()) {
            List<Problem> problems = new ArrayList<>();
            robot.interact(() ->
                    problems.addAll(harness.app.shell().openScene(new LessonScene(c.getKey(), "", c.getValue()))));
            harness.settle();
            assertEquals(List.of(), problems, c.getKey());
            LessonScene first = capture(robot);
            assertEquals(c.getKey(), first.view());
            for (Map.Entry<String, Object> e : c.getValue().entrySet()) {
                assertEquals(plain(e.getValue()), plain(first.params().get(e.getKey())), c.getKey() + "." + e.getKey());
                compared++;
            }
            Object reread = SceneFiles.parse(SceneFiles.write(first, null), null);
            robot.interact(() -> problems.addAll(harness.app.shell().openScene((LessonScene) reread)));
            harness.settle();
            assertEquals(List.of(), problems, c.getKey() + " reopened");
            assertEquals(plain(first.params()), plain(capture(robot).params()), c.getKey() + " reopened");
        }
        assertEquals(CASES.values().stream().mapToInt(Map::size).sum(), compared);
        shippedScriptsOpen(robot);
        TreeSet<String> missing = new TreeSet<>(LessonViews.ids());
        missing.removeAll(CASES.keySet());
        assertTrue(missing.isEmpty(), "views without a scene case: " + missing);
    }

    /** The example scripts in docs/scripts: every step opens without a problem (every lesson's own: LayoutTest). */
    private void shippedScriptsOpen(FxRobot robot) throws Exception {
        int steps = 0;
        try (Stream<Path> scripts = Files.list(Path.of("docs", "scripts"))) {
            for (Path f : scripts.toList()) {
                LessonScript script = (LessonScript) SceneFiles.read(f);
                for (LessonScript.Step step : script.steps()) {
                    List<Problem> problems = new ArrayList<>();
                    robot.interact(() -> problems.addAll(harness.app.shell().openScene(step.scene())));
                    assertEquals(List.of(), problems, f + ": " + step.title());
                    steps++;
                }
            }
        }
        assertTrue(steps >= 4, "the example script's steps: " + steps);
    }

    private LessonScene capture(FxRobot robot) {
        LessonScene[] s = new LessonScene[1];
        robot.interact(() -> s[0] = harness.app.shell().scene());
        assertNotNull(s[0]);
        return s[0];
    }

    /** JSON's view of a value: every number a double, lists and maps compared by content. */
    static Object plain(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof List<?> l)
            return l.stream().map(SceneRoundTripTest::plain).toList();
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, plain(x)));
            return out;
        }
        return v;
    }
}
