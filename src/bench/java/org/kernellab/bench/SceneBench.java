package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.LessonLoader;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.SceneFiles;
import org.kernellab.ui.LessonViews;

/**
 * {@code bench-scene}: opening a scene, from its file's text to the view redrawn in that state: the text read, the
 * lesson and its view built with the scene's settings, the first pulse laid out after it and, for views that compute in
 * the background, that work done and shown. Every built-in lesson's scene, in turn, {@code rounds} times (the first
 * round warms the JIT and is left out). Needs a display (xvfb-run on a server). Prints a JSON line per view and one in
 * all; asserts nothing.
 */
final class SceneBench {
    private SceneBench() {}

    static void run(int rounds, PrintStream out) throws Exception {
        try (FxApp bench = new FxApp("what-is-a-convolution")) {
            List<Map.Entry<String, String>> texts = new ArrayList<>(); // each scene's view and text
            for (Lesson lesson : LessonLoader.load(LessonViews.ids(), List.of()).lessons()) {
                onFx(() -> {
                    bench.app().shell().select(lesson.id());
                    return null;
                });
                Screens.settle(bench); // the lesson's own work done, so that the scene holds what it shows
                texts.add(onFx(() -> Map.entry(
                        lesson.view(), SceneFiles.write(bench.app().shell().scene(), null))));
            }
            Map<String, List<Double>> shown = new LinkedHashMap<>(), settled = new LinkedHashMap<>();
            for (int round = 0; round < rounds + 1; round++) {
                for (Map.Entry<String, String> scene : texts) {
                    double[] ms = open(bench, scene.getValue());
                    if (round == 0) continue; // the JIT's warm-up
                    String view = scene.getKey();
                    shown.computeIfAbsent(view, k -> new ArrayList<>()).add(ms[0]);
                    settled.computeIfAbsent(view, k -> new ArrayList<>()).add(ms[1]);
                    shown.computeIfAbsent("all", k -> new ArrayList<>()).add(ms[0]);
                    settled.computeIfAbsent("all", k -> new ArrayList<>()).add(ms[1]);
                }
            }
            for (String view : shown.keySet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("view", view);
                m.put("runs", shown.get(view).size());
                Stats.put(m, "shown", shown.get(view));
                Stats.put(m, "settled", settled.get(view));
                Benchmarks.line(out, "scene: open a scene to its view shown, and to its background work drawn", m);
            }
        }
    }

    /**
     * Opens the scene written in {@code text}, timed on the FX thread from the text read to the first frame laid out
     * after it (the view built in the scene's state and shown), and to the frame after the last background work it
     * started (a conv trace, a net's maps) is done.
     */
    private static double[] open(FxApp bench, String text) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        double[] ms = new double[2];
        onFx(() -> {
            long t0 = System.nanoTime();
            bench.app().shell().openScene((LessonScene) SceneFiles.parse(text, null));
            afterPulse(bench, () -> {
                ms[0] = (System.nanoTime() - t0) / 1e6;
                whenIdle(
                        bench,
                        () -> afterPulse(bench, () -> {
                            ms[1] = (System.nanoTime() - t0) / 1e6;
                            done.countDown();
                        }));
            });
            return null;
        });
        done.await();
        return ms;
    }

    /** {@code then} once the next pulse has laid the window out. */
    private static void afterPulse(FxApp bench, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            bench.app().scene().removePostLayoutPulseListener(once[0]);
            then.run();
        };
        bench.app().scene().addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** {@code then} once no background work is under way (at once if none is). */
    private static void whenIdle(FxApp bench, Runnable then) {
        ObservableList<Task<?>> running = bench.app().runner().running();
        if (running.isEmpty()) {
            then.run();
            return;
        }
        running.addListener(new ListChangeListener<Task<?>>() {
            @Override
            public void onChanged(Change<? extends Task<?>> c) {
                if (!running.isEmpty()) return;
                running.removeListener(this);
                then.run();
            }
        });
    }
}
