package org.kernellab.ui.lab;

import javafx.beans.Observable;
import javafx.scene.layout.Region;
import org.kernellab.model.Layer;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.RunColumns;

/** Every run with its settings, size, time, speed and accuracy; choosing a finished one shows its results. */
final class RunsTable {
    private RunsTable() {}

    static Region of(LabViewModel vm, I18n i18n, Lifetime life) {
        return new RunColumns<Run>("lab-runs", i18n)
                .column("train.colRun", Run::name, RunCharts::colour, true)
                .column("train.colSettings", r -> settings(r, i18n), null, true)
                .column("train.colParams", r -> i18n.numbers().grouped(r.net().parameters()), null, false)
                .column(
                        "train.colTime",
                        r -> Double.isNaN(r.secondsProperty().get())
                                ? ""
                                : String.format(
                                        i18n.locale(),
                                        "%.1f s",
                                        r.secondsProperty().get()),
                        null,
                        false)
                .column(
                        vm.data().input().length == 4 ? "lab.colSpeed.objects" : "lab.colSpeed.images",
                        r -> r.evaluationProperty().get() == null
                                        || Double.isNaN(
                                                r.samplesPerSecondProperty().get())
                                ? ""
                                : i18n.numbers()
                                        .grouped(Math.round(
                                                r.samplesPerSecondProperty().get())),
                        null,
                        false)
                .column(
                        "train.colTrainAcc",
                        r -> r.trainAccuracy().isEmpty()
                                ? ""
                                : i18n.numbers()
                                        .percent(r.trainAccuracy()
                                                .get(r.trainAccuracy().size() - 1)
                                                .y()),
                        null,
                        false)
                .column(
                        "train.colTestAcc",
                        r -> r.evaluationProperty().get() == null
                                ? ""
                                : i18n.numbers()
                                        .percent(r.evaluationProperty().get().accuracy()),
                        null,
                        false)
                .column(
                        "train.colGap",
                        r -> Double.isNaN(r.gap()) ? "" : i18n.numbers().percent(r.gap()),
                        null,
                        false)
                .column(
                        "train.colStatus",
                        r -> r.problem() != null
                                ? i18n.tr("train.status.FAILED") + ": " + i18n.tr(r.problem())
                                : i18n.tr("train.status." + r.statusProperty().get()),
                        null,
                        true)
                .onChoose(r -> {
                    if (r.evaluationProperty().get() != null)
                        vm.selectedProperty().set(r);
                })
                .build(
                        vm.runs(),
                        r -> new Observable[] {r.statusProperty(), r.evaluationProperty(), r.secondsProperty()},
                        life);
    }

    private static String settings(Run r, I18n i18n) {
        Training t = r.training();
        int limit = r.feed().limit();
        String base = i18n.tr(
                "train.settingsText",
                t.optimizer() == Training.Optimizer.ADAM ? "Adam" : "SGD",
                t.lr(),
                t.batch(),
                t.epochs(),
                limit == 0 ? i18n.tr("train.limitAll") : i18n.numbers().grouped(limit));
        long dropouts = r.net().layers().stream()
                .filter(l -> l instanceof Layer.Dropout)
                .count();
        if (dropouts > 0) base += " · " + i18n.tr("lab.dropouts", dropouts);
        if (!r.notebook().isEmpty())
            base += " · "
                    + i18n.tr(
                            "train.notebookFinal",
                            i18n.numbers()
                                    .percent(r.notebook()
                                            .get(r.notebook().size() - 1)
                                            .y()));
        return r.feed().augment() != null ? base + " · " + i18n.tr("train.augmented") : base;
    }
}
