package org.kernellab.ui.task;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way the app runs work off the FX thread. Results and failures are delivered on the FX thread;
 * view-models depend on this interface so that their tests can run work in place ({@link DirectTaskRunner}).
 */
public interface TaskRunner {
    /** A running piece of work that can be asked to stop. */
    interface Handle {
        void cancel();

        boolean isDone();

        /** Whether it was cancelled: then neither its result nor its failure is delivered. */
        default boolean isCancelled() {
            return false;
        }
    }

    /**
     * @param title     what the status bar calls it, in the current language
     * @param onSuccess receives the result on the FX thread
     * @param onFailure receives the error on the FX thread (after the runner has reported it to the user)
     */
    <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * For small work nobody waits on, cancels or needs told about (drawing a lesson's formulas): never shown in the
     * status bar, and never queued behind a training run.
     */
    Executor quiet();

    default <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess) {
        return run(title, work, onSuccess, e -> {});
    }
}
