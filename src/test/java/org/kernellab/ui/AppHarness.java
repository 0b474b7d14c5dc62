package org.kernellab.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.Theme;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app in a test window, with its own preferences, for TestFX tests of the lesson views. */
public final class AppHarness {
    public final Preferences prefs = Preferences.userRoot().node("kernellab-test-" + System.nanoTime());
    public final KernelLabApp.Built app;

    public AppHarness(Stage stage) {
        this(stage, Locale.ENGLISH, Theme.LIGHT);
    }

    /** The app as it starts for a student who left it in {@code language} and {@code theme}. */
    public AppHarness(Stage stage, Locale language, Theme theme) {
        Settings s = new Settings(prefs);
        s.language(language);
        s.theme(theme);
        s.textShown(false); // the views get the whole width, as a teacher projecting them would set it
        app = KernelLabApp.build(s, List.of());
        stage.setScene(app.scene());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    public static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a lesson and waits until ND4J is ready, so that outputs are on screen. */
    public <T extends Page> T open(FxRobot robot, String lessonId, Class<T> type) throws Exception {
        robot.interact(() -> app.shell().select(lessonId));
        waitFor(() -> app.engine().stateProperty().get() == ComputeEngine.State.READY);
        return type.cast(app.shell().page());
    }

    public void close() throws Exception {
        app.runner().shutdown();
        prefs.removeNode();
    }
}
