package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
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

    private static final double MAX_CELL = 64, PREF_CELL = 40;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Theme.Palette> palette = new SimpleObjectProperty<>(Theme.LIGHT.palette());
    private final DoubleProperty cellSize = new SimpleDoubleProperty(Double.NaN);
    private double[][] values = new double[0][0];
    private boolean[][] shown;
    private int padRows, padCols;
    private List<int[]> windowCells = List.of();
    private List<int[]> winners = List.of();
    private boolean[][] uncovered;
    private final DoubleProperty windowShiftRow = new SimpleDoubleProperty(),
            windowShiftCol = new SimpleDoubleProperty();
    private BiConsumer<int[], Double> onCellEdited;
    private TextField editor;
    private int selRow = -1, selCol = -1;
    private boolean heat;
    private BiConsumer<Integer, Integer> onCellClicked;
    private boolean dirty = true;
    /** Text widths at the current font: the same few numbers fill a grid. */
    private final Map<String, Double> widths = new HashMap<>();

    private final Text measure = new Text();
    private Font widthsFont;

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
        this.values = v;
        this.padRows = padRows;
        this.padCols = padCols;
        this.shown = null;
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
        this.shown = shown;
        invalidate();
    }

    /** Cells outlined as the kernel's current window (with dilation they need not touch). */
    public void setWindow(List<int[]> cells) {
        this.windowCells = cells == null ? List.of() : new ArrayList<>(cells);
        invalidate();
    }

    /** Cells marked as the winner of their window (max pooling). */
    public void setWinners(List<int[]> cells) {
        this.winners = cells == null ? List.of() : new ArrayList<>(cells);
        invalidate();
    }

    /** Cells no window ever reaches (a stride that does not divide evenly), hatched; null for none. */
    public void setUncovered(boolean[][] cells) {
        this.uncovered = cells;
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
        TextField f = new TextField(numbers.get().format(values[row][col]).replace('−', '-'));
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
                onCellEdited.accept(new int[] {row - padRows, col - padCols}, v);
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
        selRow = row;
        selCol = col;
        invalidate();
    }

    public void setHeat(boolean heat) {
        this.heat = heat;
        invalidate();
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    public int rows() {
        return values.length;
    }

    public int cols() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The value as displayed in a cell ("" when blank): what a student reads. */
    public String text(int row, int col) {
        if (shown != null && !shown[row][col]) return "";
        return numbers.get().format(values[row][col]);
    }

    public boolean isPadding(int row, int col) {
        return row < padRows || col < padCols || row >= rows() - padRows || col >= cols() - padCols;
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
        GraphicsContext g = canvas.getGraphicsContext2D();
        Theme.Palette p = palette.get();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (rows() == 0) return;
        double cell = cellSize();
        double max = 0;
        for (double[] row : values) for (double v : row) max = Math.max(max, Math.abs(v));
        Font font = Font.font("System", FontWeight.NORMAL, Math.max(8, cell * 0.36));
        if (!font.equals(widthsFont)) {
            widths.clear();
            widthsFont = font;
            measure.setFont(font);
        }
        g.setFont(font);
        // left-aligned on the baseline, centred by hand with widths measured once per text and size: a centred or
        // squeezed fillText lays its text out again for every cell, which was most of a 30×30 grid's redraw
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        double baseline = font.getSize() * 0.36;
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                double x = c * cell + 0.5, y = r * cell + 0.5;
                boolean visible = shown == null || shown[r][c];
                Color fill = isPadding(r, c) ? p.padding() : p.background();
                if (heat && visible && !isPadding(r, c) && max > 0) fill = heatColor(p, values[r][c] / max);
                g.setFill(fill);
                g.fillRect(x, y, cell, cell);
                if (uncovered != null && r < uncovered.length && c < uncovered[r].length && uncovered[r][c])
                    hatch(g, p, x, y, cell);
                g.setStroke(p.grid());
                g.setLineWidth(1);
                g.strokeRect(x, y, cell, cell);
                if (visible) {
                    g.setFill(isPadding(r, c) ? p.grid() : textOn(fill, p));
                    String t = text(r, c);
                    double w = widths.computeIfAbsent(t, this::width);
                    if (w <= cell - 4) g.fillText(t, x + (cell - w) / 2, y + cell / 2 + baseline);
                    else g.fillText(t, x + 2, y + cell / 2 + baseline, cell - 4);
                }
            }
        }
        g.setStroke(p.done());
        g.setLineWidth(Math.max(2, cell / 12));
        for (int[] rc : winners) g.strokeOval(rc[1] * cell + 4, rc[0] * cell + 4, cell - 7, cell - 7);
        double dr = windowShiftRow.get(), dc = windowShiftCol.get();
        g.setFill(p.window().deriveColor(0, 1, 1, 0.16)); // tinted, so the numbers under the window stay legible
        g.setStroke(p.window());
        g.setLineWidth(Math.max(2, cell / 18));
        for (int[] rc : windowCells) {
            if (rc[0] >= rows() || rc[1] >= cols()) continue;
            double x = (rc[1] + dc) * cell + 1.5, y = (rc[0] + dr) * cell + 1.5;
            g.fillRect(x, y, cell - 2, cell - 2);
            g.strokeRect(x, y, cell - 2, cell - 2);
        }
        if (selRow >= 0 && selRow < rows() && selCol < cols()) {
            g.setStroke(p.selected());
            g.setLineWidth(Math.max(3, cell / 10));
            g.strokeRect(selCol * cell + 2, selRow * cell + 2, cell - 3, cell - 3);
        }
    }

    private double width(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private static void hatch(GraphicsContext g, Theme.Palette p, double x, double y, double cell) {
        g.save();
        g.beginPath();
        g.rect(x, y, cell, cell);
        g.clip();
        g.setStroke(p.negative());
        g.setLineWidth(1.2);
        for (double d = -cell; d < cell; d += Math.max(5, cell / 5)) g.strokeLine(x + d, y + cell, x + d + cell, y);
        g.restore();
    }

    /** Diverging colour: negative towards the palette's negative colour, positive towards positive. */
    static Color heatColor(Theme.Palette p, double t) {
        Color end = t < 0 ? p.negative() : p.positive();
        return p.background().interpolate(end, Math.min(1, Math.abs(t)) * 0.85);
    }

    private static Color textOn(Color fill, Theme.Palette p) {
        double lum = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        double textLum = 0.2126 * p.text().getRed()
                + 0.7152 * p.text().getGreen()
                + 0.0722 * p.text().getBlue();
        return Math.abs(lum - textLum) > 0.35 ? p.text() : (lum > 0.5 ? Color.BLACK : Color.WHITE);
    }
}
