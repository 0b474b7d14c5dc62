package org.kernellab.ui.voxels;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;

/** Turns the views at 30° a second while it runs, by the time between frames (so a slow frame does not slow it). */
final class Turntable extends AnimationTimer {
    private final DoubleProperty yaw;
    private long last;

    Turntable(DoubleProperty yaw) {
        this.yaw = yaw;
    }

    @Override
    public void handle(long now) {
        if (last > 0) yaw.set(yaw.get() + (now - last) / 1e9 * 30);
        last = now;
    }

    @Override
    public void stop() {
        super.stop();
        last = 0;
    }
}
