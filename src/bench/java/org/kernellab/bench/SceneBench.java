package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
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
        try (FxApp bench = new FxApp("01-what-is-a-convolution")) {
            List<String> texts = new ArrayList<>();
            for (Lesson lesson : LessonLoader.load(LessonViews.ids(), List.of()).lessons()) {
                texts.add(onFx(() -> {
                    bench.app().shell().select(lesson.id());
                    return SceneFiles.write(bench.app().shell().scene(), null);
                }));
                settle(bench);
            }
            Map<String, List<Double>> byView = new LinkedHashMap<>();
            List<Double> all = new ArrayList<>();
            for (int round = 0; round < rounds + 1; round++) {
                for (String text : texts) {
                    long t0 = System.nanoTime();
                    String view = onFx(() -> {
                        LessonScene s = (LessonScene) SceneFiles.parse(text, null);
                        bench.app().shell().openScene(s);
                        return s.view();
                    });
                    settle(bench);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (round == 0) continue;
                    byView.computeIfAbsent(view, k -> new ArrayList<>()).add(ms);
                    all.add(ms);
                }
            }
            for (Map.Entry<String, List<Double>> e : byView.entrySet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("view", e.getKey());
                m.put("runs", e.getValue().size());
                Stats.put(m, "", e.getValue());
                Benchmarks.line(out, "scene: open a view's scene to its view redrawn", m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("view", "all");
            m.put("runs", all.size());
            Stats.put(m, "", all);
            Benchmarks.line(out, "scene: open a view's scene to its view redrawn", m);
        }
    }

    /** Until no background work is under way and a pulse has laid the window out after it. */
    private static void settle(FxApp bench) throws Exception {
        while (onFx(() -> !bench.app().runner().running().isEmpty())) Thread.onSpinWait();
        CountDownLatch pulse = new CountDownLatch(1);
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            bench.app().scene().removePostLayoutPulseListener(listener[0]);
            pulse.countDown();
        };
        onFx(() -> {
            bench.app().scene().addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
            return null;
        });
        pulse.await();
    }
}
