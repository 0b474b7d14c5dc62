package org.kernellab.ui.widgets;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.kernellab.compute.Tensor;

/** A picture tensor, (1, H, W) grey or (3, H, W) RGB with values in [0, 1], drawn at a given width. */
public final class PictureView extends ImageView {
    /** @param smooth false to show each pixel as a sharp square (a 28×28 image), true for a photo */
    public PictureView(Tensor picture, double width, boolean smooth) {
        int c = picture.dim(0), h = picture.dim(1), w = picture.dim(2), n = h * w;
        double[] d = picture.data();
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int r = level(d[i]), g = c == 3 ? level(d[n + i]) : r, b = c == 3 ? level(d[2 * n + i]) : r;
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        setImage(img);
        setFitWidth(width);
        setPreserveRatio(true);
        setSmooth(smooth);
    }

    private static int level(double v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
}
