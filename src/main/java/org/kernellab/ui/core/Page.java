package org.kernellab.ui.core;

import javafx.scene.Node;

/**
 * One screen in the lesson area, built in plain Java. The shell calls {@link #dispose()} when the student leaves it:
 * the page stops its animations and drops its subscriptions to what outlives it (see {@link Lifetime}).
 */
public interface Page {
    Node view();

    void dispose();

    /** The view's settings as a scene (see {@link SceneFields}), with what the scene it was opened from got wrong. */
    SceneFields scene();
}
