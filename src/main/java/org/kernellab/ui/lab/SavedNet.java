package org.kernellab.ui.lab;

import java.nio.file.Path;
import java.util.Arrays;
import org.kernellab.compute.ComputeException;
import org.kernellab.model.NetFiles;
import org.kernellab.model.Network;
import org.kernellab.model.Trainer;
import org.kernellab.ui.task.WorkContext;

/**
 * A saved network (any version of KernelLab's, or a PyTorch state dict) opened for a lab: the net, the lab's samples,
 * and how it does on the test set.
 */
record SavedNet(Network network, LabData.Loaded data, Trainer.Evaluation evaluation) {
    /** Off the FX thread: reads {@code file}, which must take the lab's input and score its classes, and tests it. */
    static SavedNet open(Path file, LabData lab, LabData.Loader loader, WorkContext work, int threads)
            throws Exception {
        Network net = NetFiles.open(file, null).network();
        if (!Arrays.equals(net.net().input(), lab.input()) || net.classes() != lab.classes()) {
            throw new ComputeException(
                    "lab.otherData",
                    file.getFileName(),
                    Arrays.toString(net.net().input()),
                    net.classes());
        }
        LabData.Loaded loaded = loader.load(work);
        net.threads(threads);
        return new SavedNet(net, loaded, Trainer.evaluate(net, loaded.test()));
    }

    /** The finished run that lists it, as run {@code number}. */
    Run run(int number, Path file, LabData lab) {
        Run run = new Run(number, network.net(), network.training(), Trainer.Feed.ALL, NetNames.of(network.net(), lab));
        run.file = file.getFileName().toString();
        run.network = network;
        run.data = data;
        run.evaluation.set(evaluation);
        run.status.set(Run.Status.DONE);
        return run;
    }
}
