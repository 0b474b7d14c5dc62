package org.kernellab.ui.widgets;

import java.util.function.IntToDoubleFunction;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A colour picture (CIFAR-10's, a student's own) drawn from its three channels, each pixel a square of its own. */
public final class ColourPicture {
    private ColourPicture() {}

    /**
     * @param value the picture's values 0–1, channels first: value k of red is k, of green h·w + k, of blue 2·h·w + k
     * @param scale pixels on screen per pixel of the picture
     */
    public static ImageView of(IntToDoubleFunction value, int h, int w, double scale) {
        int plane = h * w;
        WritableImage img = new WritableImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = y * w + x;
                img.getPixelWriter()
                        .setColor(
                                x,
                                y,
                                Color.color(
                                        unit(value.applyAsDouble(at)),
                                        unit(value.applyAsDouble(plane + at)),
                                        unit(value.applyAsDouble(2 * plane + at))));
            }
        }
        ImageView view = new ImageView(img);
        view.setFitWidth(w * scale);
        view.setFitHeight(h * scale);
        view.setSmooth(false); // the pixels a net reads, not a blur of them
        return view;
    }

    private static double unit(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
