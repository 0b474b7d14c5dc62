package org.kernellab.ui.convintro;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Problem;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.task.TaskRunner;

/**
 * A fixed kernel over a fixed input (read-only), computed by the compute core: ND4J gives the output,
 * the step trace gives each output cell's products. The student picks which output cell to look at.
 */
public final class ConvIntroViewModel {
    /** What the background computation hands back. */
    record Result(ConvTrace trace, double[][] output) {}

    private final Tensor input, kernel;
    private final int padding, stride;
    private final AxisSize rows, cols;
    private final ReadOnlyObjectWrapper<ConvTrace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<double[][]> output = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final IntegerProperty step = new SimpleIntegerProperty(0);

    public ConvIntroViewModel(Tensor input, Tensor kernel, int padding, int stride) {
        if (input.rank() != 2 || kernel.rank() != 2)
            throw new IllegalArgumentException("input and kernel must be matrices");
        this.input = input;
        this.kernel = kernel;
        this.padding = padding;
        this.stride = stride;
        this.rows = Shapes.conv(input.dim(0), kernel.dim(0), stride, padding, 1);
        this.cols = Shapes.conv(input.dim(1), kernel.dim(1), stride, padding, 1);
        if (!rows.ok()) problem.set(rows.problem());
        else if (!cols.ok()) problem.set(cols.problem());
    }

    /** Runs the convolution in the background; the output and trace arrive on the FX thread. */
    public void compute(TaskRunner runner, String title) {
        if (problem.get() != null) return;
        busy.set(true);
        Window w = Window.square(kernel.dim(0), stride, padding).withKernel(kernel.dim(0), kernel.dim(1));
        runner.run(
                title,
                ctx -> {
                    ConvTrace t = ConvTrace.of(input, kernel, 0, w);
                    Tensor y = NdOps.conv(
                            input.reshape(1, 1, input.dim(0), input.dim(1)),
                            kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1)),
                            null,
                            w);
                    return new Result(t, y.reshape(y.dim(2), y.dim(3)).toMatrix());
                },
                r -> {
                    busy.set(false);
                    output.set(r.output());
                    trace.set(r.trace());
                    step.set(Math.min(step.get(), Math.max(0, steps() - 1))); // a scene's step, else the first
                },
                e -> {
                    busy.set(false);
                    if (e instanceof ComputeException c) problem.set(c.problem());
                    else failure.set(String.valueOf(e.getMessage()));
                });
    }

    public ReadOnlyObjectProperty<ConvTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<double[][]> outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** Why these settings give no output, if they do not. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** An unexpected error from the compute engine. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The index of the output cell being explained, row by row. */
    public IntegerProperty stepProperty() {
        return step;
    }

    public int steps() {
        return trace.get() == null ? 0 : trace.get().steps().size();
    }

    /** How many output cells the settings give (0 when none): the steps the trace will have, known before it. */
    public int outputCells() {
        return rows.ok() && cols.ok() ? rows.output() * cols.output() : 0;
    }

    public void next() {
        if (step.get() < steps() - 1) step.set(step.get() + 1);
    }

    public void previous() {
        if (step.get() > 0) step.set(step.get() - 1);
    }

    public void select(int outRow, int outCol) {
        ConvTrace t = trace.get();
        if (t != null && outRow < t.outHeight() && outCol < t.outWidth()) step.set(outRow * t.outWidth() + outCol);
    }

    public ConvTrace.Step currentStep() {
        ConvTrace t = trace.get();
        return t == null || t.steps().isEmpty()
                ? null
                : t.steps().get(Math.min(step.get(), t.steps().size() - 1));
    }

    /** The input with its zero padding around it, as the kernel sees it. */
    public double[][] paddedInput() {
        return input.padded(padding, padding, 0);
    }

    public double[][] kernel() {
        return kernel.toMatrix();
    }

    public int padding() {
        return padding;
    }

    public int inputRows() {
        return input.dim(0);
    }

    public int inputCols() {
        return input.dim(1);
    }

    public int kernelRows() {
        return kernel.dim(0);
    }

    public int kernelCols() {
        return kernel.dim(1);
    }

    public AxisSize rowsSize() {
        return rows;
    }

    public AxisSize colsSize() {
        return cols;
    }

    /** Padded-input cells under the kernel at the current step. */
    public List<int[]> windowCells() {
        ConvTrace.Step s = currentStep();
        List<int[]> cells = new ArrayList<>();
        if (s != null) for (ConvTrace.Term t : s.terms()) cells.add(new int[] {t.row(), t.col()});
        return cells;
    }

    /** "1·(−1) + 2·0 + …", then "= −1 + 0 + …" and "= 8" for the current step: each factor pair, each product, the sum. */
    public String productsText(Numbers numbers) {
        ConvTrace.Step s = currentStep();
        if (s == null) return "";
        String terms = s.terms().stream()
                .map(t -> numbers.factor(t.input()) + "·" + numbers.factor(t.weight()))
                .collect(Collectors.joining(" + "));
        String products =
                s.terms().stream().map(t -> numbers.factor(t.product())).collect(Collectors.joining(" + "));
        return terms + "\n= " + products + "\n= " + numbers.format(s.value());
    }
}
