package org.kernellab.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.install.UserDirs;
import org.kernellab.lesson.Catalog;
import org.kernellab.lesson.LessonError;
import org.kernellab.lesson.LessonLoader;
import org.kernellab.lesson.Progress;
import org.kernellab.lesson.SceneFiles;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Navigation;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.task.FxTaskRunner;

/**
 * The desktop app. Options: {@code --lessons DIR} adds or overrides lessons from a folder; {@code --open FILE} (or the
 * file alone) opens a scene or a script.
 */
public final class KernelLabApp extends Application {
    private FxTaskRunner runner;
    private Settings settings;

    public static void main(String[] args) {
        launch(KernelLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        long started = System.currentTimeMillis();
        settings = Settings.user();
        List<String> raw = getParameters().getRaw();
        Built built = build(settings, raw);
        runner = built.runner;
        dress(stage, built, settings);
        built.shell.setDocumentOpener(getHostServices()::showDocument);
        String timing = System.getProperty("kernellab.timing", "false");
        if (!timing.equals("false")) reportTiming(stage, built.engine(), started, timing.equals("exit"));
        stage.show();
    }

    /**
     * The window around a built app: its title and icons, the size it last had (never more than the screen shows: a
     * 1280x720 projector, a smaller laptop), presentation mode as full screen left with Esc, and the size remembered
     * when it closes.
     */
    static void dress(Stage stage, Built built, Settings settings) {
        Scene scene = built.scene;
        stage.setScene(scene);
        stage.setTitle("KernelLab");
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons().add(AppIcon.of(size));
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(settings.width(), screen.getWidth()));
        stage.setHeight(Math.min(settings.height(), screen.getHeight()));
        stage.setMaximized(settings.maximized());
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // F11 and Esc are handled below
        stage.fullScreenExitHintProperty().bind(built.ctx.i18n().bind("top.presentationHint"));
        built.ctx.presentation().addListener((o, a, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty()
                .addListener((o, a, full) -> built.ctx.presentation().set(full));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && built.ctx.presentation().get())
                built.ctx.presentation().set(false);
        });
        stage.setOnCloseRequest(e -> {
            settings.window(
                    stage.isMaximized() ? settings.width() : stage.getWidth(),
                    stage.isMaximized() ? settings.height() : stage.getHeight(),
                    stage.isMaximized());
            settings.flush();
        });
    }

    /**
     * With -Dkernellab.timing=true: how long a student waits for the window and for the compute engine. With
     * {@code =exit} the app then quits: the installer build runs it so to record the classes a start loads (AppCDS).
     */
    private static void reportTiming(Stage stage, ComputeEngine engine, long started, boolean exit) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("kernellab timing: JavaFX called start() " + (started - jvmStart)
                + " ms after JVM start; building the window took " + (System.currentTimeMillis() - started) + " ms");
        stage.setOnShown(e ->
                System.err.println("kernellab timing: first window shown " + (System.currentTimeMillis() - jvmStart)
                        + " ms after JVM start, at " + System.currentTimeMillis() + " ms since the epoch"));
        engine.stateProperty().addListener((o, a, s) -> {
            if (s == ComputeEngine.State.READY) {
                System.err.println("kernellab timing: compute engine ready " + (System.currentTimeMillis() - jvmStart)
                        + " ms after JVM start (ND4J warm-up " + engine.readyMillis() + " ms, off the FX thread)");
                if (exit) Platform.exit();
            }
        });
    }

    @Override
    public void stop() {
        if (settings != null) settings.flush();
        if (runner != null) runner.shutdown();
    }

    /** Everything a window shows, wired together; TestFX builds the same thing. */
    public record Built(Scene scene, AppShell shell, AppContext ctx, FxTaskRunner runner, ComputeEngine engine) {}

    public static Built build(Settings settings, List<String> args) {
        I18n i18n = new I18n();
        i18n.localeProperty().set(settings.language());
        FxTaskRunner runner = new FxTaskRunner(2);
        ComputeEngine engine = new ComputeEngine();
        AppContext ctx = new AppContext(
                i18n,
                runner,
                engine,
                new SimpleObjectProperty<>(settings.theme()),
                new SimpleBooleanProperty(false),
                new Progress(settings.node("progress")),
                new Navigation(),
                new Workbench(i18n, runner, UserDirs.current().datasets().resolve(RemoteSet.FASHION_MNIST.name())));

        List<Path> folders = new ArrayList<>();
        // a teacher's own lessons: the user's data folder, after the folder earlier versions read
        folders.add(UserDirs.legacyLessons());
        folders.add(UserDirs.current().lessons());
        List<LessonError> optionErrors = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String dir = a.startsWith("--lessons=")
                    ? a.substring("--lessons=".length())
                    : a.equals("--lessons") && i + 1 < args.size() ? args.get(++i) : null;
            if (dir == null) continue;
            Path p = Path.of(dir);
            if (Files.isDirectory(p)) folders.add(p);
            else optionErrors.add(new LessonError(p.toString(), i18n.tr("cli.badLessons", p)));
        }
        Catalog loaded = LessonLoader.load(LessonViews.ids(), folders);
        List<LessonError> errors = new ArrayList<>(optionErrors);
        errors.addAll(loaded.errors());
        Catalog catalog = new Catalog(loaded.chapters(), List.copyOf(errors));

        AppShell shell = new AppShell(ctx, settings, catalog, SceneFiles.scripts(folders), runner, engine);
        ctx.navigation().setHandler(shell::openWith);
        Scene scene = new Scene(shell.root(), 1280, 800);
        shell.actions().install(scene);
        Path toOpen = fileToOpen(args);
        if (toOpen != null) shell.actions().open(toOpen);
        // ND4J loads once the window is up: its native start-up would otherwise compete for the cores with the first
        // paint
        scene.windowProperty().addListener((o, was, window) -> {
            if (window != null && engine.stateProperty().get() == ComputeEngine.State.IDLE) {
                window.addEventHandler(
                        WindowEvent.WINDOW_SHOWN, e -> engine.start(runner, i18n.tr("status.engineTask")));
            }
        });
        applyTheme(scene, ctx.theme().get());
        ctx.theme().addListener((o, a, t) -> applyTheme(scene, t));
        scene.getAccelerators()
                .put(
                        KeyCombination.keyCombination("F11"),
                        () -> ctx.presentation().set(!ctx.presentation().get()));
        scene.getAccelerators()
                .put(
                        KeyCombination.keyCombination("F2"),
                        () -> shell.textShownProperty()
                                .set(!shell.textShownProperty().get()));
        return new Built(scene, shell, ctx, runner, engine);
    }

    /** The scene or script named by {@code --open FILE}, or given alone (a file manager's "open with"); null for none. */
    static Path fileToOpen(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--open=")) return Path.of(a.substring("--open=".length()));
            if (a.equals("--open") && i + 1 < args.size()) return Path.of(args.get(i + 1));
            if (SceneFiles.isSceneFile(a)) return Path.of(a);
        }
        return null;
    }

    private static void applyTheme(Scene scene, Theme t) {
        scene.getStylesheets().setAll(KernelLabApp.class.getResource("base.css").toExternalForm(), t.stylesheet());
    }
}
