package org.kernellab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures JavaFX pulses on a scene while it runs: the FX thread's work in each pulse (from the animation
 * phase to the end of layout: timelines, listeners, canvas drawing, CSS, layout), as wall time and as the FX
 * thread's CPU time (on two busy cores the two part: the thread waits for a core), and the interval between
 * pulses (a stutter shows as an interval far above 16.7 ms). For benchmarks; it asserts nothing.
 */
final class PulseProbe {
    private final Scene scene;
    private final List<Double> work = new ArrayList<>(), intervals = new ArrayList<>();
    private final Runnable post;
    private final AnimationTimer timer;
    private long pulseStart = -1, lastPulse = -1, cpuStart;
    private final List<Double> cpu = new ArrayList<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    PulseProbe(Scene scene) {
        this.scene = scene;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (lastPulse > 0) intervals.add((t - lastPulse) / 1e6);
                lastPulse = t;
                pulseStart = t;
                cpuStart = THREADS.getCurrentThreadCpuTime();
            }
        };
        this.post = () -> {
            if (pulseStart > 0) {
                work.add((System.nanoTime() - pulseStart) / 1e6);
                cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
            pulseStart = -1;
        };
    }

    /** Call on the FX thread. */
    void start() {
        scene.addPostLayoutPulseListener(post);
        timer.start();
    }

    /** Call on the FX thread; returns pulses, work p50/p99/max (also the first pulse apart) and interval p50/p99/max in ms. */
    Map<String, Object> stop() {
        timer.stop();
        scene.removePostLayoutPulseListener(post);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pulses", work.size());
        Stats.put(m, "work", work);
        if (work.size() > 1) {
            // the first pulse after a press carries class loading and first layouts; the rest is the steady state
            m.put("work_first_ms", Stats.round(work.get(0)));
            Stats.put(m, "work_after_first", work.subList(1, work.size()));
        }
        Stats.put(m, "interval", intervals);
        if (!cpu.isEmpty()) m.put("cpu_first_ms", Stats.round(cpu.get(0)));
        Stats.put(m, "cpu", cpu);
        return m;
    }
}
