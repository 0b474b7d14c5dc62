package org.kernellab.ui.training;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import org.kernellab.compute.Augment;
import org.kernellab.compute.ComputeException;
import org.kernellab.data.DataException;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.Net;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.lab.RunPlan;

/**
 * The training lab, one for the app (its runs go on while other lessons are shown): the shared lab on Fashion-MNIST,
 * and the course's experiments: the MLP against the CNN, the notebook's own comparison, the overfitting experiment.
 * A finished or opened net with convolutions becomes the one the feature maps look inside.
 */
public final class TrainingLab {
    /** The demo: the course's CNN with 16 filters, Adam at 0.002, batches of 64, two epochs. */
    public static final int DEMO_BATCH = 64, DEMO_EPOCHS = 2;

    public static final String DEMO_LR = "0.002";
    static final int COURSE_EPOCHS = 5;
    /** The overfitting experiment's training set and length: few images, many epochs, so that memorising shows. */
    public static final int OVERFIT_IMAGES = 1_000, OVERFIT_EPOCHS = 40;
    /** The notebook's printed test accuracy after epochs 1 to 5 (course material 001). */
    static final double[] NOTEBOOK_MLP = {0.100, 0.280, 0.427, 0.507, 0.538},
            NOTEBOOK_CNN = {0.714, 0.752, 0.777, 0.789, 0.800};

    private final LabViewModel lab;

    /** The lab on the workbench's data; a net it trains or opens with convolutions goes to the workbench's feature maps. */
    public TrainingLab(LabViewModel lab, Workbench bench) {
        this.lab = lab;
        lab.onDone(run -> {
            if (run.net().layers().stream().noneMatch(l -> l instanceof Layer.Conv)) return;
            // the other views read Fashion-MNIST: a net for other pictures goes to the feature maps alone, with them
            if (Arrays.equals(run.net().input(), CourseNets.FASHION)) bench.setNetwork(run.network(), source(run));
            else if (run.data() != null)
                bench.otherPicturesProperty()
                        .set(new Workbench.OtherPictures(
                                run.network(),
                                source(run),
                                run.data().test(),
                                run.data().classes()));
        });
    }

    /** Where a run's net comes from, for the views that look inside it: trained here, or opened from its file. */
    public static Workbench.Source source(Run run) {
        if (run.file() == null) return new Workbench.Source("maps.sourceTrained", run.name());
        return new Workbench.Source(
                run.network().normalizesInputs() ? "maps.sourceFileNormalized" : "maps.sourceFile", run.file());
    }

    /** The app's training lab. */
    public static TrainingLab of(AppContext ctx) {
        PictureData data =
                new PictureData(ctx.workbench(), ctx.userDirs().datasets().resolve(RemoteSet.CIFAR10.name()));
        LabViewModel lab = new LabViewModel(data, ctx.tasks(), Platform::runLater, ctx.i18n(), ctx::trainingThreads);
        return new TrainingLab(lab, ctx.workbench());
    }

    /**
     * Trains on other pictures from now on (CIFAR-10, the student's folder, Fashion-MNIST again): the edited net is
     * fitted to their shape and classes, or the lab's first net where it cannot be.
     */
    public void use(PictureData.Source source) {
        PictureData data = (PictureData) lab.data();
        data.sourceProperty().set(source);
        refit();
    }

    /** Trains on a folder of the student's pictures, one sub-folder per class. */
    public void useFolder(Path folder) throws DataException {
        ((PictureData) lab.data()).useFolder(folder);
        refit();
    }

    private void refit() {
        Net edited = lab.editor().table().ok() ? lab.editor().net() : null;
        lab.editor().input(lab.data().input());
        try {
            lab.editor()
                    .set(
                            edited != null
                                    ? lab.data().fit(edited)
                                    : lab.data().presets().get(0).net());
        } catch (ComputeException e) { // the edited net does not fit these pictures: start from the lab's own
            lab.editor().set(lab.data().presets().get(0).net());
        }
    }

    public LabViewModel lab() {
        return lab;
    }

    /** The demo's settings: the course's CNN with 16 filters, Adam at 0.002, batches of 64, two epochs. */
    public void demoSettings() {
        lab.editor().set(lab.data().presets().get(0).net());
        lab.optimizerProperty().set(Training.Optimizer.ADAM);
        lab.lrProperty().set(DEMO_LR);
        lab.batchProperty().set(DEMO_BATCH);
        lab.epochsProperty().set(DEMO_EPOCHS);
    }

    /** The MLP, then the edited CNN (or the demo's, if the edited net is the MLP), with the edited training settings. */
    public void compare() {
        lab.enqueue(() -> {
            Net edited = lab.editor().net();
            boolean cnn = edited.layers().stream().anyMatch(l -> l instanceof Layer.Conv);
            Net second = cnn ? edited : lab.data().presets().get(0).net();
            return List.of(
                    new RunPlan(lab.data().fit(CourseNets.mlp(0)), lab.training(), lab.feed()),
                    new RunPlan(second, lab.training(), lab.feed()));
        });
    }

    /**
     * The course notebook's own experiment, five epochs each: the MLP with SGD at 0.001 and the CNN with 32 filters,
     * Adam at 0.0001 (53.8% and 80.0% there), both in batches of 256: the notebook sets batch_size = 64, but its data
     * loader batches 256 images, as its log's 6,656 = 100·64 + 256 shows.
     */
    public void courseComparison() {
        Trainer.Feed feed = new Trainer.Feed(lab.limitProperty().get(), null);
        lab.enqueue(() -> List.of(
                new RunPlan(
                        lab.data().fit(CourseNets.mlp(0)),
                        new Training(Training.Optimizer.SGD, 1e-3, 256, COURSE_EPOCHS, 42),
                        feed,
                        NOTEBOOK_MLP),
                new RunPlan(
                        lab.data().fit(CourseNets.cnn()),
                        new Training(Training.Optimizer.ADAM, 1e-4, 256, COURSE_EPOCHS, 42),
                        feed,
                        NOTEBOOK_CNN)));
    }

    /**
     * The overfitting experiment: the course's CNN on 1,000 training images for 40 epochs (Adam 0.001, batches of 32),
     * plain, with dropout 0.5 before the classifier, and with augmentation: the gap between the training and the test
     * accuracy shows how much each one memorises.
     */
    public void overfittingExperiment() {
        Training t = new Training(Training.Optimizer.ADAM, 1e-3, 32, OVERFIT_EPOCHS, 42);
        Net plain = lab.data().fit(CourseNets.cnn()),
                dropped = lab.data().fit(CourseNets.cnn(32, 2, 0.5, CourseNets.DropoutAt.HIDDEN));
        lab.enqueue(() -> List.of(
                new RunPlan(plain, t, new Trainer.Feed(OVERFIT_IMAGES, null)),
                new RunPlan(dropped, t, new Trainer.Feed(OVERFIT_IMAGES, null)),
                new RunPlan(plain, t, new Trainer.Feed(OVERFIT_IMAGES, Augment.Settings.COURSE))));
    }
}
