package org.kernellab.ui.channels;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.widgets.GridStage;
import org.kernellab.ui.widgets.MatrixView;

/**
 * The channels lesson's hero: a row per input channel on the left, the feature maps stacked on the right, with one cell
 * size for every grid, as large as the stage allows in width and in height.
 */
final class ChannelsStage extends Region {
    private static final double GAP = 30, TITLE = 26, ROW_GAP = 10;
    private final VBox rows, maps;
    private final ChannelsViewModel vm;
    private final ReadOnlyDoubleWrapper cell = new ReadOnlyDoubleWrapper(this, "cell", 24);
    private final DoubleProperty screen = new SimpleDoubleProperty(0);

    ChannelsStage(VBox rows, VBox maps, ChannelsViewModel vm) {
        this.rows = rows;
        this.maps = maps;
        this.vm = vm;
        getChildren().addAll(rows, maps);
        screen.addListener((o, a, b) -> requestLayout());
    }

    /** The height the stage should fill (the first screen of the view, less what must show under it); 0 for none. */
    DoubleProperty screenProperty() {
        return screen;
    }

    /** The cell size every grid of the lesson uses. */
    ReadOnlyDoubleProperty cellProperty() {
        return cell.getReadOnlyProperty();
    }

    private int inCells() {
        return vm.sizeProperty().get() + 2 * vm.paddingProperty().get();
    }

    private int outCells() {
        return Math.max(1, vm.result().ok() ? vm.result().rows().output() : 1);
    }

    /** What is not a cell in a channel row: the gaps, "∗", "→" and the channel's sum. */
    private double rowExtras() {
        double sum = 0;
        for (var row : rows.getChildren())
            sum = Math.max(
                    sum,
                    row.prefWidth(-1)
                            - (inCells() + Math.max(3, vm.kernelProperty().get())) * cell.get());
        return Math.max(140, sum);
    }

    /** The tallest grid title (they do not wrap), and the maps' heading above them. */
    private double title() {
        double t = TITLE;
        for (var row : rows.getChildren()) {
            for (var part : ((Parent) row).getChildrenUnmodifiable()) {
                if (part instanceof VBox box && !box.getChildren().isEmpty())
                    t = Math.max(t, box.getChildren().get(0).prefHeight(-1) + 4);
            }
        }
        return t;
    }

    private double fit(double w, double h) {
        int c = vm.channelsProperty().get(), f = vm.filtersProperty().get();
        double t = title(),
                heading =
                        maps.getChildren().isEmpty()
                                ? 0
                                : maps.getChildren().get(0).prefHeight(-1) + 8;
        double across = (w - rowExtras() - GAP)
                / (inCells() + Math.max(3, vm.kernelProperty().get()) + Math.max(3, outCells()));
        double down = Math.min(
                (h - c * (t + ROW_GAP)) / (c * inCells()), (h - heading - f * (t + ROW_GAP)) / (f * outCells()));
        return Math.floor(Math.max(MatrixView.MIN_CELL, Math.min(GridStage.MAX_CELL * 0.75, Math.min(across, down))));
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
        int c = vm.channelsProperty().get(), f = vm.filtersProperty().get();
        return Math.max(
                screen.get(),
                Math.max(
                        c * (inCells() * MatrixView.MIN_CELL + TITLE + ROW_GAP),
                        f * (outCells() * MatrixView.MIN_CELL + TITLE + ROW_GAP)));
    }

    @Override
    protected double computeMinWidth(double height) {
        return rowExtras()
                + GAP
                + (inCells() + Math.max(3, vm.kernelProperty().get()) + Math.max(3, outCells())) * MatrixView.MIN_CELL;
    }
}
