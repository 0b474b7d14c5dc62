package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * {@code bench-draw}: what a stroke on the drawing lesson's canvas costs the FX thread, a drag event as the mouse sends
 * it (the brush's dab and the canvas redrawn) plus the pulse that shows it, while the net reads the drawing in the
 * background. Needs a display (xvfb-run on a server). Prints a JSON line; asserts nothing.
 */
final class DrawBench {
    private DrawBench() {}

    static void run(int strokes, PrintStream out) throws Exception {
        try (FxApp bench = new FxApp("draw")) {
            Node canvas = onFx(() -> bench.app().scene().lookup("#draw-canvas"));
            double[] ms = bench.changeToPulse(strokes, i -> {
                double x = 40 + 2.5 * (i % 90), y = 60 + 80 * Math.sin(i / 9.0) + 80;
                Event.fireEvent(
                        canvas,
                        new MouseEvent(
                                MouseEvent.MOUSE_DRAGGED,
                                x,
                                y,
                                x,
                                y,
                                MouseButton.PRIMARY,
                                1,
                                false,
                                false,
                                false,
                                false,
                                true,
                                false,
                                false,
                                true,
                                false,
                                false,
                                null));
            });
            Benchmarks.line(out, "draw: a stroke's FX thread work, the drag and its pulse", Stats.summary("", ms));
        }
    }
}
