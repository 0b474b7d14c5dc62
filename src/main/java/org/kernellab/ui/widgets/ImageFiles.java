package org.kernellab.ui.widgets;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Picture files the student opens: the file dialog, and the pixels of what was picked. */
public final class ImageFiles {
    private ImageFiles() {}

    public static Optional<Path> choose(Window owner) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(
                        "PNG, JPEG, GIF, BMP", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** The picture as ARGB pixels with its width and height, or empty when the file is no readable image. */
    public static Optional<Pixels> read(Path file) {
        return read(file.toUri().toString());
    }

    /** The same for a picture at a URL (a file, or one of the app's own resources). */
    public static Optional<Pixels> read(String url) {
        Image img = new Image(url);
        if (img.isError() || img.getPixelReader() == null) return Optional.empty();
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return Optional.of(new Pixels(argb, w, h));
    }

    /** Row-major ARGB pixels. */
    public record Pixels(int[] argb, int width, int height) {}
}
