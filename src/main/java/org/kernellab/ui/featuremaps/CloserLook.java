package org.kernellab.ui.featuremaps;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.model.Network;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Side;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.MatrixView;

/** The map picked, enlarged, with the filter that made it: its weights for one input channel, its slices for many. */
final class CloserLook {
    private final FeatureMapsViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final VBox box = new VBox(8);
    private HeatMap enlarged;
    private int enlargedSide = 1;

    CloserLook(FeatureMapsViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        box.setId("maps-closer");
        box.setPadding(new Insets(10));
        box.setPrefWidth(340);
        box.setMinWidth(260);
    }

    VBox view() {
        return box;
    }

    void clear() {
        box.getChildren().clear();
        enlarged = null;
    }

    /** The enlarged map as large as the panel allows. */
    void resize() {
        if (enlarged == null) return;
        double room = Math.max(200, Math.min(440, (box.getWidth() > 0 ? box.getWidth() : 340) - 24));
        enlarged.setCell(Math.max(4, Math.floor(room / enlargedSide)));
    }

    /** The picked map of {@code s} at {@code stage}, and its filter. */
    void show(Side s, Network net, Stage stage) {
        int b = Math.min(vm.blockProperty().get(), s.maps().blocks().size() - 1),
                f = Math.min(vm.filterProperty().get(), FeatureMaps.filters(net, b) - 1);
        double[][] map = s.map(b, f, stage);
        Label title = new Label(i18n.tr(
                "maps.closerTitle", b + 1, f + 1, i18n.tr(FeatureMapsPage.stageKey(stage)), map.length, map.length));
        title.getStyleClass().add("grid-title");
        title.setWrapText(true);
        HeatMap big = new HeatMap(Math.max(4, Math.floor(280.0 / map.length)));
        enlarged = big;
        enlargedSide = map.length;
        big.setId("maps-enlarged");
        big.paletteProperty().bind(ctx.palette());
        big.setValues(
                map, HeatMap.Scale.SIGNED, HeatMap.maxAbs(map)); // its own scale: a faint map still shows its shape
        box.getChildren().addAll(title, big);
        double[][][] w = FeatureMaps.filter(net, b, f);
        Label filterTitle = new Label(i18n.tr(
                w.length == 1 ? "maps.filterOne" : "maps.filterMany",
                f + 1,
                w.length,
                String.format(i18n.locale(), "%.3f", FeatureMaps.bias(net, b, f))));
        filterTitle.setWrapText(true);
        box.getChildren().addAll(filterTitle, w.length == 1 ? weights(w[0]) : slices(w));
        Label how = Controls.label(i18n, "maps.howToRead");
        how.getStyleClass().add("hint");
        how.setMinHeight(Region.USE_PREF_SIZE);
        box.getChildren().add(how);
    }

    /** A filter over one channel: its 3×3 weights, rounded to hundredths. */
    private Node weights(double[][] w) {
        MatrixView k = new MatrixView();
        k.numbersProperty().bind(ctx.i18n().numbersProperty());
        k.setId("maps-filter");
        k.paletteProperty().bind(ctx.palette());
        k.setHeat(true);
        double[][] rounded = new double[3][3];
        for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) rounded[y][x] = Math.round(w[y][x] * 100) / 100.0;
        k.setValues(rounded);
        k.cellSizeProperty().set(56);
        return k;
    }

    /** A filter over many channels: a slice per channel, on one scale. */
    private Node slices(double[][][] w) {
        FlowPane slices = new FlowPane(3, 3);
        slices.setId("maps-filter-slices");
        double r = 0;
        for (double[][] slice : w) r = Math.max(r, HeatMap.maxAbs(slice));
        for (double[][] slice : w) {
            HeatMap m = new HeatMap(8);
            m.paletteProperty().bind(ctx.palette());
            m.setValues(slice, HeatMap.Scale.SIGNED, r);
            slices.getChildren().add(m);
        }
        return slices;
    }
}
