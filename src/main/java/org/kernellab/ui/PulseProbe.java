package org.kernellab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures JavaFX pulses on a scene while it runs: the FX thread's work in each pulse (from the animation
 * phase to the end of layout: timelines, listeners, canvas drawing, CSS, layout) and the interval between
 * pulses (a stutter shows as an interval far above 16.7 ms). For benchmarks; it asserts nothing.
 */
public final class PulseProbe {
    private final Scene scene;
    private final List<Double> work = new ArrayList<>(), intervals = new ArrayList<>();
    private final Runnable post;
    private final AnimationTimer timer;
    private long pulseStart = -1, lastPulse = -1;

    public PulseProbe(Scene scene) {
        this.scene = scene;
        this.timer = new AnimationTimer() {
            @Override public void handle(long now) {
                long t = System.nanoTime();
                if (lastPulse > 0) intervals.add((t - lastPulse) / 1e6);
                lastPulse = t;
                pulseStart = t;
            }
        };
        this.post = () -> {
            if (pulseStart > 0) work.add((System.nanoTime() - pulseStart) / 1e6);
            pulseStart = -1;
        };
    }

    /** Call on the FX thread. */
    public void start() {
        scene.addPostLayoutPulseListener(post);
        timer.start();
    }

    /** Call on the FX thread; returns pulses, work p50/p99/max (also the first pulse apart) and interval p50/p99/max in ms. */
    public Map<String, Object> stop() {
        timer.stop();
        scene.removePostLayoutPulseListener(post);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pulses", work.size());
        stats(m, "work", work);
        if (work.size() > 1) {
            // the first pulse after a press carries class loading and first layouts; the rest is the steady state
            m.put("work_first_ms", round(work.get(0)));
            stats(m, "work_after_first", work.subList(1, work.size()));
        }
        stats(m, "interval", intervals);
        return m;
    }

    static void stats(Map<String, Object> m, String name, List<Double> values) {
        if (values.isEmpty()) return;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        m.put(name + "_p50_ms", round(v[v.length / 2]));
        m.put(name + "_p90_ms", round(v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.90) - 1)]));
        m.put(name + "_p99_ms", round(v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.99) - 1)]));
        m.put(name + "_max_ms", round(v[v.length - 1]));
    }

    static double round(double x) { return Math.round(x * 100) / 100.0; }

    /** p50/p99/max of some timings, in the same form. */
    public static Map<String, Object> summary(String name, double[] ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", ms.length);
        stats(m, name, Arrays.stream(ms).boxed().toList());
        return m;
    }
}
