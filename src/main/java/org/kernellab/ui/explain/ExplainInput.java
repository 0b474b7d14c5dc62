package org.kernellab.ui.explain;

import java.nio.file.Path;
import java.util.Arrays;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.data.Dataset;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Network;
import org.kernellab.ui.core.Workbench;

/**
 * What the chapter on explanations looks at, one for the app: the net (the workbench's: the shipped CNN, the lab's,
 * or one opened from a file or from PyTorch) and the picture, a Fashion-MNIST test image by number or the student's
 * drawing, which the saliency and attack lessons take too.
 */
public final class ExplainInput {
    /** A picture the net reads: 784 values in [0, 1], its true class (−1 for a drawing) and its test number (−1 too). */
    public record Picture(float[] values, int label, int index) {
        public boolean drawn() {
            return index < 0;
        }
    }

    public static final int SIDE = 28, SIZE = SIDE * SIDE;
    /** The source of a net from a file that reads normalized pictures. */
    static final String NORMALIZED = "maps.sourceFileNormalized";

    private final Workbench bench;
    private final ObjectProperty<Integer> index = new SimpleObjectProperty<>(0);
    private final BooleanProperty useDrawing = new SimpleBooleanProperty(false);
    private final ObjectProperty<float[]> drawing = new SimpleObjectProperty<>(new float[SIZE]);
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>();
    /** A file being opened, and how its net reads pictures. */
    private Path pending;

    private boolean pendingNormalized;

    public ExplainInput(Workbench bench) {
        this.bench = bench;
        // the app-wide input lives as long as the app: strong listeners on the app-wide workbench are right here
        bench.networkProperty().addListener((o, a, b) -> updateNet());
        // the same net told to read normalized pictures: what was computed with it is stale
        bench.sourceProperty().addListener((o, a, b) -> {
            network.set(null);
            updateNet();
        });
        bench.dataProperty().addListener((o, a, b) -> update());
        // each net set (the same file opened again too), and each file that could not be opened
        bench.sourceProperty().addListener((Observable o) -> opened());
        bench.modelProblemProperty().addListener((Observable o) -> {
            if (bench.modelProblemProperty().get() != null) pending = null;
        });
        index.addListener((o, a, b) -> update());
        useDrawing.addListener((o, a, b) -> update());
        drawing.addListener((o, a, b) -> update());
        updateNet();
        update();
    }

    /** Starts the data and the pretrained net loading if nothing is there yet. */
    public void start() {
        bench.withData(d -> {});
        bench.usePretrained(false);
    }

    /**
     * Opens a net from a file (KernelLab's or PyTorch's) for the chapter, in the background, reading its pictures
     * normalized or not; the file is kept, so that a scene can name it.
     */
    public void loadModel(Path f, boolean normalized) {
        pending = f;
        pendingNormalized = normalized;
        bench.loadModel(f);
    }

    /** The file the chapter's net comes from (or is being opened from); null for a net from elsewhere. */
    public Path netFile() {
        if (pending != null) return pending;
        Workbench.Source s = bench.sourceProperty().get(); // opened here or in another view
        return s == null ? null : s.file();
    }

    /** Whether the net from {@link #netFile} reads its pictures normalized. */
    public boolean normalized() {
        if (pending != null) return pendingNormalized;
        Workbench.Source s = bench.sourceProperty().get();
        return s != null && s.key().equals(NORMALIZED);
    }

    /** Has the net from {@link #netFile} read its pictures normalized, or not (once it is open). */
    public void normalize(boolean on) {
        if (pending != null) pendingNormalized = on;
        else bench.normalize(on);
    }

    private void opened() {
        Workbench.Source s = bench.sourceProperty().get();
        if (pending == null
                || s == null
                || !Workbench.FILE_SOURCES.contains(s.key())
                || !s.detail().equals(pending.getFileName().toString())) return;
        pending = null;
        if (pendingNormalized) bench.normalize(true);
    }

    /** The net, when it reads Fashion-MNIST's 28×28 grey pictures into ten classes; null otherwise ({@link #unfit}). */
    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Whether the workbench holds a net this chapter cannot read pictures for (another input shape). */
    public boolean unfit() {
        Network n = bench.networkProperty().get();
        return n != null && network.get() == null;
    }

    public Workbench workbench() {
        return bench;
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ObjectProperty<Integer> indexProperty() {
        return index;
    }

    public BooleanProperty useDrawingProperty() {
        return useDrawing;
    }

    /** The drawing's values (a copy is kept: the canvas goes on changing its own). */
    public ObjectProperty<float[]> drawingProperty() {
        return drawing;
    }

    /** Test image {@code i}'s values: where a drawing starts from. */
    public float[] testPicture(int i) {
        Dataset test = test();
        if (test == null) return new float[SIZE];
        int at = Math.max(0, Math.min(test.size() - 1, i));
        float[] v = new float[SIZE];
        byte[] px = test.images().pixels();
        for (int k = 0; k < SIZE; k++) v[k] = (px[at * SIZE + k] & 0xFF) / 255f;
        return v;
    }

    /** How many test images there are (0 before the data has loaded). */
    public int testCount() {
        return test() == null ? 0 : test().size();
    }

    private Dataset test() {
        return bench.dataProperty().get() == null
                ? null
                : bench.dataProperty().get().test();
    }

    private void updateNet() {
        Network n = bench.networkProperty().get();
        boolean fits =
                n != null && Arrays.equals(n.net().input(), CourseNets.FASHION) && n.classes() == CourseNets.CLASSES;
        network.set(fits ? n : null);
    }

    private void update() {
        if (useDrawing.get()) {
            picture.set(new Picture(drawing.get().clone(), -1, -1));
            return;
        }
        Dataset test = test();
        if (test == null) {
            picture.set(null);
            return;
        }
        int at = Math.max(0, Math.min(test.size() - 1, index.get()));
        picture.set(new Picture(testPicture(at), test.label(at), at));
    }
}
