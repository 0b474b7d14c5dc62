package org.kernellab.ui.scratch;

import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.SideBySide;
import org.kernellab.compute.SideBySide.Op;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.ui.task.TaskRunner;

/**
 * The course's convolution and pooling from scratch beside ND4J: the notebook's sizes (m, n_C_prev, n_H_prev, n_C, f,
 * pad, stride) and seed; each change runs both in the background (the previous run is cancelled), then the results,
 * their largest difference and the two speeds are shown. {@link #example} and {@link #channel} pick the map shown.
 */
public final class FromScratchViewModel {
    /** Limits that keep the loops under a couple of seconds here. */
    public static final int MAX_M = 16,
            MAX_CHANNELS = 8,
            MAX_SIDE = 32,
            MAX_FILTERS = 16,
            MAX_F = 5,
            MAX_PAD = 3,
            MAX_STRIDE = 4;

    static final double BUDGET_MILLIS = 150;

    private final ObjectProperty<Op> op = new SimpleObjectProperty<>(Op.CONV);
    private final IntegerProperty m = new SimpleIntegerProperty();
    private final IntegerProperty nCPrev = new SimpleIntegerProperty();
    private final IntegerProperty nPrev = new SimpleIntegerProperty();
    private final IntegerProperty nC = new SimpleIntegerProperty();
    private final IntegerProperty f = new SimpleIntegerProperty();
    private final IntegerProperty pad = new SimpleIntegerProperty();
    private final IntegerProperty stride = new SimpleIntegerProperty();
    private final IntegerProperty seed = new SimpleIntegerProperty();
    private final IntegerProperty example = new SimpleIntegerProperty(1);
    private final IntegerProperty channel = new SimpleIntegerProperty(1);

    private final ReadOnlyObjectWrapper<SideBySide.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final TaskRunner tasks;
    private final String title;
    private TaskRunner.Handle running;
    private boolean loading;

    /** @param title what the status bar calls a run */
    public FromScratchViewModel(TaskRunner tasks, String title) {
        this.tasks = tasks;
        this.title = title;
        load(SideBySide.Setup.courseConv());
        for (Observable o : new Observable[] {op, m, nCPrev, nPrev, nC, f, pad, stride, seed})
            o.addListener(x -> {
                if (!loading) run();
            });
    }

    public ReadOnlyObjectProperty<SideBySide.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public SideBySide.Result result() {
        return result.get();
    }

    /** Why the settings give no output (a window larger than the padded picture, padding over half a pooling window). */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The notebook's convolution cell: (10, 4, 7, 7), 8 filters of 3×3, pad 1, stride 2. */
    public void courseConv() {
        loadAndRun(SideBySide.Setup.courseConv());
    }

    /** The notebook's pooling cell: (10, 3, 10, 10), f = 2, stride 2, with {@code np.random.seed(1)}. */
    public void coursePool(Op mode) {
        loadAndRun(SideBySide.Setup.coursePool(mode));
    }

    private void loadAndRun(SideBySide.Setup s) {
        load(s);
        run();
    }

    /** Settings changed together (a scene's): no run after each; the caller runs once after. */
    public <T> T quietly(Supplier<T> change) {
        boolean was = loading;
        loading = true;
        try {
            return change.get();
        } finally {
            loading = was;
        }
    }

    /** The notebook's cell for {@code mode}: its convolution, or its pooling with max or average; not run yet. */
    void useCourse(Op mode) {
        load(mode == Op.CONV ? SideBySide.Setup.courseConv() : SideBySide.Setup.coursePool(mode));
    }

    private void load(SideBySide.Setup s) {
        boolean was = loading;
        loading = true;
        op.set(s.op());
        m.set(s.m());
        nCPrev.set(s.nCPrev());
        nPrev.set(s.nPrev());
        nC.set(s.nC());
        f.set(s.f());
        pad.set(s.pad());
        stride.set(s.stride());
        seed.set((int) s.seed());
        loading = was;
    }

    /** Runs both with the current settings, unless the sizes cannot give an output (then says why). */
    public void run() {
        SideBySide.Setup s = new SideBySide.Setup(
                op.get(), m.get(), nCPrev.get(), nPrev.get(), nC.get(), f.get(), pad.get(), stride.get(), seed.get());
        if (running != null) running.cancel();
        try {
            Shapes.require(
                    new int[] {s.nPrev(), s.nPrev()}, Window.square(s.f(), s.stride(), s.pad()), s.op() != Op.CONV);
        } catch (ComputeException e) {
            problem.set(e.problem());
            result.set(null);
            return;
        }
        problem.set(null);
        running = tasks.run(title, ctx -> SideBySide.run(s, BUDGET_MILLIS, ctx::cancelled), r -> {
            if (r == null) return;
            example.set(Math.min(example.get(), r.setup().m() - 1));
            channel.set(Math.min(channel.get(), r.scratch().dim(1) - 1));
            result.set(r);
        });
    }

    /** Z[example, channel] of a result, as a matrix. */
    public static double[][] map(Tensor z, int example, int channel) {
        return z.slice(Math.min(example, z.dim(0) - 1))
                .slice(Math.min(channel, z.dim(1) - 1))
                .toMatrix();
    }

    public ObjectProperty<Op> opProperty() {
        return op;
    }

    public IntegerProperty mProperty() {
        return m;
    }

    public IntegerProperty nCPrevProperty() {
        return nCPrev;
    }

    public IntegerProperty nPrevProperty() {
        return nPrev;
    }

    public IntegerProperty nCProperty() {
        return nC;
    }

    public IntegerProperty fProperty() {
        return f;
    }

    public IntegerProperty padProperty() {
        return pad;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty exampleProperty() {
        return example;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }
}
