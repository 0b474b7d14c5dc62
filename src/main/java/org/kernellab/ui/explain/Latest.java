package org.kernellab.ui.explain;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.task.Work;

/**
 * Background work where only the newest request matters (a map for the settings now, a prediction for the drawing
 * now): one runs at a time, a request made meanwhile waits, and a newer one replaces it, so that a dragged slider or a
 * stroke queues at most one. Results come back on the FX thread, as the task runner delivers them.
 */
public final class Latest<T> {
    private final TaskRunner tasks;
    private final Supplier<String> title;
    private final Consumer<T> done;
    private final Consumer<Throwable> failed;
    private Work<T> waiting;
    private TaskRunner.Handle running;

    public Latest(TaskRunner tasks, Supplier<String> title, Consumer<T> done, Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.title = title;
        this.done = done;
        this.failed = failed;
    }

    /**
     * Runs {@code work} now, or after the one running, unless a newer request comes first. Call on the FX thread. The
     * one running counts as running until its result is delivered (a finished task's result comes a moment later), or
     * until it was cancelled (the status bar's ✕), which delivers none.
     */
    public void submit(Work<T> work) {
        waiting = work;
        if (running == null || running.isCancelled()) next();
    }

    private void next() {
        Work<T> w = waiting;
        waiting = null;
        running = null;
        if (w == null) return;
        boolean[] delivered = {false};
        TaskRunner.Handle h = tasks.run(
                title.get(),
                w,
                r -> {
                    delivered[0] = true;
                    if (waiting == null) done.accept(r); // a newer request's result is what counts
                    next();
                },
                e -> {
                    delivered[0] = true;
                    if (waiting == null) failed.accept(e);
                    next();
                });
        if (!delivered[0]) running = h; // a runner that works in place has delivered already
    }

    /** Drops the waiting request and stops the running one (the page is closed). */
    public void cancel() {
        waiting = null;
        if (running != null) running.cancel();
    }
}
