package org.kernellab.ui.train3d;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.model.Activation;
import org.kernellab.model.Layer;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.model.Training;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.LayerEdit;
import org.kernellab.ui.lab.VoxelData;
import org.kernellab.ui.task.TaskRunner;

/**
 * The 3D lab, one for the app: the shared lab on voxel grids (the notebook's Conv3DNet to start, Adam at 0.001 in
 * batches of 32 for 5 epochs), and the exercise's check: does the edited net's last convolution give features of
 * [32, 128, 4, 4, 4] for a batch of 32?
 */
public final class Lab3D {
    /** The exercise's target: the features of a batch of 32 after the last convolution. */
    public static final int[] TARGET = {32, 128, 4, 4, 4};

    private final LabViewModel lab;
    private final VoxelData data;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Object> checked = new ReadOnlyObjectWrapper<>();

    public Lab3D(LabViewModel lab, VoxelData data, TaskRunner tasks) {
        this.lab = lab;
        this.data = data;
        this.tasks = tasks;
        lab.lrProperty().set("0.001");
        lab.batchProperty().set(32);
        lab.epochsProperty().set(5);
        // the classifier's last layer follows the number of classes the data have
        data.classesProperty().addListener((o, a, n) -> {
            List<LayerEdit> layers = lab.editor().layers();
            if (!layers.isEmpty() && layers.get(layers.size() - 1).kind().equals("Linear"))
                layers.get(layers.size() - 1).out().set(n.intValue());
        });
    }

    public static Lab3D of(AppContext ctx) {
        VoxelData data = new VoxelData(ctx.userDirs().voxels());
        return new Lab3D(
                new LabViewModel(data, ctx.tasks(), Platform::runLater, ctx.i18n(), ctx::trainingThreads),
                data,
                ctx.tasks());
    }

    public LabViewModel lab() {
        return lab;
    }

    public VoxelData data() {
        return data;
    }

    /** Uses the ModelNet folder (null: the built-in objects). */
    public void folder(Path p) {
        data.folderProperty().set(p);
    }

    /**
     * The last check of the edited net against the exercise: the features' shape ND4J gave (an int[] with the batch of
     * 32), or the {@link Problem} why the net gives none. Null before a check.
     */
    public ReadOnlyObjectProperty<Object> checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** Whether a checked shape is the exercise's [32, 128, 4, 4, 4]. */
    public static boolean solves(Object checked) {
        return checked instanceof int[] s && Arrays.equals(s, TARGET);
    }

    /**
     * Runs the edited net's layers before its flatten with ND4J on a random 24³ volume (in the background) and reports
     * the features' shape for a batch of 32: the answer is whatever shape the library computes, so any net that reaches
     * [32, 128, 4, 4, 4] is right, not only the course's.
     */
    public void checkTarget() {
        Net features;
        try {
            Net net = lab.editor().net();
            int flatten = 0;
            while (flatten < net.layers().size() && !(net.layers().get(flatten) instanceof Layer.Flatten)) flatten++;
            features = Net.of(net.input(), net.layers().subList(0, flatten));
        } catch (ComputeException e) {
            checked.set(e.problem());
            return;
        }
        checked.set(null);
        tasks.run(
                "3D: [32,128,4,4,4]?",
                work -> {
                    int cells = 1;
                    for (int d : features.input()) cells *= d;
                    byte[] grid = new byte[cells];
                    Random rnd = new Random(1);
                    for (int i = 0; i < cells; i++) grid[i] = (byte) (rnd.nextDouble() < 0.1 ? 1 : 0);
                    try (Network n = Network.build(features, new Training(Training.Optimizer.ADAM, 1e-3, 32, 1, 1))) {
                        List<Activation> all = n.activations(Samples.grids(grid, new byte[1], VoxelData.GRID), 0);
                        int[] last = all.isEmpty()
                                ? features.input()
                                : channelsFirst(all.get(all.size() - 1).shape());
                        int[] shape = new int[last.length + 1];
                        shape[0] = TARGET[0]; // the batch only sets the first number
                        System.arraycopy(last, 0, shape, 1, last.length);
                        return shape;
                    }
                },
                shape -> checked.set(shape),
                error -> checked.set(Problem.of(error)));
    }

    private static int[] channelsFirst(int[] last) {
        int[] s = new int[last.length];
        s[0] = last[last.length - 1];
        System.arraycopy(last, 0, s, 1, last.length - 1);
        return s;
    }
}
