package org.kernellab.ui.widgets;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.kernellab.ui.core.Theme;

/**
 * Values as colours, one square per value: images in grey, feature maps and filters in diverging colours
 * (negative, zero, positive), counts (a confusion matrix) with their numbers written in. Drawn through one
 * image per change, so a grid of dozens of maps stays cheap.
 */
public class HeatMap extends Region {
    /** How values become colours. */
    public enum Scale {
        /** 0 black to 1 white: a picture. */
        GREY,
        /** −range..+range through the background colour; ReLU outputs only use the positive half. */
        SIGNED,
        /** 0..range from the background to the positive colour, each count written in its cell. */
        COUNTS
    }

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Theme.Palette> palette = new SimpleObjectProperty<>(Theme.LIGHT.palette());
    private double[][] values = new double[0][0];
    private Scale scale = Scale.GREY;
    private double range = 1, cell;
    private boolean selected;

    /** @param cell the side of a square in pixels */
    public HeatMap(double cell) {
        this.cell = cell;
        getStyleClass().add("heat-map");
        getChildren().add(canvas);
        palette.addListener((o, a, b) -> draw());
    }

    public ObjectProperty<Theme.Palette> paletteProperty() {
        return palette;
    }

    /** New values; for SIGNED and COUNTS, {@code range} is the magnitude drawn at full colour (shared by maps that compare). */
    public void setValues(double[][] v, Scale scale, double range) {
        boolean resized = v.length != values.length || (v.length > 0 && v[0].length != values[0].length);
        this.values = v;
        this.scale = scale;
        this.range = range > 0 ? range : 1;
        if (resized) requestLayout();
        draw();
    }

    public void setCell(double cell) {
        this.cell = cell;
        requestLayout();
        draw();
    }

    /** Outlines the map, for the one enlarged. */
    public void setSelected(boolean selected) {
        this.selected = selected;
        draw();
    }

    /**
     * The size in pixels of the type the counts are written in: two fifths of a square, never under 11 px; 0 where no
     * number is written (pictures and maps, and squares under 18 px).
     */
    public double numberSize() {
        if (scale != Scale.COUNTS || cell < 18 || values.length == 0) return 0;
        return Math.max(MatrixView.MIN_NUMBER, cell * 0.42);
    }

    public boolean isSelected() {
        return selected;
    }

    public double[][] values() {
        return values;
    }

    /** The largest magnitude in a set of maps: the shared range that makes their colours comparable. */
    public static double maxAbs(double[][]... maps) {
        double m = 0;
        for (double[][] map : maps) for (double[] row : map) for (double v : row) m = Math.max(m, Math.abs(v));
        return m;
    }

    @Override
    protected double computePrefWidth(double h) {
        return cols() * cell + 2;
    }

    @Override
    protected double computePrefHeight(double w) {
        return values.length * cell + 2;
    }

    @Override
    protected double computeMinWidth(double h) {
        return computePrefWidth(h);
    }

    @Override
    protected double computeMinHeight(double w) {
        return computePrefHeight(w);
    }

    @Override
    protected double computeMaxWidth(double h) {
        return computePrefWidth(h);
    }

    @Override
    protected double computeMaxHeight(double w) {
        return computePrefHeight(w);
    }

    @Override
    protected void layoutChildren() {
        double w = computePrefWidth(-1), h = computePrefHeight(-1);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private int cols() {
        return values.length == 0 ? 0 : values[0].length;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        Theme.Palette p = palette.get();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int rows = values.length, cols = cols();
        if (rows == 0 || cols == 0) return;
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter w = img.getPixelWriter();
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) w.setColor(c, r, colour(values[r][c], p));
        g.setImageSmoothing(false);
        g.drawImage(img, 1, 1, cols * cell, rows * cell);
        if (numberSize() > 0) {
            g.setFont(Font.font(numberSize()));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    g.setFill(values[r][c] / range > 0.55 ? Color.WHITE : p.text());
                    g.fillText(String.valueOf(Math.round(values[r][c])), 1 + (c + 0.5) * cell, 1 + (r + 0.5) * cell);
                }
            }
        }
        g.setStroke(selected ? p.selected() : p.grid());
        g.setLineWidth(selected ? 2 : 1);
        g.strokeRect(0.5, 0.5, cols * cell + 1, rows * cell + 1);
    }

    private Color colour(double v, Theme.Palette p) {
        return switch (scale) {
            case GREY -> Color.gray(Math.max(0, Math.min(1, v)));
            case SIGNED ->
                v >= 0
                        ? p.background().interpolate(p.positive(), Math.min(1, v / range))
                        : p.background().interpolate(p.negative(), Math.min(1, -v / range));
            case COUNTS -> p.background().interpolate(p.positive(), Math.min(1, Math.max(0, v) / range));
        };
    }
}
