package org.kernellab.model;

import org.kernellab.compute.ComputeException;

/** The ranges a net's training settings and the course nets' shorthands accept, written once for the CLI, the labs and the files. */
public final class Limits {
    /** The course CNN's shorthand: filters per conv layer and conv blocks. */
    public static final int MIN_FILTERS = 1, MAX_FILTERS = 256, MIN_BLOCKS = 1, MAX_BLOCKS = 3;
    /** A batch larger than Fashion-MNIST's training set, or more epochs than a class could wait for, is a typo. */
    public static final int MAX_BATCH = 60_000, MAX_EPOCHS = 1_000;
    /** Above this the learning rate makes every net here diverge at once. */
    public static final double MAX_LR = 10;
    /** Classes a classifier may have (ModelNet40 at most). */
    public static final int MIN_CLASSES = 2, MAX_CLASSES = 40;
    /** Threads a run may use. */
    public static final int MAX_THREADS = 256;

    private Limits() {}

    public static void filters(int f) {
        if (f < MIN_FILTERS || f > MAX_FILTERS) throw new ComputeException("train.badFilters", f);
    }

    public static void blocks(int b) {
        if (b < MIN_BLOCKS || b > MAX_BLOCKS) throw new ComputeException("train.badBlocks", b);
    }

    public static void dropout(double p) {
        if (!(p >= 0 && p < 1)) throw new ComputeException("train.badDropout", p);
    }

    public static void lr(double lr) {
        if (!(lr > 0) || lr > MAX_LR) throw new ComputeException("train.badLr", lr);
    }

    public static void batch(int b) {
        if (b < 1 || b > MAX_BATCH) throw new ComputeException("train.badBatch", b, MAX_BATCH);
    }

    public static void epochs(int e) {
        if (e < 1 || e > MAX_EPOCHS) throw new ComputeException("train.badEpochs", e, MAX_EPOCHS);
    }

    public static void classes(int c) {
        if (c < MIN_CLASSES || c > MAX_CLASSES) throw new ComputeException("train3d.badClasses", c);
    }
}
