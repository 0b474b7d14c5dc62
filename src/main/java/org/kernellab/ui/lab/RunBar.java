package org.kernellab.ui.lab;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.Controls;

/** Compare, train, pause, cancel and the current run's progress: epoch, percent, images per second and time left. */
final class RunBar {
    private final LabViewModel vm;
    private final I18n i18n;
    private final Lifetime life;

    RunBar(LabViewModel vm, I18n i18n, Lifetime life) {
        this.vm = vm;
        this.i18n = i18n;
        this.life = life;
    }

    /** The bar, with the lab's own buttons ({@code actions}) before Train. */
    Node build(List<Node> actions) {
        Button pause = new Button();
        pause.setId("lab-pause");
        ObservableValue<Run.Status> status = vm.currentProperty().flatMap(Run::statusProperty);
        pause.textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr(status.getValue() == Run.Status.PAUSED ? "train.resume" : "train.pause"),
                        status));
        pause.setOnAction(e -> vm.togglePause());
        pause.disableProperty().bind(vm.currentProperty().isNull());
        Button cancel = Controls.button("lab-cancel", i18n, "train.cancel", vm::cancel);
        cancel.disableProperty().bind(vm.currentProperty().isNull());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("lab-progress");
        bar.setPrefWidth(220);
        Label line = new Label();
        line.setId("lab-status");
        // the run's figures change with every posted batch; one binding over the current run's properties
        StringProperty text = new SimpleStringProperty();
        Runnable update = () -> {
            Run r = vm.currentProperty().get();
            bar.setProgress(
                    r == null
                            ? 0
                            : r.statusProperty().get() == Run.Status.LOADING
                                    ? -1
                                    : r.progressProperty().get());
            text.set(r == null ? i18n.tr("train.idle") : describe(r));
        };
        // the current run, whichever it is: its progress, status and time left
        life.onChange(vm.currentProperty(), r -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::progressProperty), x -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::statusProperty), x -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::secondsLeftProperty), x -> update.run());
        life.onChange(i18n.localeProperty(), l -> update.run());
        update.run();
        line.textProperty().bind(text);
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        // the actions stay on the stage when the editor is folded away: Train, and the lab's own (the course's
        // comparison)
        Button train = Controls.button("lab-start", i18n, "train.start", vm::train);
        train.getStyleClass().add("accent");
        FlowPane buttons = new FlowPane(10, 6);
        buttons.getChildren().addAll(actions);
        buttons.getChildren().addAll(train, pause, cancel, bar);
        for (Node n : buttons.getChildren()) {
            if (n instanceof Button b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setMaxWidth(Region.USE_PREF_SIZE);
            }
        }
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, buttons, line);
    }

    private String describe(Run r) {
        Run.Status s = r.statusProperty().get();
        if (s == Run.Status.QUEUED || s == Run.Status.LOADING) return i18n.tr("train.waitingData", r.name());
        String speed = Double.isNaN(r.samplesPerSecondProperty().get())
                ? "…"
                : i18n.numbers().grouped(Math.round(r.samplesPerSecondProperty().get()));
        String left = Double.isNaN(r.secondsLeftProperty().get())
                ? "…"
                : String.valueOf(Math.round(r.secondsLeftProperty().get()));
        return i18n.tr(
                s == Run.Status.PAUSED ? "train.pausedStatus" : "lab.runningStatus",
                r.name(),
                Math.max(1, r.epoch()),
                r.training().epochs(),
                Math.round(r.progressProperty().get() * 100),
                speed,
                left);
    }
}
