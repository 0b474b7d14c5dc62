package org.kernellab.ui.animator;

import java.util.Random;
import java.util.stream.Collectors;
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
import javafx.beans.value.ObservableBooleanValue;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.Kernels;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Problem;
import org.kernellab.compute.PyTorch;
import org.kernellab.compute.ScatterTrace;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.data.DataException;
import org.kernellab.data.EmbeddedImages;
import org.kernellab.data.Images;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * The convolution animator: the course's sliders (input 1–20, padding 0–5, kernel 1–7, stride 1–5, plus
 * dilation 1–3, each optionally separate for height and width), the input and kernel values, and what
 * follows from them, recomputed at once on every change: the size arithmetic or the reason there is no
 * output, the step trace, ND4J's output, the never-covered cells and the PyTorch line.
 * Also the transposed convolution, where each input cell scatters the kernel into the output.
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

    /** Everything drawn for the current settings. {@code problem} non-null means there is no output. */
    public record Result(
            Problem problem,
            AxisSize rows,
            AxisSize cols,
            ConvTrace trace,
            ScatterTrace scatter,
            double[][] output,
            boolean[][] covered,
            String pytorch,
            String shapes) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final IntegerProperty inputH = new SimpleIntegerProperty(4);

    private final IntegerProperty inputW = new SimpleIntegerProperty(4);
    private final IntegerProperty padH = new SimpleIntegerProperty(1);
    private final IntegerProperty padW = new SimpleIntegerProperty(1);
    private final IntegerProperty kernelH = new SimpleIntegerProperty(2);
    private final IntegerProperty kernelW = new SimpleIntegerProperty(2);
    private final IntegerProperty strideH = new SimpleIntegerProperty(1);
    private final IntegerProperty strideW = new SimpleIntegerProperty(1);
    private final IntegerProperty dilationH = new SimpleIntegerProperty(1);
    private final IntegerProperty dilationW = new SimpleIntegerProperty(1);
    private final BooleanProperty separate = new SimpleBooleanProperty(false);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.CONVOLUTION);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.RANDOM);
    /** The kernel preset, null for the student's own values. */
    private final ObjectProperty<Kernels> preset = new SimpleObjectProperty<>(Kernels.COURSE_2X2);

    private final DoubleProperty bias = new SimpleDoubleProperty(0);
    /**
     * A true convolution, as the slides' first formula writes it: the kernel turned half a turn before it slides. Off (the
     * default) is PyTorch's cross-correlation. The kernel shown and edited is then the flipped one, what the input meets.
     */
    private final BooleanProperty trueConvolution = new SimpleBooleanProperty(false);
    /** Which Fashion-MNIST test image is the input when the source is FASHION. */
    private final IntegerProperty fashionIndex = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<Tensor> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Tensor> kernel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final Stepper stepper = new Stepper();
    private final ObservableBooleanValue engineReady;
    private final Random random;
    private final EmbeddedImages pictures;
    private Tensor picture; // the image (Fashion-MNIST or a file) the input is fitted from
    private boolean updating;

    /**
     * @param engineReady whether ND4J has loaded; until then the output waits (the trace does not need it)
     * @param seed        for the random inputs, so a lesson can start from the same numbers
     */
    public AnimatorViewModel(ObservableBooleanValue engineReady, EmbeddedImages pictures, long seed) {
        this.engineReady = engineReady;
        this.pictures = pictures;
        this.random = new Random(seed);
        input.set(randomMatrix(4, 4));
        kernel.set(Tensor.of(Kernels.COURSE_2X2.matrix(2)));
        IntegerProperty[][] pairs = {
            {inputH, inputW}, {padH, padW}, {kernelH, kernelW}, {strideH, strideW}, {dilationH, dilationW}
        };
        for (IntegerProperty[] pair : pairs) {
            // while height and width are tied, the width follows the height
            pair[0].addListener((o, a, n) -> {
                if (!separate.get()) pair[1].set(n.intValue());
            });
        }
        separate.addListener((o, a, on) -> {
            if (!on)
                batch(() -> {
                    for (IntegerProperty[] pair : pairs) pair[1].set(pair[0].get());
                });
        });
        inputH.addListener((o, a, n) -> inputResized());
        inputW.addListener((o, a, n) -> inputResized());
        kernelH.addListener((o, a, n) -> kernelResized());
        kernelW.addListener((o, a, n) -> kernelResized());
        for (IntegerProperty p : new IntegerProperty[] {padH, padW, strideH, strideW, dilationH, dilationW})
            p.addListener((o, a, n) -> recompute());
        mode.addListener((o, a, n) -> recompute());
        bias.addListener((o, a, n) -> recompute());
        trueConvolution.addListener((o, a, n) -> recompute());
        source.addListener((o, a, s) -> sourceChanged(s));
        fashionIndex.addListener((o, a, n) -> {
            if (source.get() == Source.FASHION) sourceChanged(Source.FASHION);
        });
        preset.addListener((o, a, k) -> {
            if (k != null) applyPreset(k);
        });
        engineReady.addListener((o, a, ready) -> {
            if (ready) recompute();
        });
        recompute();
    }

    public ReadOnlyObjectProperty<Tensor> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tensor> kernelProperty() {
        return kernel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Result result() {
        return result.get();
    }

    public Stepper stepper() {
        return stepper;
    }

    /** Several changes, one recomputation. */
    public void batch(Runnable changes) {
        boolean outer = !updating;
        updating = true;
        try {
            changes.run();
        } finally {
            if (outer) {
                updating = false;
                recompute();
            }
        }
    }

    /** New random integers 0–9 for the input, at its current size. */
    public void randomize() {
        batch(() -> {
            source.set(Source.RANDOM);
            input.set(randomMatrix(inputH.get(), inputW.get()));
        });
    }

    /** The student typed a value into an input cell. */
    public void editInput(int row, int col, double value) {
        Tensor t = input.get().copy();
        t.set(value, row, col);
        batch(() -> {
            source.set(Source.CUSTOM);
            input.set(t);
        });
    }

    /** The student typed a value into a kernel cell: the kernel becomes their own. */
    public void editKernel(int row, int col, double value) {
        if (trueConvolution.get() && mode.get() == Mode.CONVOLUTION) { // the student edits the flipped kernel they see
            row = kernel.get().dim(0) - 1 - row;
            col = kernel.get().dim(1) - 1 - col;
        }
        Tensor t = kernel.get().copy();
        t.set(value, row, col);
        batch(() -> {
            preset.set(null);
            kernel.set(t);
        });
    }

    /** A grey picture (values 0–1, any size) to take the input from; it is fitted to the input size. */
    public void usePicture(Tensor grey, Source kind) {
        picture = grey;
        batch(() -> {
            source.set(kind);
            input.set(Images.fit(picture, inputH.get(), inputW.get()));
        });
    }

    /** Sets every slider at once (a lesson's starting point, an exercise's "show steps"). */
    public void configure(Tensor in, Tensor k, int padding, int stride) {
        batch(() -> {
            separate.set(in.dim(0) != in.dim(1) || k.dim(0) != k.dim(1));
            inputH.set(in.dim(0));
            inputW.set(in.dim(1));
            kernelH.set(k.dim(0));
            kernelW.set(k.dim(1));
            padH.set(padding);
            padW.set(padding);
            strideH.set(stride);
            strideW.set(stride);
            dilationH.set(1);
            dilationW.set(1);
            source.set(Source.CUSTOM);
            preset.set(null);
            input.set(in);
            kernel.set(k);
        });
    }

    private void sourceChanged(Source s) {
        if (updating && s == Source.CUSTOM) return;
        double[][] m = s.course();
        if (m != null) {
            batch(() -> {
                separate.set(false);
                inputH.set(m.length);
                inputW.set(m[0].length);
                input.set(Tensor.of(m));
            });
        } else if (s == Source.RANDOM && !updating) {
            randomize();
        } else if (s == Source.FASHION) {
            try {
                usePicture(pictures.test().image(fashionIndex.get()), Source.FASHION);
            } catch (DataException e) {
                throw new ComputeException(e.problem()); // the page shows it in the student's language
            }
        }
    }

    private void inputResized() {
        Tensor now = input.get();
        int h = inputH.get(), w = inputW.get();
        if (now.dim(0) == h && now.dim(1) == w) return;
        Source s = source.get();
        batch(() -> {
            if ((s == Source.FASHION || s == Source.IMAGE) && picture != null) {
                input.set(Images.fit(picture, h, w));
            } else {
                // keep the numbers the student had, add random ones where the input grew
                Tensor t = randomMatrix(h, w);
                for (int r = 0; r < Math.min(h, now.dim(0)); r++)
                    for (int c = 0; c < Math.min(w, now.dim(1)); c++) t.set(now.get(r, c), r, c);
                input.set(t);
                if (s.course() != null) source.set(Source.CUSTOM);
            }
        });
    }

    private void kernelResized() {
        Tensor now = kernel.get();
        int h = kernelH.get(), w = kernelW.get();
        if (now.dim(0) == h && now.dim(1) == w) return;
        Kernels p = preset.get();
        batch(() -> {
            boolean fits = p != null && (p.fixedSize() == 0 ? h == w : h == p.fixedSize() && w == p.fixedSize());
            if (fits) {
                kernel.set(Tensor.of(p.matrix(h)));
            } else {
                Tensor t = Tensor.zeros(h, w);
                for (int r = 0; r < h; r++)
                    for (int c = 0; c < w; c++)
                        t.set(r < now.dim(0) && c < now.dim(1) ? now.get(r, c) : random.nextInt(3) - 1, r, c);
                kernel.set(t);
                preset.set(null);
            }
        });
    }

    private void applyPreset(Kernels k) {
        int size = k.fixedSize() > 0 ? k.fixedSize() : Math.max(kernelH.get(), kernelW.get());
        batch(() -> {
            separate.set(separate.get() && inputH.get() != inputW.get());
            kernelH.set(size);
            kernelW.set(size);
            kernel.set(Tensor.of(k.matrix(size)));
        });
    }

    private Tensor randomMatrix(int h, int w) {
        Tensor t = Tensor.zeros(h, w);
        for (int i = 0; i < t.size(); i++) t.data()[i] = random.nextInt(10);
        return t;
    }

    /** Recomputes everything from the settings; never throws: impossible settings become a Problem. */
    void recompute() {
        if (updating) return;
        Tensor in = input.get(), k = applied();
        Window w = new Window(
                new int[] {k.dim(0), k.dim(1)},
                new int[] {strideH.get(), strideW.get()},
                new int[] {padH.get(), padW.get()},
                new int[] {dilationH.get(), dilationW.get()},
                false);
        boolean transposed = mode.get() == Mode.TRANSPOSED;
        AxisSize rows = transposed
                ? Shapes.transposed(in.dim(0), k.dim(0), strideH.get(), padH.get(), dilationH.get())
                : Shapes.conv(in.dim(0), k.dim(0), strideH.get(), padH.get(), dilationH.get());
        AxisSize cols = transposed
                ? Shapes.transposed(in.dim(1), k.dim(1), strideW.get(), padW.get(), dilationW.get())
                : Shapes.conv(in.dim(1), k.dim(1), strideW.get(), padW.get(), dilationW.get());
        Problem problem = !rows.ok() ? rows.problem() : !cols.ok() ? cols.problem() : null;
        boolean withBias = bias.get() != 0;
        String torch = transposed ? PyTorch.convTranspose(1, 1, w, withBias) : PyTorch.conv(1, 1, w, withBias);
        String shapes = PyTorch.size(1, 1, in.dim(0), in.dim(1)) + " → "
                + (problem == null ? PyTorch.size(1, 1, rows.output(), cols.output()) : "✗");
        if (problem != null) {
            result.set(new Result(problem, rows, cols, null, null, null, null, torch, shapes));
            stepper.countProperty().set(0);
            return;
        }
        try {
            Tensor biasT = withBias ? new Tensor(new int[] {1}, new double[] {bias.get()}) : null;
            Tensor x4 = in.reshape(1, 1, in.dim(0), in.dim(1)), k4 = k.reshape(1, 1, k.dim(0), k.dim(1));
            if (transposed) {
                ScatterTrace scatter = ScatterTrace.of(in, k, w);
                double[][] out = engineReady.get()
                        ? NdOps.convTranspose(x4, k4, biasT, w)
                                .reshape(rows.output(), cols.output())
                                .toMatrix()
                        : null;
                result.set(new Result(null, rows, cols, null, scatter, out, null, torch, shapes));
                stepper.countProperty().set(scatter.steps().size());
            } else {
                ConvTrace trace = ConvTrace.of(in, k, bias.get(), w);
                double[][] out = engineReady.get()
                        ? NdOps.conv(x4, k4, biasT, w)
                                .reshape(rows.output(), cols.output())
                                .toMatrix()
                        : null;
                result.set(new Result(null, rows, cols, trace, null, out, trace.covered(), torch, shapes));
                stepper.countProperty().set(trace.steps().size());
            }
        } catch (ComputeException e) {
            result.set(new Result(e.problem(), rows, cols, null, null, null, null, torch, shapes));
            stepper.countProperty().set(0);
        }
    }

    /** The kernel as it meets the input: flipped for a true convolution (not for the transposed mode, which scatters it as written). */
    public Tensor applied() {
        return trueConvolution.get() && mode.get() == Mode.CONVOLUTION
                ? kernel.get().flipped()
                : kernel.get();
    }

    /** Where the Fashion-MNIST pictures come from. */
    public EmbeddedImages pictures() {
        return pictures;
    }

    /** Which input cells the kernel never reaches under the current settings. */
    public Coverage coverage() {
        return new Coverage(
                result.get() == null ? null : result.get().covered(),
                inputH.get(),
                inputW.get(),
                padH.get(),
                padW.get());
    }

    /** The current step's arithmetic: each pair multiplied, the products, the sum with the bias. */
    public String stepText(Numbers numbers) {
        Result r = result.get();
        if (r == null || !r.ok() || stepper.count() == 0) return "";
        if (r.trace() != null) {
            // one line per kernel row, so the text keeps the kernel's shape and needs no wrapping
            ConvTrace.Step s = r.trace().steps().get(stepper.step());
            int width = kernel.get().dim(1);
            StringBuilder pairs = new StringBuilder(), products = new StringBuilder("= ");
            for (int i = 0; i < s.size(); i++) {
                String sep = i == 0 ? "" : i % width == 0 ? " +\n" : " + ";
                pairs.append(sep).append(numbers.factor(s.input(i))).append('·').append(numbers.factor(s.weight(i)));
                products.append(i == 0 ? "" : i % width == 0 ? " +\n  " : " + ").append(numbers.factor(s.product(i)));
            }
            String b = s.bias() == 0 ? "" : " + " + numbers.factor(s.bias());
            return pairs + b + "\n" + products + b + "\n= " + numbers.format(s.value());
        }
        ScatterTrace.Step s = r.scatter().steps().get(stepper.step());
        String added = s.added().stream().map(numbers::factor).collect(Collectors.joining(numbers.listSeparator()));
        return numbers.format(s.input()) + " · w = [" + added + "]";
    }

    /** The input with its zero padding around it, as the kernel sees it. */
    public double[][] paddedInput() {
        return input.get().padded(padH.get(), padW.get(), 0);
    }

    public IntegerProperty inputHProperty() {
        return inputH;
    }

    public IntegerProperty inputWProperty() {
        return inputW;
    }

    public IntegerProperty padHProperty() {
        return padH;
    }

    public IntegerProperty padWProperty() {
        return padW;
    }

    public IntegerProperty kernelHProperty() {
        return kernelH;
    }

    public IntegerProperty kernelWProperty() {
        return kernelW;
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
        return source;
    }

    public ObjectProperty<Kernels> presetProperty() {
        return preset;
    }

    public DoubleProperty biasProperty() {
        return bias;
    }

    public BooleanProperty trueConvolutionProperty() {
        return trueConvolution;
    }

    public IntegerProperty fashionIndexProperty() {
        return fashionIndex;
    }
}
