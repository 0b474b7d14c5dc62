package org.kernellab.ui.task;

/** What running work may tell the user, and whether it should stop. */
public interface WorkContext {
    void progress(double done, double total);

    void message(String text);

    boolean cancelled();
}
