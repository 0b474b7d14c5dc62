package org.kernellab.ui.exercise;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.task.TaskRunner;

/**
 * A convolution exercise: an input, a kernel, padding and stride; the student gives the output's size and
 * values. The answer is checked against the compute core's own result (no answer is stored anywhere);
 * wrong cells are marked, and a new variant draws fresh numbers of the same kind.
 */
public final class ExerciseViewModel {
    /** The outcome of a check. {@code cells} is null when the size was wrong; a cell is null when empty. */
    public record Feedback(boolean sizeRight, int rows, int cols, Boolean[][] cells, boolean solved) {}

    private final IntegerProperty answerRows = new SimpleIntegerProperty();

    private final IntegerProperty answerCols = new SimpleIntegerProperty();
    private final ReadOnlyObjectWrapper<Tensor> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>();
    private final Tensor kernel;
    private final int padding, stride;
    private final String lessonId;
    private final Progress progress;
    private final Random random;

    public ExerciseViewModel(
            String lessonId, Tensor input, Tensor kernel, int padding, int stride, Progress progress, long seed) {
        this.lessonId = lessonId;
        this.kernel = kernel;
        this.padding = padding;
        this.stride = stride;
        this.progress = progress;
        this.random = new Random(seed);
        this.input.set(input);
        answerRows.set(input.dim(0));
        answerCols.set(input.dim(1));
    }

    public ReadOnlyObjectProperty<Tensor> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public Tensor kernel() {
        return kernel;
    }

    public int padding() {
        return padding;
    }

    public int stride() {
        return stride;
    }

    /**
     * Checks what the student typed (rows of text, "" for empty cells) against ND4J's result, in the
     * background; the feedback arrives on the FX thread and raises the lesson's progress mark.
     */
    public void check(String[][] typed, TaskRunner runner, String title) {
        Tensor in = input.get();
        runner.run(title, w -> expected(in), exp -> {
            Feedback f = compare(typed, exp);
            feedback.set(f);
            progress.attempt(lessonId, "output", answer(typed), f.solved());
            progress.raise(lessonId, f.solved() ? Progress.Mark.SOLVED : Progress.Mark.ATTEMPTED);
        });
    }

    /** What the student typed, as rows of cells: "1 2; 3 4" ("_" for an empty cell). */
    static String answer(String[][] typed) {
        return String.join(
                "; ",
                Arrays.stream(typed)
                        .map(r -> String.join(
                                " ",
                                Arrays.stream(r)
                                        .map(c -> c == null || c.isBlank() ? "_" : c.trim())
                                        .toList()))
                        .toList());
    }

    /** The right answer, computed by the compute core. */
    double[][] expected(Tensor in) {
        Window w = Window.square(kernel.dim(0), stride, padding).withKernel(kernel.dim(0), kernel.dim(1));
        Tensor y = NdOps.conv(
                in.reshape(1, 1, in.dim(0), in.dim(1)), kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1)), null, w);
        return y.reshape(y.dim(2), y.dim(3)).toMatrix();
    }

    static Feedback compare(String[][] typed, double[][] exp) {
        int rows = exp.length, cols = exp[0].length;
        if (typed.length != rows || typed[0].length != cols) return new Feedback(false, rows, cols, null, false);
        Boolean[][] cells = new Boolean[rows][cols];
        boolean all = true;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String t = typed[r][c] == null
                        ? ""
                        : typed[r][c].trim().replace('−', '-').replace(',', '.');
                if (t.isEmpty()) {
                    all = false;
                    continue;
                }
                try {
                    cells[r][c] = Math.abs(Double.parseDouble(t) - exp[r][c]) < 1e-6;
                } catch (NumberFormatException e) {
                    cells[r][c] = false;
                }
                all &= cells[r][c];
            }
        }
        return new Feedback(true, rows, cols, cells, all);
    }

    /** Fresh integers 0–9 of the same size; the kernel, padding and stride stay. */
    public void newVariant() {
        Tensor now = input.get(), t = Tensor.zeros(now.dim(0), now.dim(1));
        for (int i = 0; i < t.size(); i++) t.data()[i] = random.nextInt(10);
        input.set(t);
        feedback.set(null);
    }

    /** The animator's starting parameters for this very exercise. */
    public Map<String, Object> animatorParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("input", rows(input.get()));
        p.put("kernel", rows(kernel));
        p.put("padding", padding);
        p.put("stride", stride);
        return p;
    }

    private static List<List<Double>> rows(Tensor t) {
        return Arrays.stream(t.toMatrix())
                .map(r -> Arrays.stream(r).boxed().toList())
                .toList();
    }

    public IntegerProperty answerRowsProperty() {
        return answerRows;
    }

    public IntegerProperty answerColsProperty() {
        return answerCols;
    }
}
