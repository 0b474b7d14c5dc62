package org.kernellab.ui.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.task.TaskRunner;

/**
 * The course's exercise 2: two 3D convolutions with cubic kernels, equal strides and zero padding that take
 * an 8×8×8 volume to 2×2×2. Any valid choice is accepted: the check runs both layers with ND4J's conv3d on
 * a real volume and compares the shape. The app can also list every combination that works.
 */
public final class ChainExerciseViewModel {
    public static final int MAX_KERNEL = 8, MAX_STRIDE = 4, MAX_PADDING = 3;

    /** One layer's choice. */
    public record Layer(int kernel, int stride, int padding) {
        @Override
        public String toString() {
            return "k=" + kernel + ", s=" + stride + ", p=" + padding;
        }
    }

    /** The check: each layer's size arithmetic, the shapes ND4J produced (null if a layer is impossible), solved. */
    public record Feedback(List<AxisSize> steps, int[] shapes, boolean solved) {}

    private final IntegerProperty k1 = new SimpleIntegerProperty(3);

    private final IntegerProperty s1 = new SimpleIntegerProperty(1);

    private final IntegerProperty p1 = new SimpleIntegerProperty(0);
    private final IntegerProperty k2 = new SimpleIntegerProperty(3);
    private final IntegerProperty s2 = new SimpleIntegerProperty(1);
    private final IntegerProperty p2 = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>();
    private final int input, target;
    private final String lessonId;
    private final Progress progress;

    public ChainExerciseViewModel(String lessonId, int input, int target, Progress progress) {
        this.lessonId = lessonId;
        this.input = input;
        this.target = target;
        this.progress = progress;
    }

    public int input() {
        return input;
    }

    public int target() {
        return target;
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** Runs the student's two layers (in the background) and says whether they reach the target. */
    public void check(TaskRunner runner, String title) {
        Layer a = new Layer(k1.get(), s1.get(), p1.get()), b = new Layer(k2.get(), s2.get(), p2.get());
        runner.run(title, w -> run(a, b), f -> {
            feedback.set(f);
            progress.attempt(lessonId, "layers", a + " → " + b, f.solved());
            progress.raise(lessonId, f.solved() ? Progress.Mark.SOLVED : Progress.Mark.ATTEMPTED);
        });
    }

    Feedback run(Layer a, Layer b) {
        AxisSize first = Shapes.conv(input, a.kernel(), a.stride(), a.padding(), 1);
        AxisSize second = first.ok() ? Shapes.conv(first.output(), b.kernel(), b.stride(), b.padding(), 1) : null;
        List<AxisSize> steps = second == null ? List.of(first) : List.of(first, second);
        if (second == null || !second.ok()) return new Feedback(steps, null, false);
        // the real thing: a random volume through two ND4J conv3d layers with these settings
        Random r = new Random(2);
        Tensor x = Tensor.zeros(1, 1, input, input, input);
        for (int i = 0; i < x.size(); i++) x.data()[i] = r.nextGaussian();
        Tensor y1 = NdOps.conv(
                x,
                Tensor.zeros(4, 1, a.kernel(), a.kernel(), a.kernel()),
                null,
                Window.cubic(3, a.kernel(), a.stride(), a.padding(), 1));
        Tensor y2 = NdOps.conv(
                y1,
                Tensor.zeros(2, 4, b.kernel(), b.kernel(), b.kernel()),
                null,
                Window.cubic(3, b.kernel(), b.stride(), b.padding(), 1));
        int[] shapes = {input, y1.dim(2), y2.dim(2)};
        return new Feedback(steps, shapes, y2.dim(2) == target && y2.dim(3) == target && y2.dim(4) == target);
    }

    /** Every pair of layers (kernel ≤ 8, stride ≤ 4, padding ≤ 3 and smaller than the kernel) that works. */
    public List<Layer[]> alternatives() {
        List<Layer[]> out = new ArrayList<>();
        for (Layer a : layers()) {
            AxisSize first = Shapes.conv(input, a.kernel(), a.stride(), a.padding(), 1);
            if (!first.ok()) continue;
            for (Layer b : layers()) {
                AxisSize second = Shapes.conv(first.output(), b.kernel(), b.stride(), b.padding(), 1);
                if (second.ok() && second.output() == target) out.add(new Layer[] {a, b});
            }
        }
        return out;
    }

    private static List<Layer> layers() {
        List<Layer> l = new ArrayList<>();
        for (int k = 1; k <= MAX_KERNEL; k++)
            for (int s = 1; s <= MAX_STRIDE; s++)
                for (int p = 0; p <= Math.min(MAX_PADDING, k - 1); p++) l.add(new Layer(k, s, p));
        return l;
    }

    public IntegerProperty k1Property() {
        return k1;
    }

    public IntegerProperty s1Property() {
        return s1;
    }

    public IntegerProperty p1Property() {
        return p1;
    }

    public IntegerProperty k2Property() {
        return k2;
    }

    public IntegerProperty s2Property() {
        return s2;
    }

    public IntegerProperty p2Property() {
        return p2;
    }
}
