package org.kernellab.ui.draw;

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
import org.kernellab.compute.Problem;
import org.kernellab.model.Layer;
import org.kernellab.model.Maximise;
import org.kernellab.model.Network;
import org.kernellab.model.Probe;
import org.kernellab.model.Saliency;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.explain.Latest;
import org.kernellab.ui.task.TaskRunner;

/**
 * Drawing the net's input: a 28×28 picture painted with a round brush (or rubbed out), cleared, inverted, or started
 * from a test image; after each change the net's probabilities and its first convolution's maps (after ReLU) are
 * computed in the background, the newest drawing winning. Also what a filter or a class "wants to see" (gradient
 * ascent, {@link Maximise}). The drawing is the chapter's too: the saliency and attack lessons can take it.
 */
public final class DrawViewModel {
    public static final int SIDE = ExplainInput.SIDE;

    /** What the net makes of the drawing: its probabilities, and the first convolution's maps (C × 26 × 26, or none). */
    public record Seen(float[] drawing, float[] probabilities, float[] maps, int[] shape) {}

    /**
     * What the ascent gave: the picture, and the square of it that changed (a filter's receptive field; the whole
     * picture for a class) to show enlarged.
     */
    public record Wanted(float[] picture, int top, int left, int side) {}

    /** What is maximised: a convolution's filter (its output, before the ReLU), or a class's score. */
    public enum Goal {
        FIRST_CONV,
        SECOND_CONV,
        CLASS
    }

    private final ExplainInput input;
    private final Lifetime life = new Lifetime();
    private float[] values = new float[SIDE * SIDE];
    private final IntegerProperty brush = new SimpleIntegerProperty(2), start = new SimpleIntegerProperty(0);
    private final BooleanProperty eraser = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<float[]> drawing = new ReadOnlyObjectWrapper<>(values.clone());
    private final ReadOnlyObjectWrapper<Seen> seen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Goal> goal = new SimpleObjectProperty<>(Goal.FIRST_CONV);
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Wanted> wanted = new ReadOnlyObjectWrapper<>();
    private final Latest<Seen> predictions;
    private final Latest<Wanted> ascent;

    public DrawViewModel(ExplainInput input, TaskRunner tasks, I18n i18n) {
        this.input = input;
        predictions = new Latest<>(tasks, () -> i18n.tr("draw.predicting"), seen::set, e -> problem.set(Problem.of(e)));
        ascent = new Latest<>(tasks, () -> i18n.tr("draw.ascending"), wanted::set, e -> problem.set(Problem.of(e)));
        float[] kept = input.drawingProperty().get();
        if (kept != null) values = kept.clone();
        drawing.set(values.clone());
        life.onChange(input.networkProperty(), n -> {
            wanted.set(null);
            predict();
        });
        goal.addListener((o, a, b) -> unit.set(0));
        predict();
    }

    public void dispose() {
        life.end();
        predictions.cancel();
        ascent.cancel();
    }

    /**
     * One dab of the brush at cell (x, y) (fractions allowed: the pointer's place): cells within its radius take
     * full ink (none with the eraser), those at its rim part of it, never less than they had.
     */
    public void paint(double x, double y) {
        double r = brush.get() / 2.0 + 0.25;
        boolean ink = !eraser.get();
        for (int cy = (int) Math.floor(y - r - 1); cy <= y + r + 1; cy++)
            for (int cx = (int) Math.floor(x - r - 1); cx <= x + r + 1; cx++) {
                if (cy < 0 || cx < 0 || cy >= SIDE || cx >= SIDE) continue;
                double d = Math.hypot(cx + 0.5 - x, cy + 0.5 - y), cover = Math.max(0, Math.min(1, r + 0.5 - d));
                int k = cy * SIDE + cx;
                values[k] = (float) (ink ? Math.max(values[k], cover) : Math.min(values[k], 1 - cover));
            }
        changed();
    }

    public void clear() {
        Arrays.fill(values, 0);
        changed();
    }

    /** Light on dark becomes dark on light: what a drawing on white paper looks like to this net (it is not Fashion-MNIST). */
    public void invert() {
        for (int k = 0; k < values.length; k++) values[k] = 1 - values[k];
        changed();
    }

    /** The drawing becomes test image {@link #startProperty} to edit. */
    public void startFromTest() {
        values = input.testPicture(start.get());
        changed();
    }

    /** The drawing becomes {@code picture} (28 × 28 values from 0 to 1): one brought back from a scene. */
    public void useDrawing(float[] picture) {
        if (picture.length != values.length)
            throw new IllegalArgumentException("a drawing has " + values.length + " values, not " + picture.length);
        values = picture.clone();
        changed();
    }

    /** The drawing becomes the last picture the ascent gave, to edit. */
    public void startFromWanted() {
        if (wanted.get() == null) return;
        values = wanted.get().picture().clone();
        changed();
    }

    private void changed() {
        float[] copy = values.clone();
        drawing.set(copy);
        input.drawingProperty().set(copy);
        predict();
    }

    private void predict() {
        Network net = input.networkProperty().get();
        if (net == null) {
            seen.set(null);
            problem.set(input.unfit() ? new Problem("saliency.unfit") : null);
            return;
        }
        problem.set(null);
        float[] x = values.clone();
        int relu = firstRelu(net);
        predictions.submit(w -> {
            Probe.Pass p = Probe.run(net, x, 1, Probe.activations(net) - 1, null, Math.max(0, relu));
            float[] probs = Saliency.probabilities(net, x, 1);
            return new Seen(x, probs, relu > 0 ? p.activation() : null, relu > 0 ? p.shape() : null);
        });
    }

    /** The activation after the first convolution's ReLU (−1 without a convolution followed by one). */
    static int firstRelu(Network net) {
        List<Layer> layers = Probe.layers(net);
        for (int i = 0; i + 1 < layers.size(); i++)
            if (layers.get(i) instanceof Layer.Conv && layers.get(i + 1) instanceof Layer.ReLU) return i + 2;
        return -1;
    }

    /** The activation of the goal: the first or second convolution's output, or the logits; −1 when the net has none. */
    public int goalActivation() {
        Network net = input.networkProperty().get();
        if (net == null) return -1;
        if (goal.get() == Goal.CLASS) return Probe.activations(net) - 1;
        int seen = 0, want = goal.get() == Goal.FIRST_CONV ? 1 : 2;
        List<Layer> layers = Probe.layers(net);
        for (int i = 0; i < layers.size(); i++) if (layers.get(i) instanceof Layer.Conv && ++seen == want) return i + 1;
        return -1;
    }

    /** How many filters (or classes) the goal has: the range of {@link #unitProperty}; 0 when the net has no such layer. */
    public int units() {
        int a = goalActivation();
        return a < 0 ? 0 : Probe.shape(input.networkProperty().get(), a)[0];
    }

    /** Gradient ascent on the picture for the goal and unit chosen, in the background. */
    public void ascend() {
        Network net = input.networkProperty().get();
        int a = goalActivation(), u = unit.get();
        if (net == null || a < 0 || u >= units()) {
            problem.set(new Problem("draw.noSuchLayer"));
            return;
        }
        problem.set(null);
        ascent.submit(w -> wanted(Maximise.picture(net, a, u, Maximise.Settings.DEFAULT, w::cancelled)));
    }

    /** The picture with the smallest square holding every pixel the ascent moved from grey (all of it for a class). */
    private static Wanted wanted(float[] x) {
        if (x == null) return null;
        int top = SIDE, left = SIDE, bottom = -1, right = -1;
        for (int k = 0; k < x.length; k++) {
            if (x[k] == 0.5f) continue;
            top = Math.min(top, k / SIDE);
            bottom = Math.max(bottom, k / SIDE);
            left = Math.min(left, k % SIDE);
            right = Math.max(right, k % SIDE);
        }
        if (bottom < 0) return new Wanted(x, 0, 0, SIDE);
        int side = Math.max(bottom - top, right - left) + 1;
        return new Wanted(x, Math.min(top, SIDE - side), Math.min(left, SIDE - side), side);
    }

    public ReadOnlyObjectProperty<float[]> drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Seen> seenProperty() {
        return seen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Wanted> wantedProperty() {
        return wanted.getReadOnlyProperty();
    }

    public IntegerProperty brushProperty() {
        return brush;
    }

    public BooleanProperty eraserProperty() {
        return eraser;
    }

    public IntegerProperty startProperty() {
        return start;
    }

    public ObjectProperty<Goal> goalProperty() {
        return goal;
    }

    public IntegerProperty unitProperty() {
        return unit;
    }
}
