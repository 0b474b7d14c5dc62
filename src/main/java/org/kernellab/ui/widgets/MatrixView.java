package org.kernellab.ui.widgets;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.core.Theme;

/**
 * A grid of numbers drawn on a canvas, the shared widget of every lesson: padding cells shaded, a window of
 * cells outlined, a selected cell, cells not yet computed left blank, and optionally heat colours by value
 * (then it doubles as a heat map). It scales its cells to the space it gets, so it grows on a projector.
 */
public class MatrixView extends Region {
    /** The smallest cell a grid is drawn with: its numbers still legible. */
    public static final double MIN_CELL = 12;
    /** The smallest type a number is drawn in, however small its cell: 11 px. */
    public static final double MIN_NUMBER = 11;

    private static final double MAX_CELL = 64, PREF_CELL = 40;

    private final MatrixCanvas canvas = new MatrixCanvas();
    private final ObjectProperty<Theme.Palette> palette = new SimpleObjectProperty<>(Theme.LIGHT.palette());
    private final DoubleProperty cellSize = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty windowShiftRow = new SimpleDoubleProperty(),
            windowShiftCol = new SimpleDoubleProperty();
    private BiConsumer<int[], Double> onCellEdited;
    private TextField editor;
    private BiConsumer<Integer, Integer> onCellClicked;
    private boolean dirty = true;

    /** How numbers are written (0.5 or 0,5): a change sizes and paints the grid anew. */
    private final ObjectProperty<Numbers> numbers = new SimpleObjectProperty<>(Numbers.ENGLISH);

    public MatrixView() {
        getStyleClass().add("matrix-view");
        getChildren().add(canvas);
        palette.addListener((o, a, b) -> invalidate());
        numbers.addListener((o, a, b) -> languageChanged());
        cellSize.addListener((o, a, b) -> requestLayout());
        windowShiftRow.addListener((o, a, b) -> invalidate());
        windowShiftCol.addListener((o, a, b) -> invalidate());
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell == null) return;
            if (e.getClickCount() == 2 && onCellEdited != null && !isPadding(cell[0], cell[1])) edit(cell[0], cell[1]);
            else if (onCellClicked != null) onCellClicked.accept(cell[0], cell[1]);
        });
    }

    public ObjectProperty<Numbers> numbersProperty() {
        return numbers;
    }

    public ObjectProperty<Theme.Palette> paletteProperty() {
        return palette;
    }

    /**
     * The side of a cell in pixels; NaN (the default) fits the cells to the space given. Grids shown side
     * by side share one size so that their cells compare at a glance.
     */
    public DoubleProperty cellSizeProperty() {
        return cellSize;
    }

    /** New values; the outer {@code padRows}/{@code padCols} rows and columns are drawn as padding. */
    public void setValues(double[][] v, int padRows, int padCols) {
        boolean resized = v.length != rows() || (v.length > 0 && v[0].length != cols());
        canvas.setValues(v, padRows, padCols);
        if (resized) requestLayout(); // the preferred size changes with the number of cells
        invalidate();
    }

    public void setValues(double[][] v) {
        setValues(v, 0, 0);
    }

    /**
     * An output filling in as a kernel slides: {@code values} (null while not yet computed, then all blank)
     * with only the first {@code filled} cells, row by row, showing their value.
     */
    public void setFilled(double[][] values, int rows, int cols, int filled) {
        setValues(values != null ? values : new double[rows][cols]);
        boolean[][] shown = new boolean[rows][cols];
        if (values != null) for (int k = 0; k < Math.min(filled, rows * cols); k++) shown[k / cols][k % cols] = true;
        setShown(shown);
    }

    /** Which cells show their value (the rest are blank, not yet computed); null shows all. */
    public void setShown(boolean[][] shown) {
        canvas.setShown(shown);
        invalidate();
    }

    /** Cells outlined as the kernel's current window (with dilation they need not touch). */
    public void setWindow(List<int[]> cells) {
        canvas.setWindow(cells);
        invalidate();
    }

    /** Cells marked as the winner of their window (max pooling). */
    public void setWinners(List<int[]> cells) {
        canvas.setWinners(cells);
        invalidate();
    }

    /** Cells no window ever reaches (a stride that does not divide evenly), hatched; null for none. */
    public void setUncovered(boolean[][] cells) {
        canvas.setUncovered(cells);
        invalidate();
    }

    /**
     * How far, in cells, the window is drawn from where {@link #setWindow} put it: animating these to 0 makes
     * the window glide from its last place to its new one.
     */
    public DoubleProperty windowShiftRowProperty() {
        return windowShiftRow;
    }

    public DoubleProperty windowShiftColProperty() {
        return windowShiftCol;
    }

    /**
     * Lets the student edit a cell: double-click opens a field over it; Enter keeps a number, Esc cancels.
     * The handler gets {row, col} (padding excluded, so in the unpadded matrix) and the new value.
     */
    public void setOnCellEdited(BiConsumer<int[], Double> handler) {
        this.onCellEdited = handler;
    }

    private void edit(int row, int col) {
        double cell = cellSize();
        TextField f = new TextField(numbers.get().format(canvas.value(row, col)).replace('−', '-'));
        f.getStyleClass().add("cell-editor");
        f.setPrefWidth(Math.max(cell, 56));
        f.setPrefHeight(cell);
        f.resizeRelocate(canvas.getLayoutX() + col * cell, canvas.getLayoutY() + row * cell, Math.max(cell, 56), cell);
        f.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) closeEditor();
        });
        f.setOnAction(e -> {
            try {
                double v =
                        Double.parseDouble(f.getText().trim().replace(',', '.').replace('−', '-'));
                if (!Double.isFinite(v)) throw new NumberFormatException();
                closeEditor();
                onCellEdited.accept(canvas.unpadded(row, col), v);
            } catch (NumberFormatException ex) {
                f.getStyleClass().add("invalid"); // stays open until the student types a number or presses Esc
            }
        });
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) closeEditor();
        });
        closeEditor();
        editor = f;
        getChildren().add(f);
        f.requestFocus();
        f.selectAll();
    }

    private void closeEditor() {
        if (editor != null) getChildren().remove(editor);
        editor = null;
    }

    /** Whether a cell editor is open (for tests and keyboard handling). */
    public TextField editor() {
        return editor;
    }

    public void setSelected(int row, int col) {
        canvas.setSelected(row, col);
        invalidate();
    }

    public void setHeat(boolean heat) {
        canvas.setHeat(heat);
        invalidate();
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    public int rows() {
        return canvas.rows();
    }

    public int cols() {
        return canvas.cols();
    }

    /** The value as displayed in a cell ("" when blank): what a student reads. */
    public String text(int row, int col) {
        return canvas.text(row, col, numbers.get());
    }

    /** The size in pixels of the type the numbers are drawn in at the grid's current cell size; 0 while it is empty. */
    public double numberSize() {
        return rows() == 0 ? 0 : canvas.numberSize(cellSize(), numbers.get());
    }

    public boolean isPadding(int row, int col) {
        return canvas.isPadding(row, col);
    }

    private double cellSize() {
        if (!Double.isNaN(cellSize.get())) return cellSize.get();
        if (rows() == 0) return PREF_CELL;
        double w = getWidth() - snappedLeftInset() - snappedRightInset(),
                h = getHeight() - snappedTopInset() - snappedBottomInset();
        return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.min(w / cols(), h / rows())));
    }

    private double prefCell() {
        return Double.isNaN(cellSize.get()) ? PREF_CELL : cellSize.get();
    }

    private double minCell() {
        return Double.isNaN(cellSize.get()) ? MIN_CELL : cellSize.get();
    }

    @Override
    protected double computePrefWidth(double height) {
        return cols() * prefCell() + snappedLeftInset() + snappedRightInset() + 1;
    }

    @Override
    protected double computePrefHeight(double width) {
        return rows() * prefCell() + snappedTopInset() + snappedBottomInset() + 1;
    }

    @Override
    protected double computeMinWidth(double height) {
        return cols() * minCell() + 1;
    }

    @Override
    protected double computeMinHeight(double width) {
        return rows() * minCell() + 1;
    }

    /** The cell size at which grids of {@code columns} columns in all, with {@code gaps} pixels between them, fill {@code width}. */
    public static double fit(double width, int columns, double gaps) {
        return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((width - gaps) / Math.max(1, columns))));
    }

    @Override
    protected void layoutChildren() {
        double cell = cellSize();
        double w = cols() * cell + 1, h = rows() * cell + 1;
        if (w != canvas.getWidth() || h != canvas.getHeight()) dirty = true;
        canvas.setWidth(w);
        canvas.setHeight(h);
        // centre the grid in the space given
        canvas.relocate(
                snappedLeftInset()
                        + Math.max(0, (getWidth() - snappedLeftInset() - snappedRightInset() - canvas.getWidth()) / 2),
                snappedTopInset()
                        + Math.max(
                                0, (getHeight() - snappedTopInset() - snappedBottomInset() - canvas.getHeight()) / 2));
        if (dirty) draw();
    }

    /**
     * Something drawn changed: paint once, in the next layout pass, however many setters ran before it.
     * Only this region is marked, so its ancestors keep their cached sizes.
     */
    private void languageChanged() {
        requestLayout();
        invalidate();
    }

    private void invalidate() {
        if (dirty) return;
        dirty = true;
        setNeedsLayout(true);
    }

    private int[] cellAt(double x, double y) {
        double cell = cellSize();
        int c = (int) (x / cell), r = (int) (y / cell);
        return r >= 0 && c >= 0 && r < rows() && c < cols() ? new int[] {r, c} : null;
    }

    private void draw() {
        dirty = false;
        canvas.paint(cellSize(), palette.get(), numbers.get(), windowShiftRow.get(), windowShiftCol.get());
    }
}
