package org.kernellab.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Problem;
import org.kernellab.ui.task.TaskRunner;

/**
 * Loads ND4J in the background at start (its native library takes seconds) so the first window never
 * waits for it, and tells the status bar how that went.
 */
public final class ComputeEngine {
    public enum State { IDLE, LOADING, READY, FAILED }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private long readyMillis = -1;

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    /** The backend and thread count once ready, the error once failed. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    /** Milliseconds from the start of loading to the first convolution, −1 before. */
    public long readyMillis() { return readyMillis; }

    public void start(TaskRunner runner, String title) {
        if (state.get() == State.LOADING || state.get() == State.READY) return;
        state.set(State.LOADING);
        long t0 = System.nanoTime();
        runner.run(title, ctx -> {
            ctx.progress(0, 1);
            String backend = NdOps.warmUp();
            ctx.progress(1, 1);
            return backend;
        }, backend -> {
            NdOps.oneCoreHere(); // on the FX thread, where the lessons compute their small results
            readyMillis = (System.nanoTime() - t0) / 1_000_000;
            detail.set(backend);
            state.set(State.READY);
        }, error -> {
            detail.set(Problem.of(error).english());
            state.set(State.FAILED);
        });
    }
}
