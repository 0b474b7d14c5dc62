package org.kernellab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.task.TaskRunner;

/** What every page may use: language, background work, the compute engine, look, presentation mode and the student's progress. */
public record AppContext(I18n i18n, TaskRunner tasks, ComputeEngine engine, ObjectProperty<Theme> theme, BooleanProperty presentation, Progress progress,
                         Navigation navigation, Workbench workbench) {
    public ObjectBinding<Theme.Palette> palette() {
        return Bindings.createObjectBinding(() -> theme.get().palette(), theme);
    }

    /** True once ND4J has loaded: views may then compute small things at once instead of in a task. */
    public javafx.beans.binding.BooleanBinding engineReady() {
        return Bindings.createBooleanBinding(() -> engine.stateProperty().get() == ComputeEngine.State.READY, engine.stateProperty());
    }
}
