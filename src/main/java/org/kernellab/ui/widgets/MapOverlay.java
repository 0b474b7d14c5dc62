package org.kernellab.ui.widgets;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A saliency map as a square picture: over its grey picture, the map's positive values in a warm colour and its
 * negative ones in a cold one, each as opaque as the value is large; or the map alone on black. A map coarser than
 * the picture (Grad-CAM's own) is drawn in blocks of its own cells, so that its resolution shows.
 */
public final class MapOverlay extends Region {
    private static final Color WARM = Color.rgb(255, 80, 20), COLD = Color.rgb(40, 140, 255);

    private final Canvas canvas = new Canvas();
    private double side;
    private float[] picture, map;
    private int ph, pw, mh, mw;
    private boolean over;
    private double range = 1;

    public MapOverlay(double side) {
        this.side = side;
        getStyleClass().add("map-overlay");
        getChildren().add(canvas);
    }

    /**
     * @param picture grey values in [0, 1], {@code ph} × {@code pw} (null: the map alone)
     * @param map     the map's values, {@code mh} × {@code mw}
     * @param range   the magnitude drawn at full strength (0: the map's own largest)
     */
    public void set(float[] picture, int ph, int pw, float[] map, int mh, int mw, boolean overlay, double range) {
        this.picture = picture;
        this.ph = ph;
        this.pw = pw;
        this.map = map;
        this.mh = mh;
        this.mw = mw;
        this.over = overlay && picture != null;
        double max = 0;
        for (float v : map) max = Math.max(max, Math.abs(v));
        this.range = range > 0 ? range : max > 0 ? max : 1;
        draw();
    }

    /** The largest magnitude of several maps: one range makes their colours comparable (the all-classes view). */
    public static double maxAbs(Iterable<float[]> maps) {
        double m = 0;
        for (float[] map : maps) for (float v : map) m = Math.max(m, Math.abs(v));
        return m;
    }

    private void draw() {
        canvas.setWidth(side);
        canvas.setHeight(side);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, side, side);
        if (map == null) return;
        if (over) g.drawImage(grey(), 0, 0, side, side);
        WritableImage colours = new WritableImage(mw, mh);
        PixelWriter px = colours.getPixelWriter();
        for (int y = 0; y < mh; y++)
            for (int x = 0; x < mw; x++) {
                double v = map[y * mw + x] / range;
                Color c = v >= 0 ? WARM : COLD;
                double a = Math.min(1, Math.abs(v));
                px.setColor(
                        x,
                        y,
                        over
                                ? Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.85 * a)
                                : c.deriveColor(0, 1, a, 1));
            }
        g.drawImage(colours, 0, 0, side, side);
    }

    private WritableImage grey() {
        WritableImage img = new WritableImage(pw, ph);
        PixelWriter px = img.getPixelWriter();
        for (int y = 0; y < ph; y++)
            for (int x = 0; x < pw; x++) {
                double v = Math.max(0, Math.min(1, picture[y * pw + x]));
                px.setColor(x, y, Color.gray(0.15 + 0.6 * v)); // dimmed, so that the colours over it read
            }
        return img;
    }

    @Override
    protected double computePrefWidth(double h) {
        return side;
    }

    @Override
    protected double computePrefHeight(double w) {
        return side;
    }

    @Override
    protected double computeMinWidth(double h) {
        return side;
    }

    @Override
    protected double computeMinHeight(double w) {
        return side;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
