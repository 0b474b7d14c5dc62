package org.kernellab.ui.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Augment;
import org.kernellab.compute.Tensor;
import org.kernellab.data.Dataset;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;

/**
 * The augmentation gallery: one picture (a Fashion-MNIST test image, the built-in colour photo or the student's own)
 * and, for each of the course's transforms and for all of them together, a few random draws with what was drawn.
 * {@link #reroll} draws again.
 */
public final class AugmentViewModel {
    public enum Source {
        FASHION,
        PICTURE
    }

    public enum Transform {
        FLIP,
        ROTATION,
        CROP,
        JITTER,
        ALL
    }

    /** Draws per transform. */
    public static final int DRAWS = 4;

    /** One augmented picture and what was drawn for it. */
    public record Tile(Tensor image, Augment.Drawn drawn) {}

    /** The picture as it is, then {@link #DRAWS} tiles per transform. */
    public record Gallery(Tensor original, List<List<Tile>> rows) {
        public List<Tile> row(Transform t) {
            return rows.get(t.ordinal());
        }
    }

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.PICTURE);
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final ObjectProperty<Tensor> picture = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Gallery> gallery = new ReadOnlyObjectWrapper<>();
    private final Workbench bench;
    private final Lifetime life = new Lifetime();
    /** How many times the tiles were drawn again: each roll its own seed. */
    private final IntegerProperty roll = new SimpleIntegerProperty(0);

    public AugmentViewModel(Workbench bench) {
        this.bench = bench;
        source.addListener(o -> draw());
        index.addListener(o -> draw());
        picture.addListener(o -> draw());
        roll.addListener((o, a, b) -> draw());
        life.onChange(bench.dataProperty(), d -> draw());
    }

    public ReadOnlyObjectProperty<Gallery> galleryProperty() {
        return gallery.getReadOnlyProperty();
    }

    public Gallery gallery() {
        return gallery.get();
    }

    /** The colour picture in use: (3, H, W) in [0, 1]. */
    public void usePicture(Tensor rgb) {
        picture.set(rgb);
        source.set(Source.PICTURE);
    }

    /** New draws for every tile. */
    public void reroll() {
        roll.set(roll.get() + 1);
    }

    /** Stops following the workbench (the page is closed). */
    public void dispose() {
        life.end();
    }

    private Tensor original() {
        if (source.get() == Source.PICTURE) return picture.get();
        Dataset test = bench.dataProperty().get() == null
                ? null
                : bench.dataProperty().get().test();
        if (test == null) return null;
        int at = Math.max(0, Math.min(test.size() - 1, index.get()));
        double[] d = new double[784];
        for (int i = 0; i < 784; i++) d[i] = (test.images().pixels()[at * 784 + i] & 0xFF) / 255.0;
        return new Tensor(new int[] {1, 28, 28}, d);
    }

    private void draw() {
        Tensor img = original();
        if (img == null) {
            gallery.set(null);
            return;
        }
        Random rnd = new Random(roll.get() + 1L);
        Augment.Settings s = Augment.Settings.COURSE;
        List<List<Tile>> rows = new ArrayList<>();
        for (Transform t : Transform.values()) {
            List<Tile> row = new ArrayList<>();
            for (int i = 0; i < DRAWS; i++) row.add(tile(t, img, rnd, s));
            rows.add(row);
        }
        gallery.set(new Gallery(img, rows));
    }

    /** One transform alone (each always applied, the flip with its p = 0.5), or the whole pipeline. */
    private static Tile tile(Transform t, Tensor img, Random rnd, Augment.Settings s) {
        int h = img.dim(1), w = img.dim(2);
        return switch (t) {
            case FLIP -> {
                boolean flip = rnd.nextDouble() < s.flip();
                yield new Tile(flip ? Augment.hflip(img) : img, new Augment.Drawn(flip, 0, null, null));
            }
            case ROTATION -> {
                double deg = (rnd.nextDouble() * 2 - 1) * s.degrees();
                yield new Tile(Augment.rotate(img, deg), new Augment.Drawn(false, deg, null, null));
            }
            case CROP -> {
                Augment.Box box = Augment.cropBox(rnd, h, w, s.minScale(), s.maxScale());
                yield new Tile(Augment.resizedCrop(img, box, h, w), new Augment.Drawn(false, 0, box, null));
            }
            case JITTER -> {
                Augment.Jitter j = Augment.jitter(rnd, s);
                yield new Tile(Augment.apply(img, j), new Augment.Drawn(false, 0, null, j));
            }
            case ALL -> {
                Augment.Augmented a = Augment.pipeline(img, rnd, s, img.dim(0) == 3);
                yield new Tile(a.image(), a.drawn());
            }
        };
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    /** The tiles' roll: 0 for the first, one more each time they are drawn again. */
    public IntegerProperty rollProperty() {
        return roll;
    }
}
