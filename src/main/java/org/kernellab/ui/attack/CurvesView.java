package org.kernellab.ui.attack;

import java.util.StringJoiner;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;

/** The robustness curves: accuracy against ε for each net measured, with the buttons that measure and train them. */
final class CurvesView {
    private final Curves curves;
    private final I18n i18n;
    private final VBox box = new VBox(8);
    private final LineChart<Number, Number> chart;
    private final Label figures = new Label();

    CurvesView(Curves curves, AppContext ctx, Lifetime life) {
        this.curves = curves;
        this.i18n = ctx.i18n();
        box.setPadding(new Insets(0, 12, 12, 12));
        box.setId("attack-curves");
        NumberAxis x = new NumberAxis(0, 0.2, 0.05), y = new NumberAxis(0, 100, 10);
        x.labelProperty().bind(i18n.bind("attack.curveX"));
        y.labelProperty().bind(i18n.bind("attack.curveY"));
        chart = new LineChart<>(x, y);
        chart.setId("attack-chart");
        chart.setAnimated(false);
        chart.setMinHeight(240);
        chart.setPrefHeight(300);
        figures.setId("attack-figures");
        figures.setWrapText(true);
        figures.getStyleClass().add("small");
        ComboBox<Integer> limit = new ComboBox<>();
        limit.setId("attack-limit");
        limit.getItems().addAll(200, 500, 1000, 2000, 0);
        Controls.localized(
                limit,
                i18n,
                n -> n == 0 ? i18n.tr("train.limitAll") : i18n.numbers().grouped(n));
        limit.valueProperty().bindBidirectional(curves.limitProperty());
        CheckBox pgd = new CheckBox();
        pgd.setId("attack-curve-pgd");
        pgd.textProperty().bind(i18n.bind("attack.curvePgd"));
        pgd.selectedProperty().bindBidirectional(curves.pgdProperty());
        Button current = Controls.button("attack-measure", i18n, "attack.measure", curves::measureCurrent);
        Button mlp = Controls.button("attack-train-mlp", i18n, "attack.trainMlp", curves::trainMlp);
        Button adversarial =
                Controls.button("attack-train-adversarial", i18n, "attack.trainAdversarial", curves::trainAdversarial);
        Button clear = Controls.button("attack-clear", i18n, "attack.clear", curves::clear);
        for (Button b : new Button[] {current, mlp, adversarial, clear}) b.setMaxWidth(Double.MAX_VALUE);
        Label problem = Controls.problem("attack-curves-problem", i18n, curves.problemProperty());
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("attack.curvesHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        FlowPane controls = new FlowPane(10, 8, Controls.label(i18n, "attack.pictures"), limit, pgd);
        FlowPane buttons = new FlowPane(10, 8, current, mlp, adversarial, clear);
        box.getChildren()
                .addAll(Grids.title(i18n.bind("attack.curves")), hint, controls, buttons, problem, chart, figures);
        life.onList(curves.curves(), (ListChangeListener<Curves.Curve>) c -> redraw());
        life.onChange(i18n.localeProperty(), l -> redraw());
        redraw();
    }

    Node view() {
        return box;
    }

    private void redraw() {
        chart.getData().clear();
        StringJoiner text = new StringJoiner("\n");
        for (Curves.Curve c : curves.curves()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            String name = i18n.tr(
                    "attack.curveName",
                    c.name(),
                    i18n.tr(c.pgd() ? "attack.pgdShort" : "attack.fgsmShort"),
                    c.values().samples());
            s.setName(name);
            StringJoiner row = new StringJoiner("  ");
            for (int i = 0; i < c.values().eps().length; i++) {
                s.getData()
                        .add(new XYChart.Data<>(
                                c.values().eps()[i], 100 * c.values().accuracy()[i]));
                row.add(i18n.tr("attack.point", c.values().eps()[i], c.values().accuracy()[i]));
            }
            chart.getData().add(s);
            text.add(name + ": " + row);
        }
        figures.setText(text.toString());
    }
}
