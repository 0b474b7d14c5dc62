package org.kernellab.ui.widgets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The hero of a grid lesson: titled grids side by side, and a panel (the step's products and sum, the size formula)
 * beside them or under them, whichever lets the cells grow larger. The cells fill the space the stage gets, in width
 * and in height, from a size still legible at the back of a room up to one that a small grid on a projector needs.
 */
public final class GridStage extends Region {
    /** The largest cell on a 1280×720 projector: a 3×3 kernel stays a grid, not a poster. */
    public static final double MAX_CELL = 96;
    /** The panel's type in presentation mode: legible from the back of a classroom on a 1280×720 projector. */
    public static final double PRESENTATION_FONT = 30;

    private static final double GAP = 24, PANEL_GAP = 18;
    private final List<Label> titles;
    private final List<MatrixView> grids;
    private final HBox row = new HBox(GAP);
    private final Node panel;
    /** Grids narrower than this many cells still get a title this many cells wide. */
    private final int minColumns;

    private final ReadOnlyDoubleWrapper cell = new ReadOnlyDoubleWrapper(this, "cell", 40);
    private final DoubleProperty minPanelFont = new SimpleDoubleProperty(0);
    private double panelFont;
    /** The panel's height at a width: a long step's products take a while to wrap, and layout asks several times a pulse. */
    private final Map<Double, Double> panelHeights = new HashMap<>();

    public GridStage(List<Label> titles, List<MatrixView> grids, Node panel, int minColumns) {
        this.titles = titles;
        this.grids = grids;
        this.panel = panel;
        this.minColumns = minColumns;
        getStyleClass().add("grid-stage");
        minPanelFont.addListener((o, a, b) -> requestLayout());
        for (int i = 0; i < grids.size(); i++) row.getChildren().add(Grids.column(titles.get(i), grids.get(i)));
        row.setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(row, panel);
        if (panel instanceof Parent p)
            p.needsLayoutProperty().addListener((o, was, now) -> {
                if (now) panelHeights.clear();
            });
    }

    /** The cell size the grids got. */
    public ReadOnlyDoubleProperty cellProperty() {
        return cell.getReadOnlyProperty();
    }

    /**
     * The smallest type for the panel (the products and the sum), in pixels: presentation mode asks for what the back of
     * a room reads. Otherwise the panel's type grows with the stage, from 14 px on a laptop to 30 on a large screen.
     */
    public DoubleProperty minPanelFontProperty() {
        return minPanelFont;
    }

    private int columns() {
        int c = 0;
        for (MatrixView m : grids) c += Math.max(minColumns, m.cols());
        return Math.max(1, c);
    }

    private int rows() {
        int r = 1;
        for (MatrixView m : grids) r = Math.max(r, m.rows());
        return r;
    }

    private double titleWidth(int i, double cell) {
        return cell * Math.max(minColumns, grids.get(i).cols());
    }

    private double titleHeight(double cell) {
        double h = 0;
        for (int i = 0; i < titles.size(); i++) h = Math.max(h, titles.get(i).prefHeight(titleWidth(i, cell)));
        return h + 6;
    }

    private double gaps() {
        return GAP * Math.max(0, grids.size() - 1) + 4;
    }

    /** The cell that fits grids in a box of {@code w} × {@code h}. */
    private double fit(double w, double h) {
        // presenting (the panel's type raised), a small grid may grow a third larger: the back row reads it
        double max = minPanelFont.get() > 0 ? maxCell(this) * 4 / 3 : MAX_CELL;
        double cell = Math.min((w - gaps()) / columns(), max);
        // titles wrap more as cells shrink: two rounds settle the height they take
        for (int i = 0; i < 2; i++) cell = Math.min(cell, (h - titleHeight(cell)) / rows());
        return Math.floor(Math.max(MatrixView.MIN_CELL, Math.min(max, cell)));
    }

    /** The largest cell in {@code n}'s window: {@link #MAX_CELL}, larger on a larger screen, as the type is. */
    public static double maxCell(Node n) {
        return MAX_CELL * Grids.projectorScale(n);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset(), y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset(), h = getHeight() - y - snappedBottomInset();
        // the panel's type follows the stage's size, never the cells' (which follow the panel's height)
        double font = Math.max(minPanelFont.get(), Math.round(Math.max(14, Math.min(30, Math.min(w / 60, h / 30)))));
        if (font != panelFont) {
            panelFont = font;
            panel.setStyle("-fx-font-size: " + font + "px;");
            panel.applyCss();
        }
        double panelW = panelWidth(w), panelH = panelHeight(w), sidePanelH = panelHeight(panelW);
        double side = fit(w - panelW - PANEL_GAP, h), stacked = fit(w, h - panelH - PANEL_GAP);
        // beside the grids when that gives larger cells, or when under them the panel would not fit
        boolean sideFits = sidePanelH <= h, stackFits = h - panelH - PANEL_GAP >= gridsHeight(MatrixView.MIN_CELL);
        boolean beside = sideFits && (!stackFits || side > stacked);
        double cell = beside ? side : stacked;
        this.cell.set(cell);
        for (MatrixView m : grids) m.cellSizeProperty().set(cell);
        for (int i = 0; i < titles.size(); i++)
            titles.get(i).setMaxWidth(titleWidth(i, cell)); // a title wraps within its grid
        double rowW = Math.min(beside ? w - panelW - PANEL_GAP : w, row.prefWidth(-1)), rowH = row.prefHeight(rowW);
        if (beside) {
            double used = rowW + PANEL_GAP + panelW, left = x + Math.max(0, (w - used) / 2);
            row.resizeRelocate(left, y, rowW, rowH);
            panel.resizeRelocate(left + rowW + PANEL_GAP, y, panelW, Math.max(h, sidePanelH));
        } else {
            row.resizeRelocate(x + Math.max(0, (w - rowW) / 2), y, rowW, rowH);
            panel.resizeRelocate(x, y + rowH + PANEL_GAP, w, panelH);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(columns() * 40 + gaps(), panel.prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? computePrefWidth(-1) : width;
        return snappedTopInset() + snappedBottomInset() + rows() * 40 + titleHeight(40) + PANEL_GAP + panelHeight(w);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset()
                + snappedRightInset()
                + Math.max(columns() * MatrixView.MIN_CELL + gaps(), panel.minWidth(-1));
    }

    /** Room for the smallest cells with the panel beside them or under them, whichever takes less: below that the page scrolls. */
    @Override
    protected double computeMinHeight(double width) {
        double w = (width < 0 ? computeMinWidth(-1) : width) - snappedLeftInset() - snappedRightInset();
        double grids = gridsHeight(MatrixView.MIN_CELL);
        double beside = Math.max(grids, panelHeight(panelWidth(w))), under = grids + PANEL_GAP + panelHeight(w);
        return snappedTopInset() + snappedBottomInset() + Math.min(beside, under);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private double panelHeight(double width) {
        return panelHeights.computeIfAbsent(width, panel::prefHeight);
    }

    private double gridsHeight(double cell) {
        return rows() * cell + titleHeight(cell) + 1;
    }

    /**
     * The panel's width beside the grids: a fixed share of the stage, so that the grids keep their size while the
     * products change from step to step (the panel's lines wrap instead).
     */
    private double panelWidth(double w) {
        return Math.max(panel.minWidth(-1), w * 0.36);
    }
}
