package org.kernellab.ui.lab;

import java.util.List;
import javafx.beans.Observable;
import javafx.scene.layout.Region;
import org.kernellab.model.Layer;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.RunColumns;

/** Every run with its settings, size, time, speed and accuracy; choosing a finished one shows its results. */
final class RunsTable {
    private RunsTable() {}

    static Region of(LabViewModel vm, I18n i18n, Lifetime life) {
        String speed = vm.data().input().length == 4 ? "lab.colSpeed.objects" : "lab.colSpeed.images";
        return new RunColumns<Run>("lab-runs", i18n)
                // the settings under the run's name: one column fewer keeps the table inside a projector's half width
                .column("train.colRun", r -> r.name() + "\n" + settings(r, i18n), RunCharts::colour, true)
                .column("train.colParams", r -> i18n.numbers().grouped(r.net().parameters()), null, false)
                .column("train.colTime", r -> time(r, i18n), null, false)
                .column(speed, r -> speed(r, i18n), null, false)
                .column("train.colTrainAcc", r -> trainAccuracy(r, i18n), null, false)
                .column("train.colTestAcc", r -> testAccuracy(r, i18n), null, false)
                .column(
                        "train.colGap",
                        r -> Double.isNaN(r.gap()) ? "" : i18n.numbers().percent(r.gap()),
                        null,
                        false)
                .column("train.colStatus", r -> status(r, i18n), null, true)
                .onChoose(r -> {
                    if (r.evaluationProperty().get() != null)
                        vm.selectedProperty().set(r);
                })
                .build(
                        vm.runs(),
                        r -> new Observable[] {r.statusProperty(), r.evaluationProperty(), r.secondsProperty()},
                        life);
    }

    private static String time(Run r, I18n i18n) {
        double s = r.secondsProperty().get();
        return Double.isNaN(s) ? "" : String.format(i18n.locale(), "%.1f s", s);
    }

    /** Samples a second, once the run is tested. */
    private static String speed(Run r, I18n i18n) {
        double v = r.samplesPerSecondProperty().get();
        return r.evaluationProperty().get() == null || Double.isNaN(v)
                ? ""
                : i18n.numbers().grouped(Math.round(v));
    }

    /** The last epoch's. */
    private static String trainAccuracy(Run r, I18n i18n) {
        List<Run.Point> a = r.trainAccuracy();
        return a.isEmpty() ? "" : i18n.numbers().percent(a.get(a.size() - 1).y());
    }

    private static String testAccuracy(Run r, I18n i18n) {
        Trainer.Evaluation e = r.evaluationProperty().get();
        return e == null ? "" : i18n.numbers().percent(e.accuracy());
    }

    private static String status(Run r, I18n i18n) {
        return r.problem() != null
                ? i18n.tr("train.status.FAILED") + ": " + i18n.tr(r.problem())
                : i18n.tr("train.status." + r.statusProperty().get());
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
        if (r.feed().adversarial() > 0)
            base += " · " + i18n.tr("train.adversarialRun", r.feed().adversarial());
        return r.feed().augment() != null ? base + " · " + i18n.tr("train.augmented") : base;
    }
}
