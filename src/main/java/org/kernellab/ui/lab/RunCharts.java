package org.kernellab.ui.lab;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.EmptyCharts;

/** Loss and accuracy per epoch, every run overlaid in its own colour (train accuracy dashed). */
final class RunCharts {
    private final LabViewModel vm;
    private final I18n i18n;
    private final Lifetime life;
    final LineChart<Number, Number> loss, accuracy;

    /** One colour per run, the same in both charts and the runs table. */
    private static final String[] RUN_COLOURS = {
        "#2f6fdf", "#e4572e", "#17a673", "#9b51e0", "#f2a007", "#00a3c4", "#c2185b", "#6d8c00"
    };

    RunCharts(LabViewModel vm, I18n i18n, Lifetime life) {
        this.vm = vm;
        this.i18n = i18n;
        this.life = life;
        loss = chart("lab-loss-chart", "train.axisEpoch", "train.axisLoss", false);
        accuracy = chart("lab-accuracy-chart", "train.axisEpoch", "train.axisAccuracy", true);
        vm.runs().forEach(this::addSeries);
        life.onList(vm.runs(), (ListChangeListener<Run>) c -> {
            while (c.next()) for (Run r : c.getAddedSubList()) addSeries(r);
        });
    }

    static String colour(Run run) {
        return RUN_COLOURS[(run.number() - 1) % RUN_COLOURS.length];
    }

    private LineChart<Number, Number> chart(String id, String xKey, String yKey, boolean symbols) {
        NumberAxis x = new NumberAxis(), y = new NumberAxis();
        x.labelProperty().bind(i18n.bind(xKey));
        y.labelProperty().bind(i18n.bind(yKey));
        // epochs on x, from 0 to the longest run (or the edited one): the curves of runs line up, and an empty
        // chart already shows the span the next run will fill
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setTickUnit(1);
        x.upperBoundProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> (double) Math.max(
                                vm.epochsProperty().get(),
                                vm.runs().stream()
                                        .mapToInt(r -> r.training().epochs())
                                        .max()
                                        .orElse(1)),
                        vm.epochsProperty(),
                        vm.runs()));
        y.setForceZeroInRange(false);
        if (symbols) { // accuracy: always the whole 0–100% scale, so runs compare at a glance
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(100);
            y.setTickUnit(10);
        }
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setAnimated(false); // points arrive several times a second; animating each costs pulses
        c.setCreateSymbols(symbols);
        c.setLegendVisible(false);
        c.setMinHeight(240);
        c.setPrefHeight(300);
        c.setMinWidth(160);
        if (!symbols) EmptyCharts.noScaleWhileEmpty(c, y); // no loss is known before a run: no made-up scale
        return c;
    }

    private void addSeries(Run run) {
        String colour = colour(run);
        mirror(run.loss(), loss, colour, DASHED, false, 1);
        mirror(run.testLoss(), loss, colour, null, false, 1);
        mirror(run.testAccuracy(), accuracy, colour, null, false, 100);
        mirror(run.trainAccuracy(), accuracy, colour, DASHED, true, 100);
        mirror(run.notebook(), accuracy, colour, DOTTED, true, 100);
    }

    /**
     * Keeps a line of {@code chart} equal to a run's points (scaled: accuracy in percent), those so far and those to
     * come. The line is made with its first point, not with the run: the pulse after Train has the new row to lay out.
     */
    /** Line patterns: training curves dashed, the notebook's printed figures dotted, test curves solid. */
    private static final String DASHED = "6 5", DOTTED = "1 5";

    private void mirror(
            ObservableList<Run.Point> points,
            LineChart<Number, Number> chart,
            String colour,
            String dashes,
            boolean hollow,
            double scale) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        Consumer<List<? extends Run.Point>> add = added -> {
            if (added.isEmpty()) return;
            if (s.getChart() == null) {
                chart.getData().add(s);
                String dash = dashes != null ? " -fx-stroke-dash-array: " + dashes + ";" : "";
                s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2px;" + dash);
            }
            for (Run.Point p : added) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.y() * scale);
                s.getData().add(d);
                if (d.getNode() != null)
                    d.getNode()
                            .setStyle("-fx-background-color: " + colour + ", " + (hollow ? "-kl-panel" : colour) + ";");
            }
        };
        add.accept(points);
        life.onList(points, (ListChangeListener<Run.Point>) c -> {
            while (c.next()) add.accept(c.getAddedSubList());
        });
    }
}
