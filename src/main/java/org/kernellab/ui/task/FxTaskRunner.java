package org.kernellab.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs work as {@link Task}s on a small pool of daemon threads. The tasks under way are listed for the
 * status bar (title, progress, message, cancel); a failure is published as {@link #lastFailure()} so the
 * shell can tell the user, and handed to the caller.
 */
public final class FxTaskRunner implements TaskRunner {
    /** A failure to show: the task's title and the error. */
    public record Failure(String title, Throwable error) {}

    private final ExecutorService pool, quiet;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    // one wrapper, kept: an unmodifiable view forwards changes through a weak listener and must not be collected
    private final ObservableList<Task<?>> runningView = FXCollections.unmodifiableObservableList(running);
    private final ReadOnlyObjectWrapper<Failure> lastFailure = new ReadOnlyObjectWrapper<>();

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kernellab-work-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the app alive after its window closes
            return t;
        });
        quiet = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kernellab-quiet");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Executor quiet() {
        return quiet;
    }

    public ObservableList<Task<?>> running() {
        return runningView;
    }

    public ReadOnlyObjectProperty<Failure> lastFailure() {
        return lastFailure.getReadOnlyProperty();
    }

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            {
                updateTitle(title);
            }

            @Override
            protected T call() throws Exception {
                return work.call(new WorkContext() {
                    @Override
                    public void progress(double done, double total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            lastFailure.set(new Failure(title, task.getException()));
            onFailure.accept(task.getException());
        });
        task.stateProperty().addListener((obs, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED)
                running.remove(task);
        });
        Runnable start = () -> {
            running.add(task);
            afterNextFrame(() -> {
                if (pool.isShutdown()) task.cancel(); // the app has closed: what its pages still ask for is not started
                else pool.execute(task);
            });
        };
        if (Platform.isFxApplicationThread()) start.run();
        else Platform.runLater(start);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel();
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }

            @Override
            public boolean isCancelled() {
                return task.isCancelled();
            }
        };
    }

    /**
     * Runs {@code action} once the frame that announces the work (the new row, the status line) has been laid out:
     * work that starts at once competes with that frame for the cores, and the click would feel slow.
     */
    private static void afterNextFrame(Runnable action) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) return; // the second pulse begins after the first one's layout
                stop();
                action.run();
            }
        }.start();
    }

    public void shutdown() {
        pool.shutdownNow();
        quiet.shutdownNow();
    }
}
