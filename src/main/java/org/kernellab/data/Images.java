package org.kernellab.data;

import org.kernellab.compute.Tensor;

/** Pictures as grey matrices the lessons can convolve: from ARGB pixels, and resized by area averaging. */
public final class Images {
    private Images() {}

    /** ARGB pixels (as JavaFX and AWT give them) to grey values in [0, 1] with the usual luma weights. */
    public static Tensor grey(int[] argb, int width, int height) {
        if (argb.length != width * height)
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "×" + height);
        double[] d = new double[argb.length];
        for (int i = 0; i < d.length; i++) {
            int p = argb[i];
            double a = ((p >>> 24) & 0xFF) / 255.0;
            double g = (0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF)) / 255.0;
            d[i] = g * a + (1 - a); // transparent pixels count as white paper
        }
        return new Tensor(new int[] {height, width}, d);
    }

    /**
     * ARGB pixels to a colour picture (3, H, W) in [0, 1], reduced by averaging blocks of pixels until its longer side is
     * at most {@code maxSide}: the transforms of a lesson then stay quick whatever the camera made.
     */
    public static Tensor rgb(int[] argb, int width, int height, int maxSide) {
        if (argb.length != width * height)
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "×" + height);
        int f = Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide),
                w = Math.max(1, width / f),
                h = Math.max(1, height / f);
        double[] d = new double[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = 0, g = 0, b = 0;
                int n = 0;
                for (int dy = 0; dy < f && y * f + dy < height; dy++) {
                    for (int dx = 0; dx < f && x * f + dx < width; dx++) {
                        int p = argb[(y * f + dy) * width + x * f + dx];
                        double a = ((p >>> 24) & 0xFF) / 255.0; // transparent pixels count as white paper, as in grey()
                        r += ((p >> 16) & 0xFF) / 255.0 * a + 1 - a;
                        g += ((p >> 8) & 0xFF) / 255.0 * a + 1 - a;
                        b += (p & 0xFF) / 255.0 * a + 1 - a;
                        n++;
                    }
                }
                d[y * w + x] = r / n;
                d[h * w + y * w + x] = g / n;
                d[2 * h * w + y * w + x] = b / n;
            }
        }
        return new Tensor(new int[] {3, h, w}, d);
    }

    /**
     * A centred square crop of {@code img} scaled to {@code rows × cols}: each target cell is the average of
     * the source area it covers (partial pixels weighted), rounded to two decimals for display.
     */
    public static Tensor fit(Tensor img, int rows, int cols) {
        int h = img.dim(0), w = img.dim(1);
        int side = Math.min(h, w);
        double top = (h - side) / 2.0, left = (w - side) / 2.0;
        double sy = side / (double) rows, sx = side / (double) cols;
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double y0 = top + r * sy, y1 = y0 + sy, x0 = left + c * sx, x1 = x0 + sx, sum = 0, area = 0;
                for (int y = (int) Math.floor(y0); y < Math.ceil(y1); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) Math.floor(x0); x < Math.ceil(x1); x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        sum += img.get(Math.min(y, h - 1), Math.min(x, w - 1)) * wy * wx;
                        area += wy * wx;
                    }
                }
                out[r * cols + c] = Math.round(sum / area * 100) / 100.0;
            }
        }
        return new Tensor(new int[] {rows, cols}, out);
    }

    /** A picture as a network input: 28×28 bytes, light on dark as in Fashion-MNIST; {@code inverted} says whether it was flipped. */
    public record NetInput(byte[] pixels, boolean inverted) {}

    /**
     * Fits any grey picture to 28×28 and, when its border is light (a photo of a shoe on a table, a drawing on
     * paper), inverts it: Fashion-MNIST's garments are light on a black background, and the net only knows those.
     */
    public static NetInput toNetInput(Tensor grey) {
        Tensor small = fit(grey, 28, 28);
        double border = 0;
        for (int i = 0; i < 28; i++) border += small.get(0, i) + small.get(27, i) + small.get(i, 0) + small.get(i, 27);
        boolean invert = border / (4 * 28) > 0.5;
        byte[] px = new byte[28 * 28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double v = invert ? 1 - small.get(r, c) : small.get(r, c);
                px[r * 28 + c] = (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
            }
        }
        return new NetInput(px, invert);
    }
}
