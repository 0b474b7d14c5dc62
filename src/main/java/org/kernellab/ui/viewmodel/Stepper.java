package org.kernellab.ui.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Where an animation is: step {@code 0 … count−1}, playing or not, at what speed. A view-model owns one;
 * {@link StepControls} drives it. Changing the count keeps the step inside the new range.
 */
public final class Stepper {
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final IntegerProperty count = new SimpleIntegerProperty(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(2); // steps per second

    public Stepper() {
        count.addListener((o, a, n) -> {
            if (step.get() > Math.max(0, n.intValue() - 1)) step.set(Math.max(0, n.intValue() - 1));
            if (n.intValue() == 0) playing.set(false);
        });
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public int step() {
        return step.get();
    }

    public int count() {
        return count.get();
    }

    public void next() {
        if (step.get() < count.get() - 1) step.set(step.get() + 1);
        else playing.set(false);
    }

    public void previous() {
        if (step.get() > 0) step.set(step.get() - 1);
    }

    public void first() {
        step.set(0);
    }

    public void last() {
        step.set(Math.max(0, count.get() - 1));
    }

    /** Play from the start when at the end; otherwise play or pause. */
    public void togglePlay() {
        if (count.get() == 0) return;
        if (!playing.get() && step.get() >= count.get() - 1) step.set(0);
        playing.set(!playing.get());
    }
}
