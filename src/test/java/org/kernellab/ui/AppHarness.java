package org.kernellab.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.LessonLoader;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.train3d.Train3DPage;
import org.kernellab.ui.training.TrainingPage;
import org.kernellab.ui.widgets.MarkdownView;
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
        this(stage, language, theme, List.of());
    }

    /** The app as started with {@code args} on the command line. */
    public AppHarness(Stage stage, Locale language, Theme theme, List<String> args) {
        Settings s = new Settings(prefs);
        s.language(language);
        s.theme(theme);
        s.textShown(false); // the views get the whole width, as a teacher projecting them would set it
        app = KernelLabApp.build(s, args);
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

    /** No work under way and every formula of the lesson text (when it is shown) on screen. */
    public void settle() throws Exception {
        waitFor(() -> {
            MarkdownView text = (MarkdownView) app.scene().lookup("#lesson-text");
            return app.runner().running().isEmpty()
                    && (text == null || text.pendingFormulasProperty().get() == 0);
        });
    }

    /**
     * On a lab, one short run of {@code epochs} on 256 images, finished, so that its runs table, charts and results have
     * their rows, curves and figures, as in class; nothing on other pages or a lab that has a run.
     */
    public void withARun(FxRobot robot, int epochs) throws Exception {
        Page page = app.shell().page();
        LabViewModel lab =
                page instanceof TrainingPage t ? t.viewModel() : page instanceof Train3DPage t3 ? t3.viewModel() : null;
        if (lab == null || !lab.runs().isEmpty()) return;
        robot.interact(() -> {
            lab.limitProperty().set(256);
            lab.epochsProperty().set(epochs);
            lab.train();
        });
        waitFor(() ->
                !lab.runs().isEmpty() && lab.runs().get(0).finishedProperty().get());
        settle();
    }

    /** Every built-in lesson's id, in the navigator's order. */
    public static List<String> lessonIds() {
        return LessonLoader.load(LessonViews.ids(), List.of()).lessons().stream()
                .map(Lesson::id)
                .toList();
    }

    /**
     * Each visible tab pane's tabs after the first, each once its content is there: {@code look} (on the FX thread) gets
     * the place named {@code where} and the tab. Back on the first tab after; returns how many tabs were looked at.
     */
    public int otherTabs(FxRobot robot, String where, Consumer<String> look) throws Exception {
        int looked = 0;
        for (Node n : List.copyOf(app.scene().getRoot().lookupAll(".tab-pane"))) {
            TabPane tabs = (TabPane) n;
            if (!tabs.isVisible()) continue;
            for (int i = 1; i < tabs.getTabs().size(); i++) {
                int at = i;
                robot.interact(() -> tabs.getSelectionModel().select(at));
                settle();
                String tab = where + " tab \"" + tabs.getTabs().get(at).getText() + "\"";
                robot.interact(() -> look.accept(tab));
                looked++;
            }
            robot.interact(() -> tabs.getSelectionModel().select(0));
        }
        return looked;
    }

    public void close() throws Exception {
        app.runner().shutdown();
        prefs.removeNode();
    }
}
