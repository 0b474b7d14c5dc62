package org.kernellab.ui.featuremaps;

import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Tensor;
import org.kernellab.data.Dataset;
import org.kernellab.data.Images;
import org.kernellab.model.Network;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;

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

    /** An image and what the net makes of it. {@code file} names a picture that was opened (null: a test image). */
    public record Side(int index, String file, boolean inverted, byte[] pixels, int label, FeatureMaps maps) {
        public double[][] image() {
            double[][] m = new double[28][28];
            for (int i = 0; i < 784; i++) m[i / 28][i % 28] = (pixels[i] & 0xFF) / 255.0;
            return m;
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
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.RELU);
    private final IntegerProperty block = new SimpleIntegerProperty(0);
    private final IntegerProperty filter = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Side> left = new ReadOnlyObjectWrapper<>(),
            right = new ReadOnlyObjectWrapper<>();
    private final Workbench bench;
    private final Lifetime life = new Lifetime();
    private Images.NetInput picture;
    private String pictureName, pictureFile;

    public FeatureMapsViewModel(Workbench bench) {
        this.bench = bench;
        index.addListener((o, a, b) -> {
            picture = null;
            update();
        });
        otherIndex.addListener((o, a, b) -> update());
        compare.addListener((o, a, b) -> update());
        life.onChange(bench.networkProperty(), b -> {
            if (b == null
                    || block.get() >= FeatureMaps.convBlocks(b)
                    || filter.get() >= FeatureMaps.filters(b, block.get())) {
                block.set(0);
                filter.set(0);
            }
            update();
        });
        life.onChange(bench.dataProperty(), d -> update());
        life.onChange(bench.sourceProperty(), s -> update()); // the same net, now reading normalized pictures
        update();
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

    public Network network() {
        return bench.networkProperty().get();
    }

    /** How many test images there are to pick from (0 before the data has loaded). */
    public int testCount() {
        return test() == null ? 0 : test().size();
    }

    private Dataset test() {
        return bench.dataProperty().get() == null
                ? null
                : bench.dataProperty().get().test();
    }

    /** Shows a picture read from {@code file} (null: from nowhere to name) on the left. */
    public void usePicture(Tensor grey, String name, String file) {
        picture = Images.toNetInput(grey);
        pictureName = name;
        pictureFile = file;
        update();
    }

    /** The picture file shown on the left, null while a test image is. */
    public String pictureFile() {
        return picture == null ? null : pictureFile;
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
        Dataset test = test();
        if (net == null
                || FeatureMaps.convBlocks(net) == 0
                || !Arrays.equals(net.net().input(), new int[] {1, 28, 28})) {
            left.set(null);
            right.set(null);
            return;
        }
        if (picture != null)
            left.set(new Side(
                    -1, pictureName, picture.inverted(), picture.pixels(), -1, FeatureMaps.of(net, picture.pixels())));
        else left.set(test == null ? null : testSide(net, test, index.get()));
        right.set(compare.get() && test != null ? testSide(net, test, otherIndex.get()) : null);
    }

    private static Side testSide(Network net, Dataset test, int i) {
        int at = Math.max(0, Math.min(test.size() - 1, i));
        byte[] px = Arrays.copyOfRange(test.images().pixels(), at * 784, (at + 1) * 784);
        return new Side(at, null, false, px, test.label(at), FeatureMaps.of(net, px));
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
