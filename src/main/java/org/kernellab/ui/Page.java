package org.kernellab.ui;

import javafx.scene.Node;

/** One screen in the lesson area, built in plain Java. {@link #dispose()} stops what it started. */
public interface Page {
    Node view();

    default void dispose() {}
}
