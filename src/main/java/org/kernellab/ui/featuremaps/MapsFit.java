package org.kernellab.ui.featuremaps;

/** Sizes for maps laid out in rows that wrap: the largest that lets them all fit a box. */
final class MapsFit {
    /** The gap between tiles, and a map's frame. */
    private static final double GAP = 6, FRAME = 2;

    private MapsFit() {}

    /**
     * The side of the largest square tile, from 24 to 240 pixels, with which {@code n} tiles in rows wrapping at {@code
     * width} fit {@code height}; a tile of pairs holds two maps one above the other. A block's maps stay on the screen
     * as thumbnails: the one picked is shown large beside them.
     */
    static double tile(double width, double height, int n, boolean pairs) {
        for (double t = 240; t > 24; t -= 2) {
            int across = (int) Math.max(1, Math.floor((width + GAP) / (t + FRAME + GAP)));
            int rows = (n + across - 1) / across;
            double tall = (pairs ? 2 * (t + FRAME) + 2 : t + FRAME) + GAP;
            if (rows * tall <= height && across * (t + FRAME + GAP) <= width + GAP) return t;
        }
        return 24;
    }

    /** The cell, in pixels, at which {@code n} maps of {@code side}×{@code side} fit a box {@code width}×{@code height}. */
    static double cell(double width, double height, int n, int side, double gap) {
        for (double c = 32; c > 2; c--) {
            double t = side * c + FRAME + gap;
            int across = (int) Math.max(1, Math.floor((width + gap) / t));
            if (across * t <= width + gap && Math.ceil(n / (double) across) * t <= height) return c;
        }
        return 2;
    }
}
