package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.Problem;
import org.kernellab.install.UserDirs;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.LessonScript;
import org.kernellab.lesson.Progress;
import org.kernellab.lesson.ProgressFiles;
import org.kernellab.lesson.SceneFiles;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.progress.ClassOverview;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A teacher's script played in presentation mode with a clicker's keys: each step's view in its scene's state, the
 * step's number and title in the strip, settings locked or hidden where the step says; a malformed scene or script is
 * named over a window that still works.
 */
@ExtendWith(ApplicationExtension.class)
class ScriptPlayTest {
    @TempDir
    static Path dir;

    private AppHarness harness;

    /** A script in the user's lessons folder (the tests' own, under target/), listed in the navigator. */
    private Path shelved;

    @Start
    void start(Stage stage) throws Exception {
        shelved = UserDirs.current().lessons().resolve("demo-in-the-navigator.kscript");
        Files.createDirectories(shelved.getParent());
        SceneFiles.save(demo(), shelved);
        Path bad = dir.resolve("broken.kscene");
        Files.writeString(bad, "{\"kernellab\": \"scene\", \"view\": ");
        harness = new AppHarness(stage, Locale.ENGLISH, Theme.LIGHT, List.of("--open", bad.toString()));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
        Files.deleteIfExists(shelved);
    }

    private String text(FxRobot robot, String id) {
        String[] t = new String[1];
        robot.interact(() -> {
            Node n = harness.app.scene().lookup(id);
            t[0] = n instanceof Label l && n.isVisible() ? l.getText() : null;
        });
        return t[0];
    }

    private Node node(String id) {
        return harness.app.scene().lookup(id);
    }

    @Test
    void aMalformedFileOnTheCommandLineIsNamedAndTheAppWorks(FxRobot robot) throws Exception {
        harness.settle();
        String notice = text(robot, "#scene-notice-text");
        assertNotNull(notice, "the problem is shown over the view");
        assertTrue(notice.contains("not valid JSON"), notice);
        String head = ((Label) node("#scene-notice").lookup(".problem")).getText();
        assertTrue(head.contains("broken.kscene"), head);
        assertNotNull(harness.app.shell().page(), "a lesson is on screen all the same");
    }

    @Test
    void aSceneWithWrongFieldsListsThemAndAppliesTheRest(FxRobot robot) throws Exception {
        Map<String, Object> fields =
                new LinkedHashMap<>(Map.of("window", 99, "colour", "red", "stride", 1, "mode", "median"));
        fields.put("ceil", null); // JSON's null
        List<Problem> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(harness.app.shell().openScene(new LessonScene("pooling", "", fields))));
        harness.settle();
        assertEquals(
                List.of("scene.unknownField", "scene.notChoice", "scene.range", "scene.invalid"),
                problems.stream().map(Problem::key).toList());
        assertEquals(1, harness.app.shell().scene().params().get("stride"), "the valid field is applied");
        assertEquals(2, harness.app.shell().scene().params().get("window"), "the invalid one is left as it was");
        String notice = text(robot, "#scene-notice-text");
        assertEquals(4, notice.lines().count(), notice);
        assertTrue(notice.contains("\"colour\" is not a setting of this view"), notice);
        robot.clickOn("#scene-notice-close");
        assertNull(node("#scene-notice"));
    }

    @Test
    void aScriptStepsForwardAndBackWithTheClickersKeysInPresentation(FxRobot robot) throws Exception {
        Path file = dir.resolve("demo.kscript");
        SceneFiles.save(demo(), file);
        robot.interact(() -> {
            harness.app.ctx().presentation().set(true);
            harness.app.shell().actions().open(file);
        });
        harness.settle();
        assertEquals("Step 1 of 3 · Average pooling", text(robot, "#script-step"));
        assertEquals("avg", harness.app.shell().scene().params().get("mode"));
        assertTrue(node("#pool-window").isDisabled(), "a locked step greys the settings out");

        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        harness.settle();
        assertEquals("Step 2 of 3 · Sobel, stride 2", text(robot, "#script-step"));
        assertEquals("conv-intro", harness.app.shell().scene().view());
        assertEquals(2, harness.app.shell().scene().params().get("stride"));
        assertFalse(node("#conv-intro-next").isDisabled(), "the teacher's step buttons stay");

        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        harness.settle();
        assertEquals("Step 3 of 3 · Max pooling, no settings", text(robot, "#script-step"));
        assertEquals(3, harness.app.shell().scene().params().get("window"));
        assertNull(node("#pool-window"), "a hidden step shows the stage alone");
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertEquals("Step 3 of 3 · Max pooling, no settings", text(robot, "#script-step"), "the last step stays");

        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        harness.settle();
        assertEquals("Step 1 of 3 · Average pooling", text(robot, "#script-step"));
        assertEquals(1, harness.app.shell().scene().params().get("stride"), "the same step, the same state");

        robot.interact(() -> harness.app.ctx().i18n().localeProperty().set(Locale.forLanguageTag("es")));
        assertEquals("Paso 1 de 3 · Average pooling", text(robot, "#script-step"), "English where no Spanish is given");
        robot.clickOn("#script-note-toggle");
        assertEquals("Ask why 2.5", text(robot, "#script-note"));

        assertTrue(node("#pool-window").isDisabled());
        robot.clickOn("#script-stop");
        harness.settle();
        assertFalse(node("#pool-window").isDisabled(), "the script's end gives the settings back");
        assertEquals("avg", harness.app.shell().scene().params().get("mode"), "the view stays as the step left it");
        assertFalse(node("#script-strip").isVisible(), "the strip goes with the script");
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        harness.settle();
        assertEquals("pooling", harness.app.shell().scene().view(), "no script, no stepping");

        fromTheNavigator(robot);
    }

    @Test
    void aStudentsProgressGoesOutAndTheTeachersOverviewReadsIt(FxRobot robot) throws Exception {
        Path mine = dir.resolve("ana.kprogress"), corrupt = dir.resolve("lost.kprogress");
        Files.writeString(corrupt, "{\"kernellab\": \"progress\"");
        robot.interact(() -> {
            harness.app.ctx().progress().attempt("exercise-1-1", "output", "1 2; 3 4", false);
            harness.app.ctx().progress().attempt("exercise-1-1", "output", "-8 0; 0 8", true);
            assertTrue(harness.app.shell().progressActions().export("Ana", mine));
        });
        ProgressFiles.Report back = ProgressFiles.read(mine);
        assertEquals("Ana", back.student());
        assertEquals(new Progress.Attempt(2, "-8 0; 0 8", true), back.exercise("exercise-1-1/output"));
        assertEquals(AppHarness.lessonIds().size(), back.lessons().size(), "every lesson, tried or not");
        ClassOverview[] o = new ClassOverview[1];
        robot.interact(() -> o[0] = harness.app
                .shell()
                .progressActions()
                .overview(harness.app.scene().getWindow(), List.of(mine, corrupt)));
        List<ClassOverview.Row> rows = o[0].rows();
        assertEquals(2, rows.size(), "one student and the totals");
        assertEquals("Ana", rows.get(0).student().student());
        Label skipped = robot.lookup("#class-skipped").queryAs(Label.class);
        assertTrue(skipped.getText().contains("lost.kprogress"), skipped.getText());
    }

    /**
     * The script in the user's lessons folder, listed under the navigator's demo scripts, plays from there; one saved
     * there now is listed at once.
     */
    @SuppressWarnings("unchecked")
    private void fromTheNavigator(FxRobot robot) throws Exception {
        // the same script, listed under the navigator's demo scripts, picked there
        robot.interact(() -> harness.app.ctx().presentation().set(false)); // the navigator back
        robot.interact(() -> {
            TreeView<?> nav = (TreeView<?>) node("#navigator");
            TreeItem<?> shelf =
                    nav.getRoot().getChildren().get(nav.getRoot().getChildren().size() - 1);
            assertEquals(
                    List.of("Pooling and edges"),
                    shelf.getChildren().stream()
                            .map(i -> ((SceneFiles.Shelved) i.getValue()).title(Locale.ENGLISH))
                            .toList());
            ((TreeView<Object>) nav).getSelectionModel().select((TreeItem<Object>)
                    shelf.getChildren().get(0));
        });
        harness.settle();
        assertEquals("Paso 1 de 3 · Average pooling", text(robot, "#script-step"), "played from the navigator");

        Path saved = shelved.resolveSibling("saved-now.kscript"); // saved beside the lessons: listed at once
        try {
            robot.interact(() -> {
                harness.app.shell().actions().script().fileProperty().set(saved);
                harness.app.shell().actions().saveScript(null);
            });
            robot.interact(() -> {
                TreeView<?> nav = (TreeView<?>) node("#navigator");
                TreeItem<?> shelf = nav.getRoot()
                        .getChildren()
                        .get(nav.getRoot().getChildren().size() - 1);
                assertEquals(2, shelf.getChildren().size(), "the script just saved is listed too");
            });
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    /** Pooling locked, Sobel with stride 2 locked, then max pooling with its settings hidden. */
    private static LessonScript demo() {
        return new LessonScript(
                Map.of("en", "Pooling and edges"),
                List.of(
                        step(
                                "Average pooling",
                                "Ask why 2.5",
                                new LessonScene("pooling", "", Map.of("mode", "avg", "stride", 1)),
                                LessonScript.Controls.LOCKED),
                        step(
                                "Sobel, stride 2",
                                "",
                                new LessonScene("conv-intro", "", Map.of("stride", 2)),
                                LessonScript.Controls.LOCKED),
                        step(
                                "Max pooling, no settings",
                                "",
                                new LessonScene("pooling", "", Map.of("window", 3)),
                                LessonScript.Controls.HIDDEN)));
    }

    private static LessonScript.Step step(String title, String note, LessonScene s, LessonScript.Controls c) {
        return new LessonScript.Step(Map.of("en", title), note.isEmpty() ? Map.of() : Map.of("en", note), s, c);
    }
}
