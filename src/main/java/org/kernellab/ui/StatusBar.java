package org.kernellab.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kernellab.compute.Problem;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.task.FxTaskRunner;

/** The bottom bar: the compute engine's state, background work under way (with cancel), the last failure. */
final class StatusBar extends HBox {
    private final Label note = new Label();

    StatusBar(AppContext ctx, FxTaskRunner runner, ComputeEngine engine) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(12);
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        I18n i18n = ctx.i18n();

        Label engineLabel = new Label();
        engineLabel.setId("engine-state");
        engineLabel
                .textProperty()
                .bind(i18n.bind(
                        () -> switch (engine.stateProperty().get()) {
                            case IDLE, LOADING -> i18n.tr("status.engineLoading");
                            case READY -> i18n.tr("status.engineReady", engine.describe(i18n));
                            case FAILED -> i18n.tr("status.engineFailed", engine.describe(i18n));
                        },
                        engine.stateProperty(),
                        engine.backendProperty(),
                        engine.problemProperty()));
        engineLabel.getStyleClass().add("engine-state");

        Label failure = new Label();
        failure.setId("last-failure");
        failure.getStyleClass().add("problem");
        failure.textProperty()
                .bind(i18n.bind(
                        () -> {
                            FxTaskRunner.Failure f = runner.lastFailure().get();
                            return f == null ? "" : i18n.tr("status.failed", f.title(), i18n.tr(Problem.of(f.error())));
                        },
                        runner.lastFailure()));

        HBox tasks = new HBox(10);
        tasks.setId("running-tasks");
        tasks.setAlignment(Pos.CENTER_RIGHT);
        runner.running().addListener((ListChangeListener<Task<?>>) ch -> tasks.getChildren()
                .setAll(runner.running().stream().map(t -> taskView(t, i18n)).toList()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        note.setId("status-note");
        getChildren().addAll(engineLabel, failure, note, spacer, tasks);
    }

    /** A line on what the student just did ("scene copied"), until the next one. */
    void note(String text) {
        note.setText(text);
    }

    private static HBox taskView(Task<?> t, I18n i18n) {
        Label title = new Label();
        title.textProperty()
                .bind(Bindings.when(t.messageProperty().isEmpty())
                        .then(t.titleProperty())
                        .otherwise(Bindings.concat(t.titleProperty(), " — ", t.messageProperty())));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(t.progressProperty());
        bar.setPrefWidth(110);
        Button cancel = new Button("✕");
        cancel.getStyleClass().add("cancel-task");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("status.cancel"));
        cancel.setTooltip(tip);
        cancel.setOnAction(e -> t.cancel());
        HBox box = new HBox(6, title, bar, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("running-task");
        return box;
    }
}
