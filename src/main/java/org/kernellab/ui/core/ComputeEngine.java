package org.kernellab.ui.core;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Problem;
import org.kernellab.ui.task.TaskRunner;

/**
 * Loads ND4J in the background at start (its native library takes seconds) so the first window never
 * waits for it, and tells the status bar how that went.
 */
public final class ComputeEngine {
    public enum State {
        IDLE,
        LOADING,
        READY,
        FAILED
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<NdOps.Backend> backend = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private long readyMillis = -1;

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The backend and its thread count, once ready. */
    public ReadOnlyObjectProperty<NdOps.Backend> backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** Why ND4J could not load, once failed; the views say it in the chosen language. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * In the chosen language: the backend and its threads once ready ("Cpu · 2 threads"), why it failed once
     * failed; empty before.
     */
    public String describe(I18n i18n) {
        return switch (state.get()) {
            case READY ->
                i18n.tr("engine.backend", backend.get().name(), backend.get().threads());
            case FAILED -> i18n.tr(problem.get());
            case IDLE, LOADING -> "";
        };
    }

    /** Milliseconds from the start of loading to the first convolution, −1 before. */
    public long readyMillis() {
        return readyMillis;
    }

    public void start(TaskRunner runner, String title) {
        if (state.get() == State.LOADING || state.get() == State.READY) return;
        state.set(State.LOADING);
        long t0 = System.nanoTime();
        runner.run(
                title,
                ctx -> {
                    ctx.progress(0, 1);
                    NdOps.Backend loaded = NdOps.warmUp();
                    ctx.progress(1, 1);
                    return loaded;
                },
                loaded -> {
                    NdOps.oneCoreHere(); // on the FX thread, where the lessons compute their small results
                    readyMillis = (System.nanoTime() - t0) / 1_000_000;
                    backend.set(loaded);
                    state.set(State.READY);
                },
                error -> {
                    problem.set(Problem.of(error));
                    state.set(State.FAILED);
                });
    }
}
