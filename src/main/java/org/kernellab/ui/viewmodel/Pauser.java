package org.kernellab.ui.viewmodel;

/** Blocks the training thread between batches while paused; a cancel (or an interrupt) releases it. */
public final class Pauser {
    private boolean paused;
    private volatile boolean cancelled;

    public synchronized void set(boolean pause) {
        paused = pause;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        paused = false;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** @return true when the run should stop */
    public synchronized boolean await() {
        try {
            while (paused && !cancelled) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return cancelled;
    }
}
