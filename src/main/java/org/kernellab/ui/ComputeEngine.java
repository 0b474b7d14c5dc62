package org.kernellab.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.ui.task.TaskRunner;
import org.nd4j.linalg.factory.Nd4j;

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
            ctx.progress(0, 3);
            Nd4j.create(1); // loads the native library
            ctx.progress(1, 3);
            String backend = Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "")
                    + " · " + Nd4j.getEnvironment().maxMasterThreads() + " threads";
            NdOps.conv(Tensor.zeros(1, 1, 5, 5), Tensor.zeros(1, 1, 3, 3), null, Window.square(3, 1, 1));
            ctx.progress(3, 3);
            return backend;
        }, backend -> {
            readyMillis = (System.nanoTime() - t0) / 1_000_000;
            detail.set(backend);
            state.set(State.READY);
        }, error -> {
            detail.set(String.valueOf(error.getMessage() != null ? error.getMessage() : error));
            state.set(State.FAILED);
        });
    }
}
