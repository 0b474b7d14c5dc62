package org.kernellab.ui.channels;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.widgets.GridStage;
import org.kernellab.ui.widgets.MatrixView;

/**
 * The channels lesson's hero: a row per input channel on the left, the feature maps stacked on the right, with one cell
 * size for every grid, as large as the stage allows in width and in height. While presenting, the page shows one
 * channel's row at a time and lays the maps side by side, so that the cells grow to what the back row reads.
 */
final class ChannelsStage extends Region {
    private static final double GAP = 30, TITLE = 26, ROW_GAP = 10, MAP_GAP = 16;
    private final VBox rows, maps;
    private final ChannelsViewModel vm;
    private final BooleanProperty across = new SimpleBooleanProperty();
    private final ReadOnlyDoubleWrapper cell = new ReadOnlyDoubleWrapper(this, "cell", 24);
    private final DoubleProperty screen = new SimpleDoubleProperty(0);

    /** @param across true while the feature maps stand side by side rather than one above the other */
    ChannelsStage(VBox rows, VBox maps, ChannelsViewModel vm, ObservableBooleanValue across) {
        this.rows = rows;
        this.maps = maps;
        this.vm = vm;
        this.across.bind(across); // bound, not listened to: the app's flag keeps no hold on the page
        getChildren().addAll(rows, maps);
        screen.addListener((o, a, b) -> requestLayout());
        this.across.addListener((o, a, b) -> requestLayout());
    }

    /** The height the stage should fill (the first screen of the view, less what must show under it); 0 for none. */
    DoubleProperty screenProperty() {
        return screen;
    }

    /** The cell size every grid of the lesson uses. */
    ReadOnlyDoubleProperty cellProperty() {
        return cell.getReadOnlyProperty();
    }

    private List<Node> shownRows() {
        return rows.getChildren().stream().filter(Node::isManaged).toList();
    }

    private int inCells() {
        return vm.sizeProperty().get() + 2 * vm.paddingProperty().get();
    }

    private int outCells() {
        return Math.max(1, vm.result().ok() ? vm.result().rows().output() : 1);
    }

    /** A row's cells across: the padded input and the filter's slice. */
    private int rowCells() {
        return inCells() + Math.max(3, vm.kernelProperty().get());
    }

    /** The maps' cells across: one map's, or all of them side by side. */
    private int mapCells() {
        return Math.max(3, outCells()) * (across.get() ? vm.filtersProperty().get() : 1);
    }

    private double mapGaps() {
        return across.get() ? MAP_GAP * (vm.filtersProperty().get() - 1) : 0;
    }

    /** What is not a cell in a channel row: the gaps, "∗", "→" and the channel's sum. */
    private double rowExtras() {
        double sum = 0;
        for (Node row : shownRows()) sum = Math.max(sum, row.prefWidth(-1) - rowCells() * cell.get());
        return Math.max(140, sum);
    }

    /** The tallest grid title (they do not wrap). */
    private double title() {
        double t = TITLE;
        for (Node row : shownRows()) {
            for (Node part : ((Parent) row).getChildrenUnmodifiable()) {
                if (part instanceof VBox box && !box.getChildren().isEmpty())
                    t = Math.max(t, box.getChildren().get(0).prefHeight(-1) + 4);
            }
        }
        return t;
    }

    private double fit(double w, double h) {
        int c = Math.max(1, shownRows().size()), f = vm.filtersProperty().get();
        double t = title(),
                heading =
                        maps.getChildren().isEmpty()
                                ? 0
                                : maps.getChildren().get(0).prefHeight(-1) + 8;
        double wide = (w - rowExtras() - GAP - mapGaps()) / (rowCells() + mapCells());
        double mapsDown = across.get()
                ? (h - heading - t - ROW_GAP) / outCells()
                : (h - heading - f * (t + ROW_GAP)) / (f * outCells());
        double down = Math.min((h - c * (t + ROW_GAP)) / (c * inCells()), mapsDown);
        double largest = GridStage.maxCell(this) * (across.get() ? 1 : 0.75);
        return Math.floor(Math.max(MatrixView.MIN_CELL, Math.min(largest, Math.min(wide, down))));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        cell.set(fit(w, h));
        double rowsW = Math.min(w, rows.prefWidth(-1)),
                mapsW = Math.max(0, Math.min(w - rowsW - GAP, maps.prefWidth(-1)));
        double left = Math.max(0, (w - rowsW - GAP - mapsW) / 2);
        rows.resizeRelocate(left, 0, rowsW, Math.max(h, rows.prefHeight(rowsW)));
        maps.resizeRelocate(left + rowsW + GAP, 0, mapsW, Math.max(h, maps.prefHeight(mapsW)));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return rows.prefWidth(-1) + GAP + maps.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(rows.prefHeight(-1), maps.prefHeight(-1));
    }

    /** The first screen, or the smallest cells where that is less: below that the lesson view scrolls. */
    @Override
    protected double computeMinHeight(double width) {
        int c = Math.max(1, shownRows().size()),
                f = across.get() ? 1 : vm.filtersProperty().get();
        return Math.max(
                screen.get(),
                Math.max(
                        c * (inCells() * MatrixView.MIN_CELL + TITLE + ROW_GAP),
                        f * (outCells() * MatrixView.MIN_CELL + TITLE + ROW_GAP)));
    }

    @Override
    protected double computeMinWidth(double height) {
        return rowExtras() + GAP + mapGaps() + (rowCells() + mapCells()) * MatrixView.MIN_CELL;
    }
}
