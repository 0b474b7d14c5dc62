package org.kernellab.ui.featuremaps;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.model.Network;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Side;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.MatrixView;

/**
 * The map picked, enlarged, with the filter that made it: its weights for one input channel, its slices for many. While
 * presenting, the filter stands beside the map and both grow to the panel's width and height.
 */
final class CloserLook {
    private static final double GAP = 16;
    private final FeatureMapsViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final VBox box = new VBox(8);
    private HeatMap enlarged;
    private int enlargedSide = 1;
    private Label title, filterTitle;
    private MatrixView weights;
    private final List<HeatMap> slices = new ArrayList<>();
    private FlowPane slicePane;
    private VBox filterBox;
    /** The height the panel shows, as last told (0: unknown). */
    private double shownHeight;

    CloserLook(FeatureMapsViewModel vm, AppContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        box.setId("maps-closer");
        box.setPadding(new Insets(10));
        box.setPrefWidth(340);
        box.setMinWidth(260);
        box.widthProperty().addListener((o, a, b) -> resize(shownHeight)); // known only once laid out
    }

    VBox view() {
        return box;
    }

    void clear() {
        box.getChildren().clear();
        enlarged = null;
        filterBox = null;
        weights = null;
        slicePane = null;
        slices.clear();
    }

    /**
     * The enlarged map as large as the panel allows; while presenting, the map and its filter side by side, filling the
     * panel's width and the {@code height} it shows (0: unknown).
     */
    void resize(double height) {
        shownHeight = height;
        if (enlarged == null) return;
        double w = (box.getWidth() > 0 ? box.getWidth() : 340) - 24;
        if (!ctx.presentation().get()) {
            enlarged.setCell(Math.max(4, Math.floor(Math.max(200, Math.min(440, w)) / enlargedSide)));
            return;
        }
        double room = (height > 0 ? height : 500) - 20 - title.getHeight() - 8;
        double filterW = Math.max(150, w * 0.38);
        // a weight like −0.123 in the back row's type needs a cell of 64 pixels on a 1280×720 projector
        double scale = Grids.projectorScale(box);
        if (weights != null)
            weights.cellSizeProperty().set(Math.floor(Math.min(96 * scale, Math.max(64 * scale, filterW / 3))));
        double sliceRoom = room - filterTitle.getHeight() - 8;
        double c = MapsFit.cell(filterW, sliceRoom, slices.size(), 3, 3);
        for (HeatMap m : slices) m.setCell(c);
        if (slicePane != null) slicePane.setPrefWrapLength(filterW);
        double filterWidth = weights != null ? weights.cellSizeProperty().get() * 3 : filterW;
        if (filterBox != null) filterBox.setPrefWidth(filterWidth); // its title wraps over the filter, not past it
        enlarged.setCell(Math.max(4, Math.floor(Math.min(w - filterWidth - GAP, room) / enlargedSide)));
    }

    /** The picked map of {@code s} at {@code stage}, and its filter. */
    void show(Side s, Network net, Stage stage) {
        int b = Math.min(vm.blockProperty().get(), s.maps().blocks().size() - 1),
                f = Math.min(vm.filterProperty().get(), FeatureMaps.filters(net, b) - 1);
        double[][] map = s.map(b, f, stage);
        title = new Label(i18n.tr("maps.closerTitle", b + 1, f + 1, i18n.tr(stageKey(stage)), map.length, map.length));
        title.getStyleClass().add("grid-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        HeatMap big = new HeatMap(Math.max(4, Math.floor(280.0 / map.length)));
        enlarged = big;
        enlargedSide = map.length;
        big.setId("maps-enlarged");
        big.paletteProperty().bind(ctx.palette());
        big.setValues(
                map, HeatMap.Scale.SIGNED, HeatMap.maxAbs(map)); // its own scale: a faint map still shows its shape
        double[][][] w = FeatureMaps.filter(net, b, f);
        filterTitle = new Label(i18n.tr(
                w.length == 1 ? "maps.filterOne" : b == 0 ? "maps.filterColour" : "maps.filterMany",
                f + 1,
                w.length,
                String.format(i18n.locale(), "%.3f", FeatureMaps.bias(net, b, f)),
                w[0].length + "×" + w[0][0].length));
        filterTitle.setWrapText(true);
        filterTitle.setMinHeight(Region.USE_PREF_SIZE);
        Node filter = w.length == 1 ? weights(w[0]) : slices(w);
        if (ctx.presentation().get()) {
            filterBox = new VBox(8, filterTitle, filter);
            filterBox.setMinWidth(0);
            HBox both = new HBox(GAP, big, filterBox);
            box.getChildren().addAll(title, both);
            return;
        }
        box.getChildren().addAll(title, big, filterTitle, filter);
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
        weights = k;
        return k;
    }

    /** A filter over many channels: a slice per channel, on one scale. */
    private Node slices(double[][][] w) {
        FlowPane pane = new FlowPane(3, 3);
        slicePane = pane;
        pane.setId("maps-filter-slices");
        double r = 0;
        for (double[][] slice : w) r = Math.max(r, HeatMap.maxAbs(slice));
        for (double[][] slice : w) {
            HeatMap m = new HeatMap(8);
            m.paletteProperty().bind(ctx.palette());
            m.setValues(slice, HeatMap.Scale.SIGNED, r);
            pane.getChildren().add(m);
            slices.add(m);
        }
        return pane;
    }

    /** The message key naming a stage of a conv block: after the convolution, the ReLU or the pooling. */
    static String stageKey(Stage s) {
        return switch (s) {
            case CONV -> "maps.afterConv";
            case RELU -> "maps.afterRelu";
            case POOL -> "maps.afterPool";
        };
    }
}
