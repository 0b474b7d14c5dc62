package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.ui.core.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Leaving a lesson lets its page go: opened 5 times each, at most one page per lesson stays, and the heap stays flat. */
@ExtendWith(ApplicationExtension.class)
class PageLifetimeTest {
    private static final int ROUNDS = 5; // three after the heap is measured: a leak of a page a visit shows
    AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void everyLessonOpenedFiveTimesLeavesAtMostOnePageAlive(FxRobot robot) throws Exception {
        List<String> ids = AppHarness.lessonIds();
        Map<String, List<WeakReference<Page>>> pages = new LinkedHashMap<>();
        long heapAfterWarmUp = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String id : ids) {
                robot.interact(() -> harness.app.shell().select(id));
                Page p = harness.app.shell().page();
                pages.computeIfAbsent(id, k -> new ArrayList<>()).add(new WeakReference<>(p));
            }
            if (round == 1) heapAfterWarmUp = usedHeapAfterGc();
        }
        AppHarness.waitFor(() -> harness.app.runner().running().isEmpty()); // formulas and data loads finish
        pulses(robot, 3); // the scene graph lets go of removed nodes when it next syncs them
        long heapAtEnd = usedHeapAfterGc();
        StringBuilder kept = new StringBuilder();
        for (Map.Entry<String, List<WeakReference<Page>>> e : pages.entrySet()) {
            long alive = e.getValue().stream().filter(r -> r.get() != null).count();
            if (alive > 1)
                kept.append(e.getKey())
                        .append(": ")
                        .append(alive)
                        .append(" of its " + ROUNDS + " pages are still reachable; ");
        }
        long grownMb = (heapAtEnd - heapAfterWarmUp) >> 20;
        assertTrue(
                kept.length() == 0 && grownMb < 48,
                kept + "the heap grew by " + grownMb + " MB between the 2nd and the last round");
    }

    /** Waits until the FX thread has run {@code n} more pulses (a busy machine leaves removed nodes unsynced). */
    private static void pulses(FxRobot robot, int n) throws Exception {
        CountDownLatch done = new CountDownLatch(n);
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                done.countDown();
            }
        };
        robot.interact(timer::start);
        assertTrue(done.await(60, TimeUnit.SECONDS), "the FX thread ran no pulses");
        robot.interact(timer::stop);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            System.runFinalization(); // memory that waits on finalization is held by no page
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
