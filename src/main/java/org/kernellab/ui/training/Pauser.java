package org.kernellab.ui.training;

/** Blocks the training thread between batches while paused; a cancel (or an interrupt) releases it. */
final class Pauser {
    private boolean paused;
    volatile boolean cancelled;

    synchronized void set(boolean pause) {
        paused = pause;
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        paused = false;
        notifyAll();
    }

    /** @return true when the run should stop */
    synchronized boolean await() {
        try {
            while (paused && !cancelled) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return cancelled;
    }
}
