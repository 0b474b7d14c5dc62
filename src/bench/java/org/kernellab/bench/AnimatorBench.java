package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import java.util.Map;
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
            measure(bench, changes, playSeconds, out);
        }
    }

    private static void measure(FxApp bench, int changes, double playSeconds, PrintStream out) throws Exception {
        KernelLabApp.Built app = bench.app();
        AnimatorPage page = onFx(() -> (AnimatorPage) app.shell().page());
        AnimatorViewModel vm = page.viewModel();
        onFx(() -> {
            vm.inputHProperty().set(20);
            vm.padHProperty().set(5);
            vm.kernelHProperty().set(7);
            vm.strideHProperty().set(1);
            return null;
        });
        // slider change → recomputed (trace + ND4J) → drawn and laid out by the next real pulse
        double[] ms = bench.changeToPulse(changes, i -> vm.kernelHProperty().set(i % 2 == 0 ? 6 : 7));
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
