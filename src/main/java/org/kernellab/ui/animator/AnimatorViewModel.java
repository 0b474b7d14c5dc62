package org.kernellab.ui.animator;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import org.kernellab.compute.ConvAnimation;
import org.kernellab.compute.ConvSettings;
import org.kernellab.compute.Kernels;
import org.kernellab.compute.Tensor;
import org.kernellab.data.EmbeddedImages;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * The convolution animator: the course's sliders (input 1–20, padding 0–5, kernel 1–7, stride 1–5, plus
 * dilation 1–3, each optionally separate for height and width), the input and kernel values, and what
 * follows from them. The settings make one immutable {@link ConvSettings}; every snapshot that differs from the
 * last is worked out by {@link ConvAnimation#of}: the size arithmetic or the reason there is no output, the steps
 * and ND4J's output. Also the transposed convolution, where each input cell scatters the kernel into the output.
 */
public final class AnimatorViewModel {
    public static final int MAX_INPUT = 20, MAX_PADDING = 5, MAX_KERNEL = 7, MAX_STRIDE = 5, MAX_DILATION = 3;

    public enum Mode {
        CONVOLUTION,
        TRANSPOSED
    }

    /** Where the input's numbers come from. The course's matrices have their own size. */
    public enum Source {
        RANDOM,
        COURSE_1_1,
        COURSE_1_2,
        COURSE_1_3,
        COUNTING,
        FASHION,
        IMAGE,
        CUSTOM;

        double[][] course() {
            return switch (this) {
                case COURSE_1_1 -> new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
                case COURSE_1_2 -> new double[][] {{1, 0, 2}, {3, 0, 4}, {5, 6, 0}};
                case COURSE_1_3 -> new double[][] {{1, 1, 2, 4}, {2, 2, 3, 5}, {3, 3, 1, 0}, {4, 4, 0, 0}};
                case COUNTING -> new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}};
                default -> null;
            };
        }
    }

    private final IntegerProperty padH = new SimpleIntegerProperty(1), padW = new SimpleIntegerProperty(1);
    private final IntegerProperty strideH = new SimpleIntegerProperty(1), strideW = new SimpleIntegerProperty(1);
    private final IntegerProperty dilationH = new SimpleIntegerProperty(1), dilationW = new SimpleIntegerProperty(1);
    private final BooleanProperty separate = new SimpleBooleanProperty(false);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.CONVOLUTION);
    private final DoubleProperty bias = new SimpleDoubleProperty(0);
    /** A true convolution (see {@link ConvSettings#flip}); the kernel shown and edited is then the flipped one. */
    private final BooleanProperty trueConvolution = new SimpleBooleanProperty(false);

    private final Operands operands;
    private final ObjectBinding<ConvSettings> settings;
    private final ReadOnlyObjectWrapper<ConvAnimation> result = new ReadOnlyObjectWrapper<>();
    private final Stepper stepper = new Stepper();

    /**
     * @param engineReady whether ND4J has loaded; until then the output waits (the steps do not need it)
     * @param seed        for the random inputs, so a lesson can start from the same numbers
     */
    public AnimatorViewModel(ObservableBooleanValue engineReady, EmbeddedImages pictures, long seed) {
        operands = new Operands(separate, pictures, seed);
        IntegerProperty[] heights = {inputHProperty(), padH, kernelHProperty(), strideH, dilationH};
        IntegerProperty[] widths = {inputWProperty(), padW, kernelWProperty(), strideW, dilationW};
        // while tied, each width is its height: its slider starts from there once the axes are set apart
        ChangeListener<Object> tie = (o, a, n) -> {
            if (!separate.get()) for (int i = 0; i < heights.length; i++) widths[i].set(heights[i].get());
        };
        for (IntegerProperty h : heights) h.addListener(tie);
        separate.addListener(tie);
        Observable[] dependencies = {
            inputProperty(),
            kernelProperty(),
            padH,
            padW,
            strideH,
            strideW,
            dilationH,
            dilationW,
            separate,
            mode,
            bias,
            trueConvolution,
            engineReady
        };
        settings = Bindings.createObjectBinding(() -> snapshot(engineReady.get()), dependencies);
        // a change listener hears only a snapshot unlike the last (records compare the matrices as the same objects):
        // a width following its height computes nothing
        settings.addListener((o, was, now) -> show(ConvAnimation.of(now)));
        show(ConvAnimation.of(settings.get()));
    }

    public ReadOnlyObjectProperty<Tensor> inputProperty() {
        return operands.inputProperty();
    }

    public ReadOnlyObjectProperty<Tensor> kernelProperty() {
        return operands.kernelProperty();
    }

    public ReadOnlyObjectProperty<ConvAnimation> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ConvAnimation result() {
        return result.get();
    }

    public Stepper stepper() {
        return stepper;
    }

    /** New random integers 0–9 for the input, at its current size. */
    public void randomize() {
        operands.randomize();
    }

    /** The student typed a value into an input cell. */
    public void editInput(int row, int col, double value) {
        operands.editInput(row, col, value);
    }

    /** The student typed a value into a kernel cell, as shown: the kernel becomes their own. */
    public void editKernel(int row, int col, double value) {
        operands.editKernel(row, col, value, settings.get().flipped());
    }

    /** A grey picture (values 0–1, any size) to take the input from; it is fitted to the input size. */
    public void usePicture(Tensor grey, Source kind) {
        operands.usePicture(grey, kind);
    }

    /** A picture file's grey values as the input (see {@link #usePicture}), remembered as its source. */
    public void useImageFile(Tensor grey, String file) {
        operands.usePicture(grey, Source.IMAGE, file);
    }

    /** The picture file the input comes from, null when it comes from elsewhere. */
    public String imageFile() {
        return operands.pictureFile();
    }

    /** The input's numbers, at their size (1–20 a side); the source stays. */
    public void useInput(Tensor t) {
        operands.useInput(t);
    }

    /** The kernel's numbers, at their size (1–7 a side), unflipped; the preset stays. */
    public void useKernel(Tensor t) {
        operands.useKernel(t);
    }

    /** Sets every slider at once (a lesson's starting point, an exercise's "show steps"). */
    public void configure(Tensor in, Tensor k, int padding, int stride) {
        operands.use(in, k);
        padH.set(padding);
        padW.set(padding);
        strideH.set(stride);
        strideW.set(stride);
        dilationH.set(1);
        dilationW.set(1);
    }

    private ConvSettings snapshot(boolean engine) {
        return new ConvSettings(
                inputProperty().get(),
                kernelProperty().get(),
                bias.get(),
                strideH.get(),
                width(strideH, strideW),
                padH.get(),
                width(padH, padW),
                dilationH.get(),
                width(dilationH, dilationW),
                trueConvolution.get(),
                mode.get() == Mode.TRANSPOSED,
                engine);
    }

    /** Read from the height while tied, so the snapshot is whole whichever listener hears of a change first. */
    private int width(IntegerProperty h, IntegerProperty w) {
        return separate.get() ? w.get() : h.get();
    }

    private void show(ConvAnimation a) {
        stepper.countProperty().set(a.steps()); // first: when drawn, the step is one of the new animation's
        result.set(a);
    }

    /** Where the Fashion-MNIST pictures come from. */
    public EmbeddedImages pictures() {
        return operands.pictures();
    }

    /** Which input cells the kernel never reaches under the current settings. */
    public Coverage coverage() {
        return Coverage.of(result.get());
    }

    /** The input with its zero padding around it, as the kernel sees it. */
    public double[][] paddedInput() {
        ConvSettings s = result.get().settings();
        return s.input().padded(s.padH(), s.padW(), 0);
    }

    public IntegerProperty inputHProperty() {
        return operands.inputHProperty();
    }

    public IntegerProperty inputWProperty() {
        return operands.inputWProperty();
    }

    public IntegerProperty padHProperty() {
        return padH;
    }

    public IntegerProperty padWProperty() {
        return padW;
    }

    public IntegerProperty kernelHProperty() {
        return operands.kernelHProperty();
    }

    public IntegerProperty kernelWProperty() {
        return operands.kernelWProperty();
    }

    public IntegerProperty strideHProperty() {
        return strideH;
    }

    public IntegerProperty strideWProperty() {
        return strideW;
    }

    public IntegerProperty dilationHProperty() {
        return dilationH;
    }

    public IntegerProperty dilationWProperty() {
        return dilationW;
    }

    public BooleanProperty separateProperty() {
        return separate;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Source> sourceProperty() {
        return operands.sourceProperty();
    }

    public ObjectProperty<Kernels> presetProperty() {
        return operands.presetProperty();
    }

    public DoubleProperty biasProperty() {
        return bias;
    }

    public BooleanProperty trueConvolutionProperty() {
        return trueConvolution;
    }

    public IntegerProperty fashionIndexProperty() {
        return operands.fashionIndexProperty();
    }
}
