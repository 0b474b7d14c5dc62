package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.core.Theme;

/**
 * What a {@link MatrixView} draws, and the drawing: the cells with their numbers (blank where not computed yet), the
 * padding shaded, heat colours, the cells no window reaches hatched, the winners circled, the window tinted and
 * outlined, the selected cell framed. The view sizes this canvas and says when to paint it.
 */
final class MatrixCanvas extends Canvas {
    private double[][] values = new double[0][0];
    private boolean[][] shown;
    private int padRows, padCols;
    private List<int[]> window = List.of(), winners = List.of();
    private boolean[][] uncovered;
    private int selRow = -1, selCol = -1;
    private boolean heat;
    /** Text widths at the current font: the same few numbers fill a grid. */
    private final Map<String, Double> widths = new HashMap<>();

    /** Text widths in type 1 px tall: what decides how large the numbers of a grid may be. */
    private final Map<String, Double> unitWidths = new HashMap<>();

    private final Text measure = new Text();
    private Font widthsFont;

    void setValues(double[][] v, int padRows, int padCols) {
        this.values = v;
        this.padRows = padRows;
        this.padCols = padCols;
        this.shown = null;
    }

    void setShown(boolean[][] shown) {
        this.shown = shown;
    }

    void setWindow(List<int[]> cells) {
        this.window = cells == null ? List.of() : new ArrayList<>(cells);
    }

    void setWinners(List<int[]> cells) {
        this.winners = cells == null ? List.of() : new ArrayList<>(cells);
    }

    void setUncovered(boolean[][] cells) {
        this.uncovered = cells;
    }

    void setSelected(int row, int col) {
        selRow = row;
        selCol = col;
    }

    void setHeat(boolean heat) {
        this.heat = heat;
    }

    int rows() {
        return values.length;
    }

    int cols() {
        return values.length == 0 ? 0 : values[0].length;
    }

    double value(int row, int col) {
        return values[row][col];
    }

    /** The value as written in a cell, "" while it is blank. */
    String text(int row, int col, Numbers numbers) {
        if (shown != null && !shown[row][col]) return "";
        return numbers.format(values[row][col]);
    }

    /** {row, col} in the matrix without its padding. */
    int[] unpadded(int row, int col) {
        return new int[] {row - padRows, col - padCols};
    }

    boolean isPadding(int row, int col) {
        return row < padRows || col < padCols || row >= rows() - padRows || col >= cols() - padCols;
    }

    /** Paints every cell {@code cell} pixels wide, the window drawn {@code shiftRow}, {@code shiftCol} cells away. */
    void paint(double cell, Theme.Palette p, Numbers numbers, double shiftRow, double shiftCol) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (rows() == 0) return;
        paintCells(g, cell, p, numbers);
        g.setStroke(p.done());
        g.setLineWidth(Math.max(2, cell / 12));
        for (int[] rc : winners) g.strokeOval(rc[1] * cell + 4, rc[0] * cell + 4, cell - 7, cell - 7);
        g.setFill(p.window().deriveColor(0, 1, 1, 0.16)); // tinted, so the numbers under the window stay legible
        g.setStroke(p.window());
        g.setLineWidth(Math.max(2, cell / 18));
        for (int[] rc : window) {
            if (rc[0] >= rows() || rc[1] >= cols()) continue;
            double x = (rc[1] + shiftCol) * cell + 1.5, y = (rc[0] + shiftRow) * cell + 1.5;
            g.fillRect(x, y, cell - 2, cell - 2);
            g.strokeRect(x, y, cell - 2, cell - 2);
        }
        if (selRow >= 0 && selRow < rows() && selCol < cols()) {
            g.setStroke(p.selected());
            g.setLineWidth(Math.max(3, cell / 10));
            g.strokeRect(selCol * cell + 2, selRow * cell + 2, cell - 3, cell - 3);
        }
    }

    private void paintCells(GraphicsContext g, double cell, Theme.Palette p, Numbers numbers) {
        double max = 0;
        for (double[] row : values) for (double v : row) max = Math.max(max, Math.abs(v));
        Font font = Font.font("System", FontWeight.NORMAL, numberSize(cell, numbers));
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
                    String t = text(r, c, numbers);
                    double w = widths.computeIfAbsent(t, this::width);
                    if (w <= cell - 4) g.fillText(t, x + (cell - w) / 2, y + cell / 2 + baseline);
                    else g.fillText(t, x + 2, y + cell / 2 + baseline, cell - 4);
                }
            }
        }
    }

    private double width(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * The size of the type the numbers are drawn in, in cells {@code cell} pixels wide: as large as lets the grid's widest
     * number fit its cell with a margin (squeezed by 15% at most), from three tenths of a cell to half of one, and never
     * under {@link MatrixView#MIN_NUMBER}. Every value counts, shown or not yet, so that the type keeps its size while an
     * output fills in.
     */
    double numberSize(double cell, Numbers numbers) {
        double widest = 0;
        for (double[] row : values) for (double v : row) widest = Math.max(widest, unitWidth(numbers.format(v)));
        double fits = widest > 0 ? 1.15 * (cell - Math.max(6, cell * 0.18)) / widest : cell;
        return Math.max(MatrixView.MIN_NUMBER, Math.min(cell * 0.5, Math.max(cell * 0.3, fits)));
    }

    private double unitWidth(String text) {
        return unitWidths.computeIfAbsent(text, t -> {
            Text probe = new Text(t);
            probe.setFont(Font.font("System", FontWeight.NORMAL, 100));
            return probe.getLayoutBounds().getWidth() / 100;
        });
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
    private static Color heatColor(Theme.Palette p, double t) {
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
