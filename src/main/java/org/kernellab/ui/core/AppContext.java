package org.kernellab.ui.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import org.kernellab.data.EmbeddedImages;
import org.kernellab.install.UserDirs;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.task.TaskRunner;

/**
 * What every page may use: language, background work, the compute engine, look, presentation mode, the student's
 * progress, and the state that outlives a page (the data and network being looked at, the training lab and its runs).
 */
public final class AppContext {
    private final I18n i18n;
    private final TaskRunner tasks;
    private final ComputeEngine engine;
    private final ObjectProperty<Theme> theme;
    private final ObservableValue<Theme.Palette> palette;
    private final BooleanProperty presentation;
    private final Progress progress;
    private final Navigation navigation;
    private final Workbench workbench;
    /** What pages keep for the app's lifetime (a lab and its runs), one per type, made by the first page that asks. */
    private final Map<Class<?>, Object> shared = new HashMap<>();

    private final EmbeddedImages pictures = new EmbeddedImages();

    public AppContext(
            I18n i18n,
            TaskRunner tasks,
            ComputeEngine engine,
            ObjectProperty<Theme> theme,
            BooleanProperty presentation,
            Progress progress,
            Navigation navigation,
            Workbench workbench) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.engine = engine;
        this.theme = theme;
        this.palette = theme.map(
                Theme::palette); // one for the app, held here, so a page's subscription to it never goes quiet
        this.presentation = presentation;
        this.progress = progress;
        this.navigation = navigation;
        this.workbench = workbench;
    }

    /** The embedded test images lessons take pictures from, read once. */
    public EmbeddedImages pictures() {
        return pictures;
    }

    public I18n i18n() {
        return i18n;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ComputeEngine engine() {
        return engine;
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    /** The current theme's colours, for views that draw on a canvas. */
    public ObservableValue<Theme.Palette> palette() {
        return palette;
    }

    public BooleanProperty presentation() {
        return presentation;
    }

    public Progress progress() {
        return progress;
    }

    public Navigation navigation() {
        return navigation;
    }

    public Workbench workbench() {
        return workbench;
    }

    /**
     * The one {@code type} of the app, made by {@code make} when first asked for: state that outlives a page, such as a lab
     * whose runs go on while other lessons are shown.
     */
    public <T> T shared(Class<T> type, Supplier<T> make) {
        return type.cast(shared.computeIfAbsent(type, k -> make.get()));
    }

    /** How many threads training uses in the app: one, so that the other core draws the window. */
    public int trainingThreads() {
        return 1;
    }

    /** The user's folders (data, caches). */
    public UserDirs userDirs() {
        return UserDirs.current();
    }

    /**
     * True once ND4J has loaded: views may then compute small things at once instead of in a task. A new binding
     * for each caller, which owns it: the engine holds it weakly, so a closed page's listeners go with it.
     */
    public BooleanBinding engineReady() {
        return Bindings.createBooleanBinding(
                () -> engine.stateProperty().get() == ComputeEngine.State.READY, engine.stateProperty());
    }
}
