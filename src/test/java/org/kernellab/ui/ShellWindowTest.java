package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.data.DataException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's own behaviour: Esc, the status bar's cancel and last failure, and what the next start remembers. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    private Preferences prefs;
    private Settings settings;
    private KernelLabApp.Built app;
    private Stage stage;

    /** A window of its own per test: the window's listeners would otherwise outlive the app they were made for. */
    @Start
    void start(Stage primary) {
        stage = new Stage();
        prefs = Preferences.userRoot().node("kernellab-window-test-" + System.nanoTime());
        settings = new Settings(prefs);
        settings.language(Locale.ENGLISH);
        settings.window(1100, 700, false);
        app = KernelLabApp.build(settings, List.of());
        KernelLabApp.dress(stage, app, settings);
        stage.show();
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        robot.interact(stage::close);
        app.runner().shutdown();
        prefs.removeNode();
    }

    @Test
    void escLeavesPresentationMode(FxRobot robot) {
        robot.interact(() -> app.ctx().presentation().set(true));
        assertTrue(stage.isFullScreen(), "presentation mode is full screen");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.ctx().presentation().get());
        assertFalse(stage.isFullScreen());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.ctx().presentation().get(), "Esc outside presentation mode changes nothing");
    }

    @Test
    void theStatusBarCancelsWorkUnderWay(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        robot.interact(() -> app.ctx()
                .tasks()
                .run(
                        "Counting sheep",
                        ctx -> {
                            started.countDown();
                            while (!ctx.cancelled()) Thread.onSpinWait();
                            sawCancel.set(true);
                            return null;
                        },
                        x -> {}));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup("#running-tasks .label").queryAs(Label.class);
        assertEquals("Counting sheep", title.getText());
        robot.clickOn(robot.lookup("#running-tasks .cancel-task").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, sawCancel::get);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> robot.lookup("#running-tasks .running-task").queryAll().isEmpty());
        assertEquals("", robot.lookup("#last-failure").queryAs(Label.class).getText(), "a cancel is no failure");
    }

    @Test
    void theLastFailureIsToldInTheStudentsLanguage(FxRobot robot) throws Exception {
        robot.interact(() -> app.ctx()
                .tasks()
                .run(
                        "Loading",
                        ctx -> {
                            throw new DataException("data.noFolder", "/nowhere");
                        },
                        x -> {}));
        Label failure = robot.lookup("#last-failure").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !failure.getText().isEmpty());
        assertTrue(failure.getText().startsWith("⚠ Loading failed: "), failure.getText());
        assertTrue(failure.getText().contains("/nowhere"), failure.getText());
        robot.interact(() -> app.ctx().i18n().localeProperty().set(new Locale("es")));
        assertTrue(failure.getText().startsWith("⚠ Falló Loading: "), failure.getText());
        assertFalse(failure.getText().contains("Exception"), "no exception names: " + failure.getText());
    }

    @Test
    void theNextStartOpensTheSameLessonInAWindowOfTheSameSize(FxRobot robot) throws Exception {
        assertEquals(1100, stage.getWidth(), 0.5, "the size the window last had");
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(650);
            app.shell().select("pooling");
        });
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        Settings next = new Settings(prefs);
        assertEquals(1000, next.width(), 0.5);
        assertEquals(650, next.height(), 0.5);
        KernelLabApp.Built again = WaitForAsyncUtils.asyncFx(() -> KernelLabApp.build(next, List.of()))
                .get(30, TimeUnit.SECONDS);
        try {
            assertEquals("pooling", again.shell().current().id());
        } finally {
            again.runner().shutdown();
        }
    }
}
