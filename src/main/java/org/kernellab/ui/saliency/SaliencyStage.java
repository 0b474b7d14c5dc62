package org.kernellab.ui.saliency;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kernellab.model.Saliency;
import org.kernellab.model.SanityChecks;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.widgets.ClassBars;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.MapOverlay;

/** The saliency lesson's stage: redrawn from the view-model's result and sanity checks, computing nothing itself. */
final class SaliencyStage {
    private static final int SIDE = ExplainInput.SIDE;

    private final SaliencyViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final VBox box = new VBox(14), head = new VBox(8), maps = new VBox(8), all = new VBox(8);
    private final VBox sanity = new VBox(8), sanityMaps = new VBox(8);

    SaliencyStage(SaliencyViewModel vm, AppContext ctx, Lifetime life) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        box.setPadding(new Insets(12));
        box.setId("saliency-stage");
        buildSanity();
        box.getChildren()
                .addAll(Controls.problem("saliency-problem", i18n, vm.problemProperty()), head, maps, all, sanity);
        life.onChange(vm.resultProperty(), r -> redraw());
        life.onChange(vm.overlayProperty(), o -> redraw());
        life.onChange(vm.sanityProperty(), s -> redrawSanity());
        life.onChange(i18n.localeProperty(), l -> {
            redraw();
            redrawSanity();
        });
        life.onChange(ctx.presentation(), p -> {
            redraw();
            redrawSanity();
        });
        redraw();
    }

    Node view() {
        return box;
    }

    private double scale() {
        return ctx.presentation().get() ? 1.35 : 1;
    }

    private void redraw() {
        SaliencyViewModel.Result r = vm.resultProperty().get();
        head.getChildren().clear();
        maps.getChildren().clear();
        all.getChildren().clear();
        if (r == null) return;
        Saliency.Map m = r.map();
        ExplainInput.Picture pic = r.picture();
        HeatMap picture = new HeatMap(6 * scale());
        picture.setId("saliency-picture");
        picture.setValues(grid(pic.values()), HeatMap.Scale.GREY, 1);
        String caption = pic.drawn()
                ? i18n.tr("explain.drawing")
                : i18n.tr("maps.testImage", pic.index(), i18n.tr("data.class." + pic.label()));
        Label predicted = SaliencyPage.wrapped(
                i18n.tr("saliency.explains", i18n.tr("data.class." + m.cls()), i18n.tr("data.class." + m.prediction())),
                "emphasis");
        predicted.setId("saliency-explains");
        predicted.setMaxWidth(360);
        head.getChildren()
                .add(SaliencyPage.flow(List.of(
                        new VBox(6, picture, SaliencyPage.wrapped(caption, null)),
                        new VBox(6, predicted, ClassBars.of(m.probabilities(), 10, i18n)))));
        boolean upsampled = m.upsampled() != null;
        double side = 240 * scale();
        MapOverlay own = new MapOverlay(side), over = new MapOverlay(side);
        own.setId("saliency-map");
        over.setId("saliency-over");
        own.set(pic.values(), SIDE, SIDE, m.values(), m.shape()[0], m.shape()[1], false, 0);
        over.set(
                pic.values(),
                SIDE,
                SIDE,
                m.full(),
                SIDE,
                SIDE,
                vm.overlayProperty().get(),
                0);
        String ownTitle =
                upsampled ? i18n.tr("saliency.ownSize", m.shape()[0], m.shape()[1]) : i18n.tr("saliency.mapAlone");
        String overTitle = i18n.tr(upsampled ? "saliency.upsampled" : "saliency.overPicture", SIDE, SIDE);
        maps.getChildren()
                .addAll(
                        Grids.title(i18n.bind("saliency.maps")),
                        SaliencyPage.flow(List.of(titled(ownTitle, own), titled(overTitle, over))),
                        SaliencyPage.wrapped(i18n.tr(key(m)), "hint"));
        if (r.all() != null) drawAll(r);
    }

    /** 784 values as the 28×28 rows a heat map draws. */
    static double[][] grid(float[] v) {
        double[][] g = new double[SIDE][SIDE];
        for (int k = 0; k < v.length; k++) g[k / SIDE][k % SIDE] = v[k];
        return g;
    }

    private static String key(Saliency.Map m) {
        return m.upsampled() != null ? "saliency.aboutGradcam" : "saliency.aboutMap";
    }

    private void drawAll(SaliencyViewModel.Result r) {
        List<float[]> values = r.all().stream().map(Saliency.Map::full).toList();
        double range = MapOverlay.maxAbs(values);
        List<Node> tiles = new ArrayList<>();
        for (Saliency.Map m : r.all()) {
            MapOverlay tile = new MapOverlay(92 * scale());
            tile.setId("saliency-class-" + m.cls());
            tile.set(
                    r.picture().values(),
                    SIDE,
                    SIDE,
                    m.full(),
                    SIDE,
                    SIDE,
                    vm.overlayProperty().get(),
                    range);
            tiles.add(titled(i18n.tr("data.class." + m.cls()), tile));
        }
        all.getChildren()
                .addAll(
                        Grids.title(i18n.bind("saliency.allTitle")),
                        SaliencyPage.wrapped(i18n.tr("saliency.allHint"), "hint"),
                        SaliencyPage.flow(tiles));
    }

    private void buildSanity() {
        sanity.setId("saliency-sanity");
        Button cascade = Controls.button("saliency-cascade", i18n, "saliency.cascade", vm::runCascade);
        Button shuffled = Controls.button("saliency-shuffled", i18n, "saliency.shuffled", vm::runShuffled);
        cascade.setMaxWidth(Double.MAX_VALUE);
        shuffled.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(10, cascade, shuffled);
        sanity.getChildren()
                .addAll(
                        Grids.title(i18n.bind("saliency.sanityTitle")),
                        SaliencyPage.wrapped("", "hint"),
                        buttons,
                        sanityMaps);
        ((Label) sanity.getChildren().get(1)).textProperty().bind(i18n.bind("saliency.sanityHint"));
    }

    private void redrawSanity() {
        sanityMaps.getChildren().clear();
        SaliencyViewModel.Sanity s = vm.sanityProperty().get();
        SaliencyViewModel.Result r = vm.resultProperty().get();
        if (s == null || r == null) return;
        List<Node> tiles = new ArrayList<>();
        double last = Double.NaN;
        if (s.cascade() != null) {
            for (SanityChecks.Step step : s.cascade()) {
                tiles.add(tile(step, r, i18n.tr("saliency.randomisedFrom", step.layer(), step.type())));
                last = step.correlation();
            }
        }
        if (s.shuffled() != null) tiles.add(tile(s.shuffled(), r, i18n.tr("saliency.shuffledNet")));
        sanityMaps.getChildren().add(SaliencyPage.flow(tiles));
        double worst = s.shuffled() != null ? s.shuffled().correlation() : last;
        String verdict = Math.abs(worst) < 0.6 ? "saliency.verdictChanges" : "saliency.verdictSame";
        Label v = SaliencyPage.wrapped(i18n.tr(verdict, worst), "emphasis");
        v.setId("saliency-verdict");
        sanityMaps.getChildren().add(v);
    }

    private Node tile(SanityChecks.Step step, SaliencyViewModel.Result r, String title) {
        MapOverlay m = new MapOverlay(120 * scale());
        m.set(
                r.picture().values(),
                SIDE,
                SIDE,
                step.map().full(),
                SIDE,
                SIDE,
                vm.overlayProperty().get(),
                0);
        return titled(title + "\n" + i18n.tr("saliency.rho", step.correlation()), m);
    }

    private static VBox titled(String title, Node content) {
        Label l = SaliencyPage.wrapped(title, "small");
        l.setMaxWidth(content instanceof MapOverlay o ? o.prefWidth(-1) : 240);
        return new VBox(4, l, content);
    }
}
