package org.kernellab.bench;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.kernellab.ui.KernelLabApp;
import org.kernellab.ui.Settings;
import org.kernellab.ui.core.ComputeEngine;

/** The whole app in a window for a benchmark: opened on one lesson, driven from the benchmark's thread. */
final class FxApp implements AutoCloseable {
    private final Preferences prefs = Preferences.userRoot().node("kernellab-benchmark");
    private final KernelLabApp.Built app;

    /** Starts JavaFX, shows the app at 1600×1000 without the lesson text and opens {@code lesson} once ND4J is ready. */
    FxApp(String lesson) throws Exception {
        this(lesson, 1600, 1000, s -> s.textShown(false));
    }

    /** The app in a window of {@code width}×{@code height}, its settings first given by {@code setup}. */
    FxApp(String lesson, int width, int height, Consumer<Settings> setup) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        app = onFx(() -> {
            Settings s = new Settings(prefs);
            setup.accept(s);
            KernelLabApp.Built b = KernelLabApp.build(s, List.of());
            Stage stage = new Stage();
            stage.setScene(b.scene());
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            b.shell().select(lesson);
            return b;
        });
        while (app.engine().stateProperty().get() != ComputeEngine.State.READY) Thread.sleep(50);
    }

    KernelLabApp.Built app() {
        return app;
    }

    /** Runs {@code c} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> c) throws Exception {
        FutureTask<T> f = new FutureTask<>(c);
        Platform.runLater(f);
        return f.get();
    }

    /**
     * The FX thread's work for each of {@code changes} changes (after 20 that warm the JIT up): {@code change} itself
     * (given the change's number) plus the work of the first pulse begun after it, from its animation phase to the end
     * of its layout; the idle wait for that pulse is left out. In milliseconds.
     */
    double[] changeToPulse(int changes, IntConsumer change) throws Exception {
        double[] ms = new double[changes];
        long[] pulseStart = {0};
        long[] changedAt = {Long.MAX_VALUE};
        BlockingQueue<Long> laidOut = new LinkedBlockingQueue<>();
        AnimationTimer marker = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseStart[0] = System.nanoTime();
            }
        };
        Runnable post = () -> {
            if (pulseStart[0] > changedAt[0])
                laidOut.add(System.nanoTime() - pulseStart[0]); // only pulses begun after the change
        };
        onFx(() -> {
            app.scene().addPostLayoutPulseListener(post);
            marker.start();
            return null;
        });
        for (int i = 0; i < changes + 20; i++) {
            int k = i;
            laidOut.clear();
            double handler = onFx(() -> {
                long t0 = System.nanoTime();
                change.accept(k);
                changedAt[0] = System.nanoTime();
                return (changedAt[0] - t0) / 1e6;
            });
            double pulse = laidOut.take() / 1e6;
            if (i >= 20) ms[i - 20] = handler + pulse;
        }
        onFx(() -> {
            marker.stop();
            app.scene().removePostLayoutPulseListener(post);
            return null;
        });
        return ms;
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            app.runner().shutdown();
            Platform.exit();
            return null;
        });
        prefs.removeNode();
    }
}
