package org.kernellab.ui.lab;

import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;

/**
 * A run to queue: the net and how to train it, the notebook's printed accuracies per epoch to compare with (or none),
 * and the weights it starts from (null: fresh ones).
 */
public record RunPlan(Net net, Training training, Trainer.Feed feed, double[] notebook, RunPlan.Start start) {
    /**
     * The weights and BatchNorm statistics of run {@code from}, taken when the run to train further is queued, and
     * whether its net reads normalized pictures.
     */
    public record Start(int from, float[] values, float[] statistics, boolean normalized) {
        static Start of(Run run) {
            Network n = run.network();
            return new Start(run.number(), n.parameterValues(), n.statistics(), n.normalizesInputs());
        }
    }

    public RunPlan(Net net, Training training, Trainer.Feed feed, double[] notebook) {
        this(net, training, feed, notebook, null);
    }

    public RunPlan(Net net, Training training, Trainer.Feed feed) {
        this(net, training, feed, new double[0]);
    }
}
