package org.kernellab.ui.animator;

import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Kernels;
import org.kernellab.compute.Tensor;
import org.kernellab.data.DataException;
import org.kernellab.data.EmbeddedImages;
import org.kernellab.data.Images;
import org.kernellab.ui.animator.AnimatorViewModel.Source;

/**
 * The animator's two operands, the input and the kernel: their numbers, where those come from (random digits, the
 * course's matrices, a Fashion-MNIST image or a picture file, a kernel preset, the student's typing) and their size
 * sliders, which the matrices follow. A matrix's shape is its size; the sliders say which size is asked for.
 */
final class Operands {
    private final IntegerProperty inputH = new SimpleIntegerProperty(4), inputW = new SimpleIntegerProperty(4);
    private final IntegerProperty kernelH = new SimpleIntegerProperty(2), kernelW = new SimpleIntegerProperty(2);
    private final ReadOnlyObjectWrapper<Tensor> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Tensor> kernel = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.RANDOM);
    /** The kernel preset, null for the student's own values. */
    private final ObjectProperty<Kernels> preset = new SimpleObjectProperty<>(Kernels.COURSE_2X2);
    /** Which Fashion-MNIST test image is the input when the source is FASHION. */
    private final IntegerProperty fashionIndex = new SimpleIntegerProperty(0);

    private final BooleanProperty separate;
    private final EmbeddedImages pictures;
    private final Random random;
    private Tensor picture; // the image (Fashion-MNIST or a file) the input is fitted from
    /** The picture file the input was taken from, while it is the source; null for any other input. */
    private String pictureFile;

    /**
     * @param separate whether height and width are set apart; a course's matrix or a preset may tie them
     * @param seed     for the random numbers, so a lesson can start from the same ones
     */
    Operands(BooleanProperty separate, EmbeddedImages pictures, long seed) {
        this.separate = separate;
        this.pictures = pictures;
        this.random = new Random(seed);
        input.set(grown(Tensor.zeros(0, 0), 4, 4, this::digit));
        kernel.set(Tensor.of(Kernels.COURSE_2X2.matrix(2)));
        follow(inputH, inputW, input, this::resizeInput);
        follow(kernelH, kernelW, kernel, this::resizeKernel);
        separate.addListener((o, a, on) -> {
            if (!on) { // tied again: square, as the height says
                resizeInput(input.get().dim(0), input.get().dim(0));
                resizeKernel(kernel.get().dim(0), kernel.get().dim(0));
            }
        });
        source.addListener((o, a, s) -> sourceChanged(s));
        fashionIndex.addListener((o, a, n) -> {
            if (source.get() == Source.FASHION) sourceChanged(Source.FASHION);
        });
        preset.addListener((o, a, k) -> {
            if (k != null) applyPreset(k);
        });
    }

    /** New random integers 0–9 for the input, at its current size. */
    void randomize() {
        if (source.get() == Source.RANDOM) drawInput();
        else source.set(Source.RANDOM); // which draws them
    }

    void editInput(int row, int col, double value) {
        Tensor t = input.get().copy();
        t.set(value, row, col);
        source.set(Source.CUSTOM);
        input.set(t);
    }

    /** The kernel becomes the student's own; {@code flipped}: they edit the flipped kernel they see. */
    void editKernel(int row, int col, double value, boolean flipped) {
        Tensor t = kernel.get().copy();
        if (flipped) t.set(value, t.dim(0) - 1 - row, t.dim(1) - 1 - col);
        else t.set(value, row, col);
        preset.set(null);
        kernel.set(t);
    }

    /** A grey picture (values 0–1, any size) to take the input from, fitted to the input's size. */
    void usePicture(Tensor grey, Source kind) {
        usePicture(grey, kind, null);
    }

    /** A grey picture as the input, and the file it was read from (null: none). */
    void usePicture(Tensor grey, Source kind, String file) {
        picture = grey;
        input.set(Images.fit(picture, input.get().dim(0), input.get().dim(1)));
        source.set(kind);
        pictureFile = file;
    }

    /** The picture file the input comes from, null when it comes from elsewhere. */
    String pictureFile() {
        return source.get() == Source.IMAGE ? pictureFile : null;
    }

    /**
     * The input's numbers as a scene gives them, at their size (apart from the kernel's axes when not square); where
     * they come from stays as it is, so that a picture is fitted again when the size changes.
     */
    void useInput(Tensor t) {
        within(t, AnimatorViewModel.MAX_INPUT);
        if (t.dim(0) != t.dim(1)) separate.set(true);
        input.set(t);
        showSizes();
    }

    /** The kernel's numbers as a scene gives them, at their size; the preset it is named by stays. */
    void useKernel(Tensor t) {
        within(t, AnimatorViewModel.MAX_KERNEL);
        if (t.dim(0) != t.dim(1)) separate.set(true);
        kernel.set(t);
        showSizes();
    }

    private static void within(Tensor t, int max) {
        if (t.dim(0) > max || t.dim(1) > max)
            throw new IllegalArgumentException("at most " + max + "×" + max + ", not " + t.dim(0) + "×" + t.dim(1));
    }

    /** The student's own matrices, with height and width apart when either is not square. */
    void use(Tensor in, Tensor k) {
        source.set(Source.CUSTOM);
        preset.set(null);
        input.set(in);
        kernel.set(k);
        separate.set(in.dim(0) != in.dim(1) || k.dim(0) != k.dim(1));
        showSizes();
    }

    /**
     * Each matrix follows its sliders, the height resizing its rows (and, while tied, its columns), the width its
     * columns. Each keeps the other axis as the matrix has it: a change that sets a matrix and then its sliders to its
     * shape resizes nothing.
     */
    private void follow(
            IntegerProperty h,
            IntegerProperty w,
            ReadOnlyObjectWrapper<Tensor> m,
            BiConsumer<Integer, Integer> resize) {
        h.addListener((o, a, n) ->
                resize.accept(n.intValue(), separate.get() ? m.get().dim(1) : n.intValue()));
        w.addListener((o, a, n) -> {
            if (separate.get()) resize.accept(m.get().dim(0), n.intValue());
        });
    }

    /** The size sliders to the matrices' shapes, so that they ask for no change. */
    private void showSizes() {
        inputH.set(input.get().dim(0));
        inputW.set(input.get().dim(1));
        kernelH.set(kernel.get().dim(0));
        kernelW.set(kernel.get().dim(1));
    }

    private void sourceChanged(Source s) {
        double[][] m = s.course();
        if (m != null) {
            input.set(Tensor.of(m));
            separate.set(false);
            showSizes();
        } else if (s == Source.RANDOM) {
            drawInput();
        } else if (s == Source.FASHION) {
            try {
                usePicture(pictures.test().image(fashionIndex.get()), Source.FASHION);
            } catch (DataException e) {
                throw new ComputeException(e.problem()); // the page shows it in the student's language
            }
        }
    }

    private void applyPreset(Kernels k) {
        int size = k.fixedSize() > 0 ? k.fixedSize() : Math.max(kernelH.get(), kernelW.get());
        kernel.set(Tensor.of(k.matrix(size)));
        separate.set(separate.get() && inputH.get() != inputW.get());
        showSizes();
    }

    private void resizeInput(int h, int w) {
        Tensor now = input.get();
        if (now.dim(0) == h && now.dim(1) == w) return;
        Source s = source.get();
        if ((s == Source.FASHION || s == Source.IMAGE) && picture != null) {
            input.set(Images.fit(picture, h, w));
        } else {
            input.set(grown(now, h, w, this::digit));
            if (s.course() != null) source.set(Source.CUSTOM);
        }
    }

    private void resizeKernel(int h, int w) {
        Tensor now = kernel.get();
        if (now.dim(0) == h && now.dim(1) == w) return;
        Kernels p = preset.get();
        if (p != null && (p.fixedSize() == 0 ? h == w : h == p.fixedSize() && w == p.fixedSize())) {
            kernel.set(Tensor.of(p.matrix(h)));
        } else {
            kernel.set(grown(now, h, w, () -> random.nextInt(3) - 1));
            preset.set(null);
        }
    }

    private void drawInput() {
        input.set(grown(Tensor.zeros(0, 0), input.get().dim(0), input.get().dim(1), this::digit));
    }

    private int digit() {
        return random.nextInt(10);
    }

    /** {@code now} at h × w: its numbers where they still fit (the student's), new ones from {@code fill} where it grew. */
    private static Tensor grown(Tensor now, int h, int w, IntSupplier fill) {
        Tensor t = Tensor.zeros(h, w);
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++) t.set(r < now.dim(0) && c < now.dim(1) ? now.get(r, c) : fill.getAsInt(), r, c);
        return t;
    }

    ReadOnlyObjectProperty<Tensor> inputProperty() {
        return input.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Tensor> kernelProperty() {
        return kernel.getReadOnlyProperty();
    }

    IntegerProperty inputHProperty() {
        return inputH;
    }

    IntegerProperty inputWProperty() {
        return inputW;
    }

    IntegerProperty kernelHProperty() {
        return kernelH;
    }

    IntegerProperty kernelWProperty() {
        return kernelW;
    }

    ObjectProperty<Source> sourceProperty() {
        return source;
    }

    ObjectProperty<Kernels> presetProperty() {
        return preset;
    }

    IntegerProperty fashionIndexProperty() {
        return fashionIndex;
    }

    EmbeddedImages pictures() {
        return pictures;
    }
}
