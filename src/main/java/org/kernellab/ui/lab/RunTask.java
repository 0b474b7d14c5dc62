package org.kernellab.ui.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.model.Network;
import org.kernellab.model.Threads;
import org.kernellab.model.Trainer;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.task.WorkContext;
import org.kernellab.ui.viewmodel.Pauser;

/**
 * One run in the background: its data loaded, its net trained with a point on the loss curve every 1/25 epoch (at least
 * 8 batches) and the window told at most twice a second, paused and cancelled between batches.
 */
final class RunTask {
    /** Progress and the loss points since the last post are posted at most this often. */
    static final long POST_NANOS = 500_000_000L;

    private final TaskRunner tasks;
    private final Executor fx;
    private final I18n i18n;
    private final IntSupplier threads;
    private final List<Consumer<Run>> done = new ArrayList<>();
    private TaskRunner.Handle handle;
    private Pauser pauser = new Pauser();

    RunTask(TaskRunner tasks, Executor fx, I18n i18n, IntSupplier threads) {
        this.tasks = tasks;
        this.fx = fx;
        this.i18n = i18n;
        this.threads = threads;
    }

    void onDone(Consumer<Run> then) {
        done.add(then);
    }

    /** Starts {@code run}; {@code end} is told (on the FX thread) how it ended. */
    void start(Run run, LabData.Loader loader, BiConsumer<Run, Run.Status> end) {
        run.status.set(Run.Status.LOADING);
        Pauser p = new Pauser(); // one per run, so that cancelling one never stops the next
        pauser = p;
        int threadCount = threads.getAsInt();
        handle = tasks.run(
                i18n.tr("train.task", run.name()),
                work -> {
                    Threads.here(threadCount);
                    LabData.Loaded data = loader.load(work);
                    if (work.cancelled() || p.cancelled()) return cancelled(run, end);
                    // a run queued before the lab changed its pictures: its net was made for others
                    if (!Arrays.equals(data.train().shape(), run.net.input()))
                        throw new ComputeException(
                                "cli.netInput",
                                Arrays.toString(run.net.input()),
                                Arrays.toString(data.train().shape()));
                    fx.execute(() -> {
                        run.data = data;
                        if (run.status.get() == Run.Status.LOADING) run.status.set(Run.Status.RUNNING);
                    });
                    Network net = run.start == null
                            ? Network.build(run.net, run.training)
                            : Network.withParameters(run.net, run.training, run.start.values(), run.start.statistics());
                    net.normalizeInputs(run.start != null && run.start.normalized());
                    net.threads(threadCount);
                    try {
                        double seconds =
                                Trainer.train(net, data.train(), data.test(), run.feed, listener(run, data, work, p));
                        if (work.cancelled() || p.cancelled()) {
                            net.close();
                            return cancelled(run, end);
                        }
                        return new Object[] {net, seconds};
                    } catch (RuntimeException e) {
                        net.close();
                        throw e;
                    }
                },
                result -> {
                    if (result == null) return;
                    run.network = (Network) result[0];
                    run.seconds.set((double) result[1]);
                    end.accept(run, Run.Status.DONE);
                    announce(run);
                },
                error -> {
                    run.problem = Problem.of(error);
                    end.accept(run, Run.Status.FAILED);
                });
    }

    /** Tells the lesson around the lab of a net that is ready to look inside. */
    void announce(Run run) {
        done.forEach(d -> d.accept(run));
    }

    /** A cancelled task's result is never delivered: the run's end is posted from the task itself. */
    private Object[] cancelled(Run run, BiConsumer<Run, Run.Status> end) {
        fx.execute(() -> end.accept(run, Run.Status.CANCELLED));
        return null;
    }

    private Trainer.Listener listener(Run run, LabData.Loaded data, WorkContext work, Pauser p) {
        int n = run.feed.limit() > 0
                ? Math.min(run.feed.limit(), data.train().count())
                : data.train().count();
        int perEpoch = (n + run.training.batch() - 1) / run.training.batch();
        return new Trainer.Listener() {
            private final double[] lossSum = new double[2];
            private final List<Run.Point> points = new ArrayList<>();
            private long posted = System.nanoTime();

            @Override
            public void batch(Trainer.Batch b) {
                lossSum[0] += b.loss();
                lossSum[1]++;
                // the curve gets a point every 1/25 epoch, the window a few updates a second: each update repaints
                // charts and bars, and on a software renderer that costs the CPU the training needs
                boolean end = b.done() % perEpoch == 0;
                // at least 8 batches a point, so that large sets stay readable; at least 4 points an epoch on small
                // ones
                if (lossSum[1] >= Math.max(Math.min(8, Math.max(1, perEpoch / 4)), perEpoch / 25) || end) {
                    points.add(new Run.Point(b.done() / (double) perEpoch, lossSum[0] / lossSum[1]));
                    lossSum[0] = lossSum[1] = 0;
                }
                long now = System.nanoTime();
                if (points.isEmpty() || now - posted < POST_NANOS && !end) return;
                posted = now;
                work.progress(b.done(), b.total());
                List<Run.Point> shown = List.copyOf(points);
                points.clear();
                fx.execute(() -> run.batch(shown, b));
            }

            @Override
            public void epoch(Trainer.Epoch e) {
                fx.execute(() -> run.epoch(e));
            }

            @Override
            public boolean cancelled() {
                return p.await() || work.cancelled();
            }
        };
    }

    /** Pauses or resumes {@code run} if it is the one training. */
    void togglePause(Run run) {
        if (run == null || run.status.get() == Run.Status.LOADING || run.status.get() == Run.Status.QUEUED) return;
        boolean pause = run.status.get() == Run.Status.RUNNING;
        pauser.set(pause);
        run.status.set(pause ? Run.Status.PAUSED : Run.Status.RUNNING);
    }

    /** Stops {@code run} within one batch (a run still waiting for its data ends at once). */
    void cancel(Run run) {
        pauser.cancel();
        if (handle != null) handle.cancel();
        if (run.status.get() == Run.Status.QUEUED) run.status.set(Run.Status.CANCELLED);
    }
}
