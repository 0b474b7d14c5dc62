package org.kernellab.ui.attack;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kernellab.model.Attacks;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;

/** The picture before the attack, the perturbation amplified, and the picture after, each with the net's answer. */
final class AttackStage {
    private static final int SIDE = ExplainInput.SIDE;

    private final AttackViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final VBox box = new VBox(10);
    private final FlowPane row = new FlowPane(18, 12);
    private final Label summary = new Label();

    AttackStage(AttackViewModel vm, AppContext ctx, Lifetime life) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        box.setPadding(new Insets(12, 12, 0, 12));
        summary.setId("attack-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("emphasis");
        box.getChildren()
                .addAll(
                        Grids.title(i18n.bind("attack.title")),
                        Controls.problem("attack-problem", i18n, vm.problemProperty()),
                        row,
                        summary);
        life.onChange(vm.resultProperty(), r -> redraw());
        life.onChange(i18n.localeProperty(), l -> redraw());
        life.onChange(ctx.palette(), p -> redraw());
        life.onChange(ctx.presentation(), p -> redraw());
        redraw();
    }

    Node view() {
        return box;
    }

    private void redraw() {
        row.getChildren().clear();
        AttackViewModel.Result r = vm.resultProperty().get();
        if (r == null) {
            summary.setText("");
            return;
        }
        Attacks.Result a = r.attack();
        float[] x = r.picture().values(), adv = a.image();
        double[][] before = new double[SIDE][SIDE], after = new double[SIDE][SIDE], delta = new double[SIDE][SIDE];
        for (int k = 0; k < x.length; k++) {
            before[k / SIDE][k % SIDE] = x[k];
            after[k / SIDE][k % SIDE] = adv[k];
            delta[k / SIDE][k % SIDE] = adv[k] - x[k];
        }
        double cell = ctx.presentation().get() ? 9 : 7;
        row.getChildren()
                .addAll(
                        tile(
                                "attack-before",
                                before,
                                HeatMap.Scale.GREY,
                                1,
                                cell,
                                i18n.tr("attack.before", name(a.before()), percent(a.confidenceBefore()))),
                        tile(
                                "attack-delta",
                                delta,
                                HeatMap.Scale.SIGNED,
                                Math.max(r.eps(), 1e-6),
                                cell,
                                i18n.tr("attack.delta", r.eps())),
                        tile(
                                "attack-after",
                                after,
                                HeatMap.Scale.GREY,
                                1,
                                cell,
                                i18n.tr("attack.after", name(a.after()), percent(a.confidenceAfter()))));
        summary.setText(i18n.tr(
                a.flipped() ? "attack.fooled" : "attack.notFooled", a.linf(), (int) Math.round(a.linf() * 255)));
    }

    /** A percentage that does not break before its sign (Spanish writes "97,4 %"). */
    private String percent(double p) {
        return i18n.numbers().percent(p).replace(' ', '\u00a0');
    }

    private String name(int c) {
        return i18n.tr("data.class." + c);
    }

    private VBox tile(String id, double[][] values, HeatMap.Scale scale, double range, double cell, String caption) {
        HeatMap m = new HeatMap(cell);
        m.setId(id);
        m.paletteProperty().bind(ctx.palette());
        m.setValues(values, scale, range);
        Label l = new Label(caption);
        l.setWrapText(true);
        l.setMaxWidth(SIDE * cell);
        return new VBox(6, m, l);
    }
}
