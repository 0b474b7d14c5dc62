package org.kernellab.ui.famous;

import java.util.Arrays;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.model.LayerTable;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.ShapeStrip;
import org.kernellab.ui.widgets.SliderRow;

/** The slides' argument: one dense layer against one convolution on the same picture. */
record DenseOrConv(FamousNetsViewModel vm, I18n i18n, Lifetime life) {
    Node build() {
        FlowPane sliders = new FlowPane(18, 8);
        String[][] rows = {
            {"famous-image", "famous.image"},
            {"famous-channels", "famous.channels"},
            {"famous-units", "famous.units"},
            {"famous-filters", "famous.filters"},
            {"famous-kernel", "famous.kernel"}
        };
        IntegerProperty[] props = {
            vm.imageProperty(), vm.channelsProperty(), vm.unitsProperty(), vm.filtersProperty(), vm.kernelProperty()
        };
        int[][] ranges = {
            {8, FamousNetsViewModel.MAX_IMAGE},
            {1, 3},
            {1, FamousNetsViewModel.MAX_UNITS},
            {1, FamousNetsViewModel.MAX_FILTERS},
            {1, FamousNetsViewModel.MAX_KERNEL}
        };
        for (int i = 0; i < rows.length; i++) {
            SliderRow row = new SliderRow(rows[i][0], i18n.bind(rows[i][1]), props[i], ranges[i][0], ranges[i][1]);
            row.setPrefWidth(230);
            sliders.getChildren().add(row);
        }
        Label dense = text("famous-dense"), conv = text("famous-conv"), verdict = text("famous-verdict");
        verdict.getStyleClass().add("formula");
        dense.textProperty().bind(i18n.bind(() -> describe(vm.comparison(), true), vm.comparisonProperty()));
        conv.textProperty().bind(i18n.bind(() -> describe(vm.comparison(), false), vm.comparisonProperty()));
        verdict.textProperty()
                .bind(i18n.bind(
                        () -> {
                            FamousNetsViewModel.Comparison c = vm.comparison();
                            if (c.problem() != null) return "✗ " + i18n.tr(c.problem());
                            return i18n.tr("famous.verdict", c.denseWeights() / (double) c.convWeights());
                        },
                        vm.comparisonProperty()));
        VBox bars = new VBox(4);
        bars.setId("famous-log-bars");
        Runnable drawBars = () -> {
            FamousNetsViewModel.Comparison c = vm.comparison();
            bars.getChildren().clear();
            if (c.problem() != null) return;
            double top = Math.log10(Math.max(10, Math.max(c.denseWeights(), c.convWeights()))) + 1;
            bars.getChildren()
                    .addAll(
                            logBar(i18n.tr("famous.denseShort"), c.denseWeights(), top, "param-bar"),
                            logBar(i18n.tr("famous.convShort"), c.convWeights(), top, "mac-bar"),
                            text("famous-log-note"));
            ((Label) bars.getChildren().get(2)).setText(i18n.tr("famous.logScale"));
        };
        vm.comparisonProperty().addListener(o -> drawBars.run());
        life.onInvalid(i18n.localeProperty(), drawBars);
        drawBars.run();
        VBox box = new VBox(14, Controls.label(i18n, "famous.denseIntro"), sliders, dense, conv, bars, verdict);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private String describe(FamousNetsViewModel.Comparison c, boolean dense) {
        if (c.problem() != null) return "";
        LayerTable.Row r = dense ? c.dense() : c.conv();
        long weights = dense ? c.denseWeights() : c.convWeights();
        return i18n.tr(
                dense ? "famous.dense" : "famous.conv",
                r.pytorch(),
                weights,
                r.parameters() - weights,
                r.macs(),
                weights * LayerTable.BYTES_PER_VALUE / 1e6,
                ShapeStrip.text(Arrays.copyOfRange(r.shape(), 1, r.shape().length)));
    }

    private static Label text(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A bar whose length is the count's number of digits: 3 billion and 1,728 side by side on one page. */
    private Node logBar(String name, long value, double top, String style) {
        Label n = new Label(name + ": " + i18n.tr("famous.count", value));
        n.setMinWidth(Region.USE_PREF_SIZE);
        Region b = new Region();
        b.getStyleClass().add(style);
        b.setMinHeight(16);
        b.setPrefHeight(16);
        b.maxWidthProperty().bind(b.prefWidthProperty());
        VBox v = new VBox(2, n, b);
        v.widthProperty()
                .addListener((o, a, w) -> b.setPrefWidth(w.doubleValue() * Math.log10(Math.max(1, value) + 1) / top));
        return v;
    }
}
