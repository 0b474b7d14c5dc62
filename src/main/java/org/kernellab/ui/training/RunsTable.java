package org.kernellab.ui.training;

import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kernellab.model.NetSpec;
import org.kernellab.ui.I18n;
import org.kernellab.ui.widgets.RunColumns;
import org.kernellab.i18n.Numbers;

/** Every run with its settings, size, time, speed and accuracy; choosing a finished one shows its results. */
final class RunsTable {
    private final TrainingViewModel vm;
    private final I18n i18n;
    final TableView<Run> table;

    RunsTable(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        table = RunColumns.table("train-runs", i18n, vm.runs());
    }

    Node build() {
        table.setPrefHeight(200);
        table.setMinHeight(140);
        table.getColumns().add(column("train.colRun", r -> r.name(), RunCharts::colour));
        table.getColumns().add(column("train.colSettings", this::settings, null));
        table.getColumns().get(0).setPrefWidth(110);
        table.getColumns().get(1).setPrefWidth(190);
        table.getColumns().add(column("train.colParams", r -> Numbers.grouped(r.spec().parameters()), null));
        table.getColumns().add(column("train.colTime", r -> Double.isNaN(r.secondsProperty().get()) ? "" : String.format(i18n.locale(), "%.1f s",
                r.secondsProperty().get()), null));
        table.getColumns().add(column("train.colSpeed", r -> r.evaluationProperty().get() == null || Double.isNaN(r.imagesPerSecondProperty().get())
                ? ""
                : Numbers.grouped(Math.round(r.imagesPerSecondProperty().get())), null));
        table.getColumns().add(column("train.colTrainAcc", r -> r.trainAccuracy().isEmpty() ? ""
                : Numbers.percent(r.trainAccuracy().get(r.trainAccuracy().size() - 1).y()), null));
        table.getColumns().add(column("train.colTestAcc", r -> r.evaluationProperty().get() == null ? ""
                : Numbers.percent(r.evaluationProperty().get().accuracy()), null));
        table.getColumns().add(column("train.colStatus", r -> r.problem() != null ? i18n.tr("train.status.FAILED") + ": " + i18n.tr(r.problem())
                : i18n.tr("train.status." + r.statusProperty().get()), null));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r.evaluationProperty().get() != null) vm.selectedProperty().set(r);
        });
        return table;
    }

    private String settings(Run r) {
        NetSpec s = r.spec();
        String base = i18n.tr("train.settingsText", s.optimizer() == NetSpec.Optimizer.ADAM ? "Adam" : "SGD", s.lr(), s.batch(), s.epochs(),
                r.limit() == 0 ? i18n.tr("train.limitAll") : Numbers.grouped(r.limit()));
        return s.dropout() > 0 ? base + " · dropout " + s.dropout() : base;
    }

    /** A column whose cells re-read the run whenever its status or figures change. */
    private TableColumn<Run, Run> column(String key, java.util.function.Function<Run, String> text, java.util.function.Function<Run, String> dot) {
        return RunColumns.column(i18n, key, text, dot, r -> new javafx.beans.Observable[] {r.statusProperty(), r.evaluationProperty(),
            r.secondsProperty()});
    }
}
