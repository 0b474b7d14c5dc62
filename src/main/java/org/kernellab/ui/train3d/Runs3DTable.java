package org.kernellab.ui.train3d;

import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.I18n;
import org.kernellab.ui.widgets.RunColumns;

/** Every 3D run: its net and size, its speed, its test accuracy and how it ended; choosing a finished one shows its results. */
final class Runs3DTable {
    private Runs3DTable() {}

    static TableView<Run3D> of(Train3DViewModel vm, I18n i18n, Function<Run3D, String> colour) {
        TableView<Run3D> table = RunColumns.table("t3-runs", i18n, vm.runs());
        table.setPrefHeight(150);
        table.setMinHeight(120);
        table.getColumns().add(column(i18n, "train.colRun", Train3DViewModel::name, colour));
        table.getColumns().add(column(i18n, "train.colParams", r -> Numbers.grouped(r.spec().parameters()), null));
        table.getColumns().add(column(i18n, "train.colSpeed", r -> Double.isNaN(r.progressProperty().get()[1]) ? ""
                : Numbers.grouped(Math.round(r.progressProperty().get()[1])), null));
        table.getColumns().add(column(i18n, "train.colTestAcc", r -> r.evaluationProperty().get() == null ? ""
                : Numbers.percent(r.evaluationProperty().get().accuracy()), null));
        table.getColumns().add(column(i18n, "train.colStatus", r -> r.problem() != null ? i18n.tr(r.problem())
                : i18n.tr("t3.status." + r.statusProperty().get()), null));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r.evaluationProperty().get() != null) vm.show(r);
        });
        return table;
    }

    /** A column whose cells re-read the run when its status or results change (not at every batch). */
    private static TableColumn<Run3D, Run3D> column(I18n i18n, String key, Function<Run3D, String> text, Function<Run3D, String> dot) {
        return RunColumns.column(i18n, key, text, dot, r -> new javafx.beans.Observable[] {r.statusProperty(), r.evaluationProperty()});
    }
}
