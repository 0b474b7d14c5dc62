package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.install.Versions;
import org.kernellab.lesson.MalformedLessons;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.widgets.MarkdownView;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as a student meets it, on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class AppShellTest {
    private Preferences prefs;
    private KernelLabApp.Built app;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("kernellab-test-" + System.nanoTime());
        Settings settings = new Settings(prefs);
        settings.language(Locale.ENGLISH);
        app = KernelLabApp.build(settings, List.of());
        stage.setScene(app.scene());
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        app.runner().shutdown();
        prefs.removeNode();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheFirstLessonWithRenderedMathAndAComputedView(FxRobot robot) throws Exception {
        TreeView<?> nav = robot.lookup("#navigator").queryAs(TreeView.class);
        assertTrue(nav.getSelectionModel().getSelectedItem() != null, "a lesson is open");
        assertEquals(
                "What is a convolution?",
                robot.lookup("#lesson-title").queryAs(Label.class).getText());
        MarkdownView text = robot.lookup("#lesson-text").queryAs(MarkdownView.class);
        waitFor(() -> text.pendingFormulasProperty().get() == 0);
        assertTrue(robot.from(text).lookup(".md-math").queryAll().size() >= 5, "formulas are rendered as images");
        assertTrue(robot.from(text).lookup(".md-math-error").queryAll().isEmpty(), "every formula parses");

        MatrixView out = robot.lookup("#conv-intro-output").queryAs(MatrixView.class);
        waitFor(() -> out.rows() == 5);
        assertEquals("36", out.text(1, 2), "the Sobel kernel finds the edge");
        assertEquals("−36", out.text(1, 4), "and the false edge at the zero padding");
        assertEquals(
                "Output size: ⌊(5 + 2·1 − 3) / 1⌋ + 1 = 5",
                robot.lookup("#conv-intro-formula").queryAs(Label.class).getText());

        robot.clickOn("#conv-intro-next");
        assertTrue(
                robot.lookup("#conv-intro-step").queryAs(Label.class).getText().startsWith("Step 2 of 25"));
        waitFor(() -> app.engine().stateProperty().get() == ComputeEngine.State.READY);
        assertTrue(robot.lookup("#engine-state").queryAs(Label.class).getText().startsWith("Compute engine ready"));
        waitFor(() -> app.runner().running().isEmpty());
    }

    @Test
    void languageSwitchesLiveEverywhere(FxRobot robot) throws Exception {
        MatrixView out = robot.lookup("#conv-intro-output").queryAs(MatrixView.class);
        waitFor(() -> out.rows() == 5);
        robot.clickOn("#lang-es");
        assertEquals(
                "¿Qué es una convolución?",
                robot.lookup("#lesson-title").queryAs(Label.class).getText());
        assertEquals(
                "Tema oscuro",
                robot.lookup("#theme-toggle").queryAs(ToggleButton.class).getText());
        assertTrue(robot.lookup("#conv-intro-formula")
                .queryAs(Label.class)
                .getText()
                .startsWith("Tamaño de salida"));
        assertTrue(
                robot.lookup("#conv-intro-step").queryAs(Label.class).getText().startsWith("Paso 1 de 25"));
        assertTrue(
                robot.lookup(".tree-cell.chapter").queryAll().stream()
                        .anyMatch(n -> ((TreeCell<?>) n).getGraphic() instanceof Label l
                                && l.getText().contains("Fundamentos")),
                "chapter titles follow");
        assertEquals("es", new Settings(prefs).language().getLanguage(), "the choice is remembered");
        robot.clickOn("#lang-en");
        assertEquals(
                "What is a convolution?",
                robot.lookup("#lesson-title").queryAs(Label.class).getText());
    }

    @Test
    void aboutTellsWhatRunsAndWhereTheStudentsFilesAre(FxRobot robot) throws Exception {
        waitFor(() -> app.engine().stateProperty().get() == ComputeEngine.State.READY);
        robot.clickOn("#lang-es");
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                Versions.APP,
                robot.lookup("#about-version").queryAs(Label.class).getText());
        assertEquals(
                System.getProperty("javafx.runtime.version"),
                robot.lookup("#about-javafx").queryAs(Label.class).getText());
        String nd4j = robot.lookup("#about-nd4j").queryAs(Label.class).getText();
        assertTrue(
                nd4j.startsWith(Versions.ND4J + " · Cpu") && nd4j.matches(".* · \\d+ hilos?"),
                "the threads in Spanish too: " + nd4j);
        assertTrue(robot.lookup("#engine-state")
                .queryAs(Label.class)
                .getText()
                .startsWith("Motor de cálculo listo: ND4J Cpu · "));
        assertTrue(robot.lookup("#about-data")
                .queryAs(Label.class)
                .getText()
                .startsWith("Fashion-MNIST aún no está cargado"));
        Path home = Path.of(System.getProperty("kernellab.home"));
        assertEquals(
                home.resolve("data/lessons").toString(),
                robot.lookup("#about-lessons").queryAs(Label.class).getText(),
                "the build's test folder stands in for ~/.local/share/kernellab");
        assertEquals(
                home.resolve("data/models").toString(),
                robot.lookup("#about-models").queryAs(Label.class).getText());
        assertEquals(
                home.resolve("cache").toString(),
                robot.lookup("#about-cache").queryAs(Label.class).getText());
        assertTrue(robot.lookup("Tus lecciones").tryQuery().isPresent(), "the names are in the chosen language");
        assertEquals(
                "ninguno todavía",
                robot.lookup("#about-datasets").queryAs(Label.class).getText());
        robot.clickOn("Cerrar");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-version").tryQuery().isEmpty(), "the dialog closes");
    }

    @Test
    void aboutOpensTheDataSetsWindowWhereEachSetSaysWhatIsOnDisk(FxRobot robot) throws Exception {
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#about-datasets-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-version").tryQuery().isEmpty(), "About gives way to the Data sets window");
        for (String set : List.of("fashion-mnist", "modelnet10", "cifar10")) {
            assertEquals(
                    "Not downloaded.",
                    robot.lookup("#datasets-detail-" + set).queryAs(Label.class).getText());
            assertTrue(
                    robot.lookup("#datasets-remove-" + set)
                            .queryAs(Button.class)
                            .isDisabled(),
                    "nothing to remove");
        }
        assertEquals(
                "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
                robot.lookup("#datasets-address-cifar10")
                        .queryAs(TextField.class)
                        .getText());
        assertEquals(
                "Get",
                robot.lookup("#datasets-get-cifar10").queryAs(Button.class).getText());
        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#datasets-view").tryQuery().isEmpty(), "the window closes");
    }

    @Test
    void darkThemeAndPresentationMode(FxRobot robot) throws Exception {
        robot.clickOn("#theme-toggle");
        assertTrue(app.scene().getStylesheets().contains(Theme.DARK.stylesheet()), "the dark colours are in use");
        assertEquals(Theme.DARK, new Settings(prefs).theme());
        MarkdownView text = robot.lookup("#lesson-text").queryAs(MarkdownView.class);
        waitFor(() -> text.pendingFormulasProperty().get() == 0);
        double normal = robot.from(text)
                .lookup(".md-math")
                .queryAs(ImageView.class)
                .getImage()
                .getHeight();

        robot.clickOn("#presentation-toggle");
        assertTrue(app.shell().root().getStyleClass().contains("presentation"));
        assertFalse(robot.lookup("#navigator").tryQuery().isPresent(), "the lesson gets the whole width");
        assertFalse(robot.lookup("#lesson-text").tryQuery().isPresent(), "the text folds away too");
        robot.press(KeyCode.F2).release(KeyCode.F2);
        assertTrue(robot.lookup("#lesson-text").tryQuery().isPresent(), "F2 brings the text back");
        waitFor(() -> text.pendingFormulasProperty().get() == 0);
        double big = robot.from(text)
                .lookup(".md-math")
                .queryAs(ImageView.class)
                .getImage()
                .getHeight();
        assertTrue(big > normal * 1.3, "formulas grow for the projector: " + normal + " → " + big);
        robot.press(KeyCode.F11).release(KeyCode.F11);
        assertFalse(app.shell().root().getStyleClass().contains("presentation"), "F11 toggles presentation mode");
        assertTrue(robot.lookup("#navigator").tryQuery().isPresent(), "the navigator is back");
        assertTrue(robot.lookup("#lesson-text").tryQuery().isPresent(), "and the text, as it was");
    }

    @Test
    void theNavigatorFoldsAndTheDividersAreRemembered(FxRobot robot) throws Throwable {
        SplitPane lesson = robot.lookup("#lesson-split").queryAs(SplitPane.class);
        robot.interact(() -> lesson.setDividerPositions(0.5));
        assertEquals(0.5, new Settings(prefs).textDivider(), 0.01, "the text's divider is remembered");
        robot.clickOn("#navigator-toggle");
        assertFalse(robot.lookup("#navigator").tryQuery().isPresent(), "the navigator folds");
        assertFalse(new Settings(prefs).navigatorShown());
        withSecondApp(robot, List.of(), other -> {
            assertTrue(
                    robot.from(other.shell().root())
                            .lookup("#navigator")
                            .tryQuery()
                            .isEmpty(),
                    "and stays folded in the next session");
            var split = robot.from(other.shell().root()).lookup("#lesson-split").queryAs(SplitPane.class);
            assertEquals(0.5, split.getDividerPositions()[0], 0.02, "the divider is where it was left");
        });
        robot.clickOn("#navigator-toggle");
        assertTrue(robot.lookup("#navigator").tryQuery().isPresent());
    }

    @Test
    void clickingAnOutputCellExplainsIt(FxRobot robot) throws Exception {
        MatrixView out = robot.lookup("#conv-intro-output").queryAs(MatrixView.class);
        waitFor(() -> out.rows() == 5);
        var bounds = out.localToScreen(out.getLayoutBounds());
        // the grid is centred in the widget: click the middle cell
        robot.clickOn(bounds.getMinX() + bounds.getWidth() / 2, bounds.getMinY() + bounds.getHeight() / 2);
        assertTrue(
                robot.lookup("#conv-intro-step").queryAs(Label.class).getText().contains("row 2, column 2"),
                robot.lookup("#conv-intro-step").queryAs(Label.class).getText());
        String products =
                robot.lookup("#conv-intro-products").queryAs(Label.class).getText();
        assertTrue(products.endsWith("= 36"), products);
        assertTrue(
                robot.lookup(".tree-cell.lesson")
                        .queryAs(TreeCell.class)
                        .getText()
                        .startsWith("◔"),
                "visited mark");
    }

    @Test
    void teacherFolderWithABrokenLessonIsReported(FxRobot robot, @TempDir Path dir) throws Throwable {
        Path bad = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(bad.resolve("lesson.json"), "{ not json");
        withSecondApp(robot, List.of("--lessons", dir.toString(), "--lessons", "/no/such/folder"), other -> {
            var link = robot.from(other.shell().root()).lookup("#lesson-errors").queryAs(Hyperlink.class);
            assertEquals("⚠ 2 lessons could not be loaded (details)", link.getText());
            assertEquals(
                    "What is a convolution?",
                    other.shell().current().title(Locale.ENGLISH),
                    "the good lessons still load");
        });
    }

    /** Another app, started with {@code args}, in a window of its own while {@code test} looks at it; closed after. */
    private void withSecondApp(FxRobot robot, List<String> args, ThrowingConsumer<KernelLabApp.Built> test)
            throws Throwable {
        KernelLabApp.Built other = WaitForAsyncUtils.asyncFx(() -> KernelLabApp.build(new Settings(prefs), args))
                .get(30, TimeUnit.SECONDS);
        Stage second = WaitForAsyncUtils.asyncFx(() -> {
                    Stage st = new Stage();
                    st.setScene(other.scene());
                    st.show();
                    return st;
                })
                .get(30, TimeUnit.SECONDS);
        try {
            test.accept(other);
        } finally {
            robot.interact(second::close);
            other.runner().shutdown();
        }
    }

    @Test
    void theAppStartsWhateverIsInTheLessonsFolders(FxRobot robot, @TempDir Path dir) throws Throwable {
        List<String> args = new ArrayList<>();
        for (Path source : MalformedLessons.write(dir)) {
            args.add("--lessons");
            args.add(source.toString());
        }
        withSecondApp(robot, args, other -> {
            int broken = MalformedLessons.BROKEN_LESSONS + MalformedLessons.BROKEN_CHAPTERS;
            var link = robot.from(other.shell().root()).lookup("#lesson-errors").queryAs(Hyperlink.class);
            assertEquals("⚠ " + broken + " lessons could not be loaded (details)", link.getText());
            assertEquals(
                    "What is a convolution?",
                    other.shell().current().title(Locale.ENGLISH),
                    "the app opened on a good lesson");
            robot.interact(() -> other.shell().select("good-c"));
            assertEquals(
                    "good-c", other.shell().current().id(), "a teacher's good lesson beside the broken ones opens");
        });
    }
}
