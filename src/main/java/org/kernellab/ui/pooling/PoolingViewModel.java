package org.kernellab.ui.pooling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.PoolTrace;
import org.kernellab.compute.Problem;
import org.kernellab.compute.PyTorch;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * Max and average pooling of one matrix, PyTorch's rules: window 1–4, stride 1–4, padding (at most half
 * the window), ceil mode. The course's example is the default: 1..16 in a 4×4, window 2, stride 2.
 */
public final class PoolingViewModel {
    public static final int MAX_INPUT = 12, MAX_WINDOW = 4, MAX_STRIDE = 4, MAX_PADDING = 2;

    /** What is drawn; {@code problem} non-null means no output. */
    public record Result(
            Problem problem, AxisSize rows, AxisSize cols, PoolTrace trace, double[][] output, String pytorch) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final IntegerProperty size = new SimpleIntegerProperty(4);
    private final IntegerProperty window = new SimpleIntegerProperty(2);
    private final IntegerProperty stride = new SimpleIntegerProperty(2);
    private final IntegerProperty padding = new SimpleIntegerProperty(0);
    private final BooleanProperty ceil = new SimpleBooleanProperty(false);
    private final ObjectProperty<PoolMode> mode = new SimpleObjectProperty<>(PoolMode.MAX);

    private final ReadOnlyObjectWrapper<Tensor> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final Stepper stepper = new Stepper();
    private final ObservableBooleanValue engineReady;
    private final Random random;

    public PoolingViewModel(ObservableBooleanValue engineReady, long seed) {
        this.engineReady = engineReady;
        this.random = new Random(seed);
        input.set(counting(4));
        size.addListener((o, a, n) -> resize(n.intValue()));
        for (var p : new Observable[] {window, stride, padding, ceil, mode, engineReady})
            p.addListener(o -> recompute());
        recompute();
    }

    public ReadOnlyObjectProperty<Tensor> inputProperty() {
        return input.getReadOnlyProperty();
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

    /** 1, 2, 3, … row by row: the course's example at size 4. */
    public void useCounting() {
        input.set(counting(size.get()));
        recompute();
    }

    public void randomize() {
        Tensor t = Tensor.zeros(size.get(), size.get());
        for (int i = 0; i < t.size(); i++) t.data()[i] = random.nextInt(10);
        input.set(t);
        recompute();
    }

    /** A square input of its own: the size follows it. */
    public void useInput(Tensor t) {
        if (t.rank() != 2 || t.dim(0) != t.dim(1) || t.dim(0) > MAX_INPUT)
            throw new IllegalArgumentException("the input must be square, at most " + MAX_INPUT + " on a side");
        size.set(t.dim(0));
        input.set(t);
        recompute();
    }

    public void edit(int row, int col, double value) {
        Tensor t = input.get().copy();
        t.set(value, row, col);
        input.set(t);
        recompute();
    }

    private static Tensor counting(int n) {
        Tensor t = Tensor.zeros(n, n);
        for (int i = 0; i < t.size(); i++) t.data()[i] = i + 1;
        return t;
    }

    private void resize(int n) {
        Tensor now = input.get(), t = Tensor.zeros(n, n);
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) t.set(r < now.dim(0) && c < now.dim(1) ? now.get(r, c) : r * n + c + 1, r, c);
        input.set(t);
        recompute();
    }

    void recompute() {
        Tensor in = input.get();
        Window w = Window.square(window.get(), stride.get(), padding.get()).withCeil(ceil.get());
        AxisSize rows = Shapes.pool(in.dim(0), window.get(), stride.get(), padding.get(), ceil.get());
        AxisSize cols = Shapes.pool(in.dim(1), window.get(), stride.get(), padding.get(), ceil.get());
        String torch = PyTorch.pool(mode.get(), w);
        Problem problem = !rows.ok() ? rows.problem() : null;
        if (problem != null) {
            result.set(new Result(problem, rows, cols, null, null, torch));
            stepper.countProperty().set(0);
            return;
        }
        try {
            PoolTrace trace = PoolTrace.of(in, mode.get(), w);
            double[][] out = engineReady.get()
                    ? NdOps.pool(in.reshape(1, 1, in.dim(0), in.dim(1)), mode.get(), w)
                            .reshape(rows.output(), cols.output())
                            .toMatrix()
                    : null;
            result.set(new Result(null, rows, cols, trace, out, torch));
            stepper.countProperty().set(trace.steps().size());
        } catch (ComputeException e) {
            result.set(new Result(e.problem(), rows, cols, null, null, torch));
            stepper.countProperty().set(0);
        }
    }

    /**
     * What is worth telling about these settings, as message keys: a window ceil mode dropped or kept,
     * and that max pooling's padding never wins.
     */
    public List<String> noteKeys() {
        Result r = result.get();
        List<String> keys = new ArrayList<>();
        if (r == null || !r.ok()) return keys;
        int floor = Shapes.pool(size.get(), window.get(), stride.get(), padding.get(), false)
                .output();
        if (r.rows().droppedLast()) keys.add("pool.dropped");
        else if (r.rows().output() > floor) keys.add("pool.ceilExtra");
        if (mode.get() == PoolMode.MAX && padding.get() > 0) keys.add("pool.maxPadding");
        return keys;
    }

    /** The padded input as the windows see it: −∞ padding for max (never wins), 0 for the average. */
    public double[][] padded() {
        return input.get()
                .padded(padding.get(), padding.get(), mode.get() == PoolMode.MAX ? Double.NEGATIVE_INFINITY : 0);
    }

    /** "max(1, 2, 5, 6) = 6" or "(1 + 2 + 5 + 6) / 4 = 3.5" for the current window. */
    public String stepText(Numbers numbers) {
        Result r = result.get();
        if (r == null || !r.ok() || stepper.count() == 0) return "";
        PoolTrace.Step s = r.trace().steps().get(stepper.step());
        double[][] m = padded();
        String cells = s.cells().stream()
                .map(rc -> numbers.format(m[rc[0]][rc[1]]))
                .collect(Collectors.joining(mode.get() == PoolMode.MAX ? numbers.listSeparator() : " + "));
        return mode.get() == PoolMode.MAX
                ? "max(" + cells + ") = " + numbers.format(s.value())
                : "(" + cells + ") / " + s.counted() + " = " + numbers.format(s.value());
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public IntegerProperty windowProperty() {
        return window;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public IntegerProperty paddingProperty() {
        return padding;
    }

    public BooleanProperty ceilProperty() {
        return ceil;
    }

    public ObjectProperty<PoolMode> modeProperty() {
        return mode;
    }
}
