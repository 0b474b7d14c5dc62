package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.kernellab.model.Trainer;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.training.TrainingLab;
import org.kernellab.ui.training.TrainingPage;

/**
 * {@code bench-training}: the demo a teacher runs, timed in the whole app. Opens the training lab, waits for the
 * data, presses Train with the demo settings and reports, as one JSON line: the wall time from the press to the
 * last epoch's test accuracy, the training speed, that accuracy, the app's peak resident memory, and the
 * JavaFX pulses while it trained (FX-thread work per pulse, wall and CPU, and the interval between pulses), then the
 * {@code train} command's speed with the same settings, run right after in a process of its own. Needs a display
 * (xvfb-run on a server); asserts nothing. {@code --warm} measures a second run instead of the app's first.
 */
final class TrainingBench {
    private TrainingBench() {}

    /** @param warm first train on 64 images, so that the measured run starts with warm code, as a class's second run does */
    static void run(boolean warm, PrintStream out) throws Exception {
        try (FxApp bench = new FxApp("training-lab")) {
            TrainingLab lab = onFx(() -> ((TrainingPage) bench.app().shell().page()).lab());
            LabViewModel vm = lab.lab();
            CountDownLatch data = new CountDownLatch(1);
            onFx(() -> {
                bench.app().ctx().workbench().withData(d -> data.countDown());
                lab.demoSettings();
                return null;
            });
            data.await();
            if (warm) {
                Run first = onFx(() -> {
                    vm.limitProperty().set(64);
                    vm.epochsProperty().set(1);
                    vm.train();
                    return vm.currentProperty().get();
                });
                awaitEnd(first);
                onFx(() -> {
                    vm.limitProperty().set(0);
                    lab.demoSettings();
                    return null;
                });
            }
            PulseProbe probe = new PulseProbe(bench.app().scene());
            long t0 = System.nanoTime();
            Run run = onFx(() -> {
                probe.start();
                vm.train();
                return vm.currentProperty().get();
            });
            awaitEnd(run);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(
                    "data",
                    bench.app()
                            .ctx()
                            .workbench()
                            .dataProperty()
                            .get()
                            .source()
                            .name()
                            .toLowerCase(Locale.ROOT));
            m.put("status", run.statusProperty().get().name().toLowerCase(Locale.ROOT));
            m.put("wall_seconds", Math.round(wall * 10) / 10.0);
            m.put("train_seconds", Math.round(run.secondsProperty().get() * 10) / 10.0);
            m.put("images_per_second", Math.round(run.samplesPerSecondProperty().get()));
            m.put(
                    "test_accuracy",
                    run.evaluationProperty().get() == null
                            ? -1
                            : Math.round(run.evaluationProperty().get().accuracy() * 10000) / 10000.0);
            m.put("peak_rss_mb", Trainer.peakRssMb());
            m.putAll(onFx(probe::stop));
            // the same training from the command line, in a process of its own started now: what the app should keep up
            // with
            double command = commandImagesPerSecond();
            m.put("command_images_per_second", Math.round(command));
            m.put("app_to_command", Math.round(run.samplesPerSecondProperty().get() / command * 100) / 100.0);
            Benchmarks.line(
                    out,
                    "training lab, demo CNN (16 filters, 2 blocks, Adam 0.002, batch 64, 2 epochs), press to last test accuracy"
                            + (warm ? ", after a warm-up run" : ", first run"),
                    m);
        }
    }

    /**
     * Runs {@code train} with the lab's demo settings (one ND4J thread, as the app trains) in a new JVM on the same
     * classpath; returns its images per second over the whole run.
     */
    private static double commandImagesPerSecond() throws Exception {
        String exe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        exe,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.kernellab.Launcher",
                        "train",
                        "--model",
                        "cnn",
                        "--filters",
                        String.valueOf(PictureData.DEMO_FILTERS),
                        "--blocks",
                        "2",
                        "--epochs",
                        String.valueOf(TrainingLab.DEMO_EPOCHS),
                        "--batch",
                        String.valueOf(TrainingLab.DEMO_BATCH),
                        "--lr",
                        TrainingLab.DEMO_LR,
                        "--optimizer",
                        "adam",
                        "--threads",
                        "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String last = "";
        try (BufferedReader r = p.inputReader()) {
            for (String line; (line = r.readLine()) != null; ) last = line;
        }
        if (p.waitFor() != 0) throw new IllegalStateException("the train command failed");
        JsonNode end = new ObjectMapper().readTree(last);
        return end.get("train_images").asDouble()
                * TrainingLab.DEMO_EPOCHS
                / end.get("train_seconds").asDouble();
    }

    /** Blocks the benchmark's thread until the run is done, cancelled or failed. */
    private static void awaitEnd(Run run) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        onFx(() -> {
            if (run.finishedProperty().get()) ended.countDown();
            run.finishedProperty().addListener((o, a, f) -> ended.countDown());
            return null;
        });
        ended.await();
    }
}
