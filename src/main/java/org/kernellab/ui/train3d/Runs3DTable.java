package org.kernellab.ui.train3d;

import java.util.function.Function;
import javafx.beans.Observable;
import javafx.scene.layout.Region;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.widgets.RunColumns;

/** Every 3D run: its net and size, its speed, its test accuracy and how it ended; choosing a finished one shows its results. */
final class Runs3DTable {
    private Runs3DTable() {}

    static Region of(Train3DViewModel vm, I18n i18n, Function<Run3D, String> colour, Lifetime life) {
        return new RunColumns<Run3D>("t3-runs", i18n)
                .column("train.colRun", Train3DViewModel::name, colour, true)
                .column("train.colParams", r -> Numbers.grouped(r.spec().parameters()), null, false)
                .column("train.colSpeed", r -> Double.isNaN(r.progressProperty().get()[1]) ? ""
                        : Numbers.grouped(Math.round(r.progressProperty().get()[1])), null, false)
                .column("train.colTestAcc", r -> r.evaluationProperty().get() == null ? "" : Numbers.percent(r.evaluationProperty().get().accuracy()),
                        null, false)
                .column("train.colStatus", r -> r.problem() != null ? i18n.tr(r.problem()) : i18n.tr("t3.status." + r.statusProperty().get()), null,
                        true)
                .onChoose(r -> {
                    if (r.evaluationProperty().get() != null) vm.show(r);
                })
                .build(vm.runs(), r -> new Observable[] {r.statusProperty(), r.evaluationProperty()}, life);
    }
}
