package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.animation.AnimationTimer;
import org.kernellab.ui.KernelLabApp;
import org.kernellab.ui.animator.AnimatorPage;
import org.kernellab.ui.animator.AnimatorViewModel;

/**
 * {@code bench-animator}: how fast the animator answers at the largest settings (input 20, padding 5,
 * kernel 7, stride 1): the time from a slider change to the redrawn, laid-out view, and the FX thread's
 * work per pulse while it plays at full speed. Needs a display (use xvfb-run on a server). Prints JSON
 * lines; asserts nothing.
 */
final class AnimatorBench {
    private AnimatorBench() {}

    static void run(int changes, double playSeconds, PrintStream out) throws Exception {
        try (FxApp bench = new FxApp("convolution-animator")) {
            measure(bench.app(), changes, playSeconds, out);
        }
    }

    private static void measure(KernelLabApp.Built app, int changes, double playSeconds, PrintStream out)
            throws Exception {
        AnimatorPage page = onFx(() -> (AnimatorPage) app.shell().page());
        AnimatorViewModel vm = page.viewModel();
        onFx(() -> {
            vm.inputHProperty().set(20);
            vm.padHProperty().set(5);
            vm.kernelHProperty().set(7);
            vm.strideHProperty().set(1);
            return null;
        });

        // slider change → recomputed (trace + ND4J) → drawn and laid out by the next real pulse. What counts is
        // the FX thread's work: the change itself plus that pulse's work (animation phase to end of layout);
        // the idle wait for the pulse to come is left out.
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
            int k = i % 2 == 0 ? 6 : 7;
            laidOut.clear();
            double handler = onFx(() -> {
                long t0 = System.nanoTime();
                vm.kernelHProperty().set(k);
                changedAt[0] = System.nanoTime();
                return (changedAt[0] - t0) / 1e6;
            });
            double pulse = laidOut.take() / 1e6;
            if (i >= 20) ms[i - 20] = handler + pulse; // the first 20 warm the JIT up
        }
        onFx(() -> {
            marker.stop();
            app.scene().removePostLayoutPulseListener(post);
            return null;
        });
        Benchmarks.line(
                out,
                "animator slider change to redrawn view (input 20, padding 5, kernel 7, stride 1)",
                Stats.summary("latency", ms));

        PulseProbe probe = new PulseProbe(app.scene());
        onFx(() -> {
            vm.stepper().speedProperty().set(10);
            probe.start();
            vm.stepper().playingProperty().set(true);
            return null;
        });
        Thread.sleep((long) (playSeconds * 1000));
        Map<String, Object> play = onFx(() -> {
            vm.stepper().playingProperty().set(false);
            return probe.stop();
        });
        Benchmarks.line(
                out, "animator playing at 10 steps/s, per pulse (input 20, padding 5, kernel 7, stride 1)", play);
    }
}
