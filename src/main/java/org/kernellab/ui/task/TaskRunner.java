package org.kernellab.ui.task;

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
    }

    /**
     * @param title     what the status bar calls it, in the current language
     * @param onSuccess receives the result on the FX thread
     * @param onFailure receives the error on the FX thread (after the runner has reported it to the user)
     */
    <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    default <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess) {
        return run(title, work, onSuccess, e -> {});
    }
}
