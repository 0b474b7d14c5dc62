package org.kernellab.ui.featuremaps;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Tensor;
import org.kernellab.data.FashionMnist;
import org.kernellab.data.Images;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.PictureData;

/**
 * The feature-map grid's state: one or two images (test images by number, or a picture file), the stage shown
 * (after the convolution, after ReLU, after pooling), every conv block's maps for each image from the current
 * network, and the map picked for a closer look with the filter that made it.
 */
public final class FeatureMapsViewModel {
    public enum Stage {
        CONV,
        RELU,
        POOL
    }

    /**
     * An image and what the net makes of it: its values 0–255 channels first ({@code shape}: channels, rows, columns),
     * the names of the net's classes ({@link PictureData#className}). {@code file} names a picture that was opened
     * (null: a test image).
     */
    public record Side(
            int index,
            String file,
            boolean inverted,
            byte[] pixels,
            int[] shape,
            List<String> classes,
            int label,
            FeatureMaps maps) {
        /** Whether the picture has colour channels, drawn in colour, rather than one grey one. */
        public boolean colour() {
            return shape[0] == 3;
        }

        /** The first channel, as rows × columns values 0–1: the grey picture. */
        public double[][] image() {
            int h = shape[1], w = shape[2];
            double[][] m = new double[h][w];
            for (int i = 0; i < h * w; i++) m[i / w][i % w] = value(i);
            return m;
        }

        /** Value {@code k} of the picture, 0–1, channels first. */
        public double value(int k) {
            return (pixels[k] & 0xFF) / 255.0;
        }

        public int predicted() {
            float[] p = maps.probabilities();
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            return best;
        }

        /** Map {@code f} of block {@code block} at a stage. */
        public double[][] map(int block, int f, Stage stage) {
            return maps.blocks().get(block).map(stage, f);
        }
    }

    /** The first images shown: 23 is an ankle boot, 24 a trouser (see the lesson on the course's "23–28 are shoes"). */
    private final ObjectProperty<Integer> index = new SimpleObjectProperty<>(23);

    private final ObjectProperty<Integer> otherIndex = new SimpleObjectProperty<>(28);

    private final BooleanProperty compare = new SimpleBooleanProperty(false);
    /** The training lab's net for its other pictures (CIFAR-10, a folder) shown, rather than the Fashion-MNIST one. */
    private final BooleanProperty otherPictures = new SimpleBooleanProperty(false);

    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.RELU);
    private final IntegerProperty block = new SimpleIntegerProperty(0);
    private final IntegerProperty filter = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Side> left = new ReadOnlyObjectWrapper<>(),
            right = new ReadOnlyObjectWrapper<>();
    private final Workbench bench;
    private final Lifetime life = new Lifetime();
    private Images.NetInput picture;
    private String pictureName, pictureFile;
    /** The net the sides were last worked out with. */
    private Network shown;

    public FeatureMapsViewModel(Workbench bench) {
        this.bench = bench;
        index.addListener((o, a, b) -> {
            picture = null;
            update();
        });
        otherIndex.addListener((o, a, b) -> update());
        compare.addListener((o, a, b) -> update());
        // the newest net is shown: the lab's for other pictures as it arrives, a Fashion-MNIST one as the student sets
        // it (the pretrained net loaded by default leaves the choice as it is)
        otherPictures.set(bench.otherPicturesNewest());
        life.onChange(bench.networkProperty(), n -> show(otherPictures.get() && bench.otherPicturesNewest()));
        life.onChange(bench.otherPicturesProperty(), o -> show(o != null && bench.otherPicturesNewest()));
        otherPictures.addListener((o, a, b) -> update());
        // a net file that failed to open is named with the Fashion-MNIST net it was to replace: that view is shown
        life.onChange(bench.modelProblemProperty(), p -> {
            if (p != null) show(false);
        });
        life.onChange(bench.dataProperty(), d -> update());
        life.onChange(bench.sourceProperty(), s -> update()); // the same net, now reading normalized pictures
        update();
    }

    /** Shows the lab's net for other pictures or the Fashion-MNIST one, and their maps afresh. */
    private void show(boolean other) {
        if (otherPictures.get() != other) otherPictures.set(other); // its listener updates
        else update();
    }

    /** The first map of the first block picked where the net shown has not the block or filter picked. */
    private void fitPick() {
        Network net = network();
        if (net == null
                || block.get() >= FeatureMaps.convBlocks(net)
                || filter.get() >= FeatureMaps.filters(net, block.get())) {
            block.set(0);
            filter.set(0);
        }
    }

    /** Stops following the workbench's network and data (the page is closed). */
    public void dispose() {
        life.end();
    }

    public ReadOnlyObjectProperty<Side> leftProperty() {
        return left.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Side> rightProperty() {
        return right.getReadOnlyProperty();
    }

    /** The net looked into: the workbench's, or the lab's for other pictures when those are shown. */
    public Network network() {
        Workbench.OtherPictures o = other();
        return o != null ? o.net() : bench.networkProperty().get();
    }

    /** The lab's net for other pictures and its pictures while they are shown, else null. */
    public Workbench.OtherPictures other() {
        return otherPictures.get() ? bench.otherPicturesProperty().get() : null;
    }

    /** How many test images there are to pick from (0 before the data has loaded). */
    public int testCount() {
        return test() == null ? 0 : test().count();
    }

    /** The larger of the two sets' test counts: the number's limit, so that a switch of sets keeps the one picked. */
    public int testLimit() {
        Workbench.OtherPictures o = bench.otherPicturesProperty().get();
        FashionMnist.Loaded d = bench.dataProperty().get();
        return Math.max(
                d == null ? 0 : d.test().size(), o == null ? 0 : o.test().count());
    }

    /** The test pictures of the net shown. */
    private Samples test() {
        Workbench.OtherPictures o = other();
        if (o != null) return o.test();
        return bench.dataProperty().get() == null
                ? null
                : Samples.of(bench.dataProperty().get().test());
    }

    /** Shows a picture read from {@code file} (null: from nowhere to name) on the left. */
    public void usePicture(Tensor grey, String name, String file) {
        otherPictures.set(false); // a picture of one's own goes to the Fashion-MNIST net, in grey
        picture = Images.toNetInput(grey);
        pictureName = name;
        pictureFile = file;
        update();
    }

    /** The picture file shown on the left, null while a test image is. */
    public String pictureFile() {
        return picture == null || other() != null ? null : pictureFile;
    }

    /** Shows conv block {@code b}'s maps, keeping the filter picked where the block has it. */
    public void turnTo(int b) {
        Network net = network();
        if (net == null || b >= FeatureMaps.convBlocks(net)) return;
        pick(b, Math.min(filter.get(), FeatureMaps.filters(net, b) - 1));
    }

    /** Picks a map for a closer look. */
    public void pick(int block, int filter) {
        this.block.set(block);
        this.filter.set(filter);
    }

    private void update() {
        Network net = network();
        Samples test = test();
        boolean other = other() != null;
        if (net == null
                || FeatureMaps.convBlocks(net) == 0
                || !other && !Arrays.equals(net.net().input(), CourseNets.FASHION)) {
            left.set(null);
            right.set(null);
            shown = null;
            return;
        }
        if (net != shown) { // a side of the net before never meets this net in a redraw: no left side, nothing drawn
            left.set(null);
            right.set(null);
            shown = net;
            fitPick();
        }
        if (picture != null && !other)
            left.set(new Side(
                    -1,
                    pictureName,
                    picture.inverted(),
                    picture.pixels(),
                    CourseNets.FASHION,
                    PictureData.FASHION_LABELS,
                    -1,
                    FeatureMaps.of(net, picture.pixels(), CourseNets.FASHION)));
        else left.set(test == null ? null : testSide(net, test, index.get()));
        right.set(compare.get() && test != null ? testSide(net, test, otherIndex.get()) : null);
    }

    private Side testSide(Network net, Samples test, int i) {
        int at = Math.max(0, Math.min(test.count() - 1, i)), size = test.size();
        byte[] px = Arrays.copyOfRange(test.values(), at * size, (at + 1) * size);
        List<String> classes = other() == null ? PictureData.FASHION_LABELS : other().classes();
        return new Side(
                at, null, false, px, test.shape(), classes, test.label(at), FeatureMaps.of(net, px, test.shape()));
    }

    public ObjectProperty<Integer> indexProperty() {
        return index;
    }

    public ObjectProperty<Integer> otherIndexProperty() {
        return otherIndex;
    }

    public BooleanProperty compareProperty() {
        return compare;
    }

    public BooleanProperty otherPicturesProperty() {
        return otherPictures;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public IntegerProperty blockProperty() {
        return block;
    }

    public IntegerProperty filterProperty() {
        return filter;
    }
}
