package org.kernellab.ui.script;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import org.kernellab.lesson.LessonScript;
import org.kernellab.ui.widgets.StepControls;
import org.kernellab.ui.widgets.Workspace;

/**
 * A script step's hold on a view's settings: locked, they are greyed out; hidden, a view with a settings panel shows its
 * stage alone (one without greys its settings out). The step controls (play, step, scrub) always stay, for the teacher.
 */
public final class StepLock {
    private StepLock() {}

    public static void apply(Node view, LessonScript.Controls c) {
        if (c == LessonScript.Controls.FREE) return;
        view.getProperties().put(StepLock.class, c);
        boolean hide = c == LessonScript.Controls.HIDDEN;
        boolean panel = false;
        for (Node n : view.lookupAll(".workspace")) {
            if (n instanceof Workspace w) {
                w.restrict(true, hide);
                panel = true;
            }
        }
        if (!panel) lockInputs(view);
    }

    /** Whether {@code view}'s settings are as the view made them: no step locked or hid them. */
    public static boolean isFree(Node view) {
        return !view.getProperties().containsKey(StepLock.class);
    }

    private static void lockInputs(Node n) {
        if (n.getStyleClass().contains(StepControls.STYLE)) return; // the teacher presents with the step buttons
        if (n instanceof ButtonBase
                || n instanceof Slider
                || n instanceof ComboBoxBase<?>
                || n instanceof Spinner<?>
                || n instanceof TextInputControl) {
            n.setDisable(true);
            return;
        }
        if (n instanceof Parent p) p.getChildrenUnmodifiable().forEach(StepLock::lockInputs);
    }
}
