package org.kernellab.ui.training;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kernellab.model.NetSpec;
import org.kernellab.ui.I18n;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.i18n.Numbers;

/** Every run with its settings, size, time, speed and accuracy; choosing a finished one shows its results. */
final class RunsTable {
    private final TrainingViewModel vm;
    private final I18n i18n;
    final TableView<Run> table = new TableView<>();

    RunsTable(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    Node build() {
        table.setId("train-runs");
        table.setPlaceholder(Controls.label(i18n, "train.noRuns"));
        table.setItems(vm.runs());
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("train.colRun", r -> r.name(), RunCharts::colour));
        table.getColumns().add(column("train.colSettings", this::settings, null));
        table.getColumns().get(0).setPrefWidth(135);
        table.getColumns().get(1).setPrefWidth(200);
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
        TableColumn<Run, Run> col = new TableColumn<>();
        col.textProperty().bind(i18n.bind(key));
        col.setSortable(false);
        col.setCellValueFactory(c -> {
            Run r = c.getValue();
            // not the progress: redrawing the table at every posted batch costs the training CPU for no news
            return Bindings.createObjectBinding(() -> r, r.statusProperty(), r.evaluationProperty(), r.secondsProperty(), i18n.localeProperty());
        });
        col.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Run r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(text.apply(r));
                if (dot != null) {
                    Label d = new Label("●");
                    d.setStyle("-fx-text-fill: " + dot.apply(r) + ";");
                    setGraphic(d);
                }
            }
        });
        return col;
    }
}
