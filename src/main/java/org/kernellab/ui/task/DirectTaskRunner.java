package org.kernellab.ui.task;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: for view-model tests and the command line, no FX toolkit needed. */
public final class DirectTaskRunner implements TaskRunner {
    private static final Handle DONE = new Handle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
            return true;
        }
    };

    @Override
    public Executor quiet() {
        return Runnable::run;
    }

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call(new WorkContext() {
                @Override
                public void progress(double done, double total) {}

                @Override
                public void message(String text) {}

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
        } catch (Exception e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }
}
