package org.kernellab.ui.training;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.I18n;
import org.kernellab.ui.training.Run.Status;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.i18n.Numbers;

/** Compare, train, pause, cancel and the current run's progress: epoch, percent, images per second and time left. */
final class RunBar {
    private final TrainingViewModel vm;
    private final I18n i18n;
    private final Lifetime life;

    RunBar(TrainingViewModel vm, I18n i18n, Lifetime life) {
        this.vm = vm;
        this.i18n = i18n;
        this.life = life;
    }

    Node build() {
        Button pause = new Button();
        pause.setId("train-pause");
        pause.textProperty().bind(i18n.bind(() -> i18n.tr(vm.currentStatusProperty().get() == Status.PAUSED ? "train.resume" : "train.pause"),
                vm.currentStatusProperty()));
        pause.setOnAction(e -> vm.togglePause());
        pause.disableProperty().bind(vm.currentProperty().isNull());
        Button cancel = Controls.button("train-cancel", i18n, "train.cancel", vm::cancel);
        cancel.disableProperty().bind(vm.currentProperty().isNull());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("train-progress");
        bar.setPrefWidth(220);
        Label status = new Label();
        status.setId("train-status");
        // the run's figures change with every posted batch; one binding over the current run's properties
        javafx.beans.property.StringProperty text = new javafx.beans.property.SimpleStringProperty();
        Runnable update = () -> {
            Run r = vm.currentProperty().get();
            bar.setProgress(r == null ? 0 : r.progressProperty().get());
            text.set(r == null ? i18n.tr("train.idle") : describe(r));
        };
        // the current run, whichever it is: its progress, status and time left
        life.onChange(vm.currentProperty(), r -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::progressProperty), x -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::statusProperty), x -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::secondsLeftProperty), x -> update.run());
        life.onChange(i18n.localeProperty(), l -> update.run());
        update.run();
        status.textProperty().bind(text);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        // the actions stay on the stage when the editor is folded away: Compare (the course's experiment) and Train
        Button compare = Controls.button("train-compare", i18n, "train.compare", vm::compare);
        compare.getStyleClass().add("accent");
        Button train = Controls.button("train-start", i18n, "train.start", vm::train);
        for (Button b : new Button[] {compare, train, pause, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setMaxWidth(Region.USE_PREF_SIZE);
        }
        FlowPane buttons = new FlowPane(10, 6, compare, train, pause, cancel, bar);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, buttons, status);
    }

    private String describe(Run r) {
        if (r.statusProperty().get() == Status.QUEUED) return i18n.tr("train.waitingData", r.name());
        String speed = Double.isNaN(r.imagesPerSecondProperty().get()) ? "…" : Numbers.grouped(Math.round(r.imagesPerSecondProperty().get()));
        String left = Double.isNaN(r.secondsLeftProperty().get()) ? "…" : String.valueOf(Math.round(r.secondsLeftProperty().get()));
        return i18n.tr(r.statusProperty().get() == Status.PAUSED ? "train.pausedStatus" : "train.runningStatus", r.name(),
                Math.max(1, r.epoch()), r.spec().epochs(), Math.round(r.progressProperty().get() * 100), speed, left);
    }
}
