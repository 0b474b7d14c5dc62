package org.kernellab.ui.train3d;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Problem;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.model.Net3DSpec;
import org.kernellab.model.Network3D;
import org.kernellab.model.Trainer;
import org.kernellab.model.Trainer3D;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.viewmodel.Pauser;

/**
 * The 3D lab's state: the data (the built-in stand-ins or a ModelNet folder, voxelised in the background), the net (the
 * course's Conv3DNet or the exercise's modified one) with its layer shapes, and the runs: each trains in the background
 * with its curves, speed and time left, can pause and cancel within a batch, and ends with its confusion matrix and
 * mistakes. Runs stay listed so that the two nets compare.
 */
public final class Train3DViewModel {
    public enum Net { COURSE, MODIFIED, YOURS }


    /** The exercise's target: the features of a batch of 32 after the last convolution. */
    public static final int[] TARGET = {32, 128, 4, 4, 4};

    public enum Status { LOADING, RUNNING, PAUSED, DONE, CANCELLED, FAILED }

    /** A mistake on a test object: which, its class, the guess and how sure the net was. */
    public record Mistake(int test, int actual, int predicted, float confidence) {}


    public final IntegerProperty classes = new SimpleIntegerProperty(4); // the notebook's NUM_CLASSES
    public final ObjectProperty<Net> net = new SimpleObjectProperty<>(Net.COURSE);
    public final IntegerProperty epochs = new SimpleIntegerProperty(5);
    public final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(32);
    public final StringProperty lr = new SimpleStringProperty("0.001");
    /** A ModelNet folder, or null for the built-in objects. */
    public final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    /** The student's own net, block by block; it starts as the course's. */
    public final List<BlockEdit> yours = Net3DSpec.course().stream().map(BlockEdit::new).toList();
    private final ReadOnlyObjectWrapper<Object> checked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> notice = new ReadOnlyObjectWrapper<>();

    private final ObservableList<Run3D> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Run3D> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Run3D> shown = new ReadOnlyObjectWrapper<>();
    private final TaskRunner tasks;
    private final Executor fx;
    private final Path cache;
    private TaskRunner.Handle handle;
    private Pauser pauser = new Pauser();

    /** @param cache where voxelised folders are kept (null: none) */
    public Train3DViewModel(TaskRunner tasks, Executor fx, Path cache) {
        this.tasks = tasks;
        this.fx = fx;
        this.cache = cache;
    }

    public ObservableList<Run3D> runs() { return runs; }

    /** The run training now, null when idle. */
    public ReadOnlyObjectProperty<Run3D> currentProperty() { return current.getReadOnlyProperty(); }

    /** The run whose results are shown: the last one to finish. */
    public ReadOnlyObjectProperty<Run3D> shownProperty() { return shown.getReadOnlyProperty(); }

    /** The last thing to say about a save or a load, null when there is none. */
    public ReadOnlyObjectProperty<Problem> noticeProperty() { return notice.getReadOnlyProperty(); }

    /** Saves the shown run's network (written atomically, as the 2D lab's). */
    public void save(Path file) {
        Run3D run = shown.get();
        if (run == null || run.network == null) return;
        tasks.run("3D: " + file.getFileName(), work -> {
            org.kernellab.model.NetworkFile.save(run.network, file);
            return file;
        }, f -> notice.set(new Problem("train.saved", f.getFileName())),
                e -> notice.set(new Problem("train.cannotSave", file.getFileName(), org.kernellab.data.DataException.why(e))));
    }

    /** Loads a saved 3D network, tests it on the data for its classes and lists it as a run; a bad file says why. */
    public void load(Path file) {
        Path from = folder.get();
        tasks.run("3D: " + file.getFileName(), work -> {
            Network3D net = org.kernellab.model.NetworkFile.load3d(file);
            Net3DSpec s = net.spec();
            ModelNetData.Settings settings = new ModelNetData.Settings(s.classes(), s.grid(), 2048, 1, false);
            VoxelSet data = from == null ? ModelNetData.builtIn(settings, (d, t) -> work.progress(d, t), work::cancelled)
                    : ModelNetData.folder(from, settings, cache, (d, t) -> work.progress(d, t), work::cancelled);
            Trainer.Evaluation e = Trainer3D.evaluate(net, data);
            net.releaseBuffers();
            return new Object[] {net, data, e};
        }, r -> {
            Network3D net = (Network3D) r[0];
            Run3D run = new Run3D(runs.size() + 1, Net.YOURS, net.spec());
            run.network = net;
            run.data = (VoxelSet) r[1];
            run.file = file.getFileName().toString();
            run.evaluation.set((Trainer.Evaluation) r[2]);
            run.status.set(Status.DONE);
            runs.add(run);
            shown.set(run);
            notice.set(null);
        }, e -> notice.set(Problem.of(e)));
    }

    /** The edited net, or a {@link ComputeException} saying what is wrong. */
    public Net3DSpec spec() {
        double rate;
        try {
            rate = Double.parseDouble(lr.get().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ComputeException("train.badLrText", lr.get());
        }
        List<Net3DSpec.Block> blocks = switch (net.get()) {
            case COURSE -> Net3DSpec.course();
            case MODIFIED -> Net3DSpec.modified();
            case YOURS -> yours.stream().map(BlockEdit::block).toList();
        };
        return new Net3DSpec(blocks, 24, classes.get(), 0.5, rate, batch.get(), epochs.get(), 1);
    }

    /** The layers of the edited net with their shapes and parameters, from the compute core. */
    public List<LayerChain.Result> layers() { return spec().summary(); }

    /**
     * The last check of the edited net against the exercise: the features' shape ND4J gave (an int[] with the batch of
     * 32), or the {@link Problem} why the net gives none. Null before a check.
     */
    public ReadOnlyObjectProperty<Object> checkedProperty() { return checked.getReadOnlyProperty(); }

    /** Whether a checked shape is the exercise's [32, 128, 4, 4, 4]. */
    public static boolean solves(Object checked) { return checked instanceof int[] s && java.util.Arrays.equals(s, TARGET); }

    /**
     * Runs the edited convolutions and poolings with ND4J on two random 24³ volumes (in the background) and reports the
     * features' shape for a batch of 32: the answer is whatever shape the library computes, so any net that reaches
     * [32, 128, 4, 4, 4] is right, not only the course's.
     */
    public void checkTarget() {
        List<Net3DSpec.Block> blocks;
        try {
            blocks = spec().blocks();
        } catch (ComputeException e) {
            checked.set(e.problem());
            return;
        }
        checked.set(null);
        tasks.run("3D: [32,128,4,4,4]?", work -> {
            java.util.Random rnd = new java.util.Random(1);
            Tensor x = Tensor.zeros(2, 1, 24, 24, 24);
            for (int i = 0; i < x.size(); i++) x.data()[i] = rnd.nextDouble() < 0.1 ? 1 : 0;
            for (Net3DSpec.Block b : blocks) {
                int k = b.kernel();
                Tensor w = Tensor.zeros(b.out(), x.dim(1), k, k, k);
                for (int i = 0; i < w.size(); i++) w.data()[i] = rnd.nextGaussian();
                x = NdOps.conv(x, w, null, Window.cubic(3, k, b.stride(), b.padding(), 1));
                if (b.pool()) x = NdOps.pool(x, PoolMode.MAX, Window.cubic(3, 2, 2, 0, 1));
            }
            int[] shape = x.shape();
            shape[0] = TARGET[0]; // the batch only sets the first number
            return shape;
        }, shape -> checked.set(shape), error -> checked.set(Problem.of(error)));
    }

    /** Starts a run: the data are voxelised first (in the background) if needed, then the net trains. */
    public Run3D train() {
        if (current.get() != null) return current.get();
        Net3DSpec spec = spec();
        Run3D run = new Run3D(runs.size() + 1, net.get(), spec);
        runs.add(run);
        current.set(run);
        Pauser p = new Pauser(); // one per run, so that cancelling one never stops the next
        pauser = p;
        ModelNetData.Settings settings = new ModelNetData.Settings(spec.classes(), spec.grid(), 2048, 1, false);
        Path from = folder.get();
        handle = tasks.run("3D: " + name(run), work -> {
            Trainer.useThreads(1); // one lane: the other core draws the window
            VoxelSet data = from == null ? ModelNetData.builtIn(settings, (d, t) -> work.progress(d, 2L * t), work::cancelled)
                    : ModelNetData.folder(from, settings, cache, (d, t) -> work.progress(d, 2L * t), work::cancelled);
            if (data.classes().size() < spec.classes()) throw new ComputeException("cli.fewClasses", spec.classes(), data.classes().size());
            fx.execute(() -> {
                run.data = data;
                run.status.set(Status.RUNNING);
            });
            int perEpoch = (data.trainSize() + spec.batch() - 1) / spec.batch();
            Network3D network = new Network3D(spec);
            try {
                double[] sum = new double[2];
                Trainer3D.train(network, data, new Trainer.Listener() {
                    @Override public void batch(Trainer.Batch b) {
                        sum[0] += b.loss();
                        sum[1]++;
                        work.progress(b.total() + b.done(), 2L * b.total());
                        if (sum[1] < Math.max(1, perEpoch / 10) && b.done() % perEpoch != 0) return;
                        double[] point = {b.done() / (double) perEpoch, sum[0] / sum[1]};
                        sum[0] = sum[1] = 0;
                        double[] p = {b.done() / (double) b.total(), b.imagesPerSecond(), b.secondsLeft(), b.epoch()};
                        fx.execute(() -> {
                            run.loss.add(point);
                            run.progress.set(p);
                        });
                    }

                    @Override public void epoch(Trainer.Epoch e) {
                        fx.execute(() -> {
                            run.accuracy.add(new double[] {e.epoch(), e.trainAccuracy(), e.testAccuracy()});
                            run.evaluation.set(e.test());
                        });
                    }

                    @Override public boolean cancelled() { return p.await() || work.cancelled(); }
                });
            } catch (RuntimeException e) {
                network.close();
                throw e;
            }
            if (p.cancelled() || work.cancelled()) {
                network.close();
                return false;
            }
            fx.execute(() -> run.network = network); // kept for saving
            return true;
        }, finished -> end(run, finished ? Status.DONE : Status.CANCELLED), error -> {
            run.problem = Problem.of(error);
            end(run, Status.FAILED);
        });
        return run;
    }

    /** Shows a finished run's results (a run chosen in the runs table). */
    public void show(Run3D run) { if (run.evaluation.get() != null) shown.set(run); }

    /** Pauses the run training now, or resumes it. */
    public void togglePause() {
        Run3D run = current.get();
        if (run == null || run.status.get() == Status.LOADING) return;
        pauser.set(!pauser.paused());
        run.status.set(pauser.paused() ? Status.PAUSED : Status.RUNNING);
    }

    /** Stops the run within one batch. */
    public void cancel() {
        pauser.cancel();
        if (handle != null) handle.cancel();
    }

    private void end(Run3D run, Status status) {
        run.status.set(status);
        if (current.get() == run) current.set(null);
        if (status == Status.DONE) shown.set(run);
    }

    /** "#2 course net" / "#2 modified net". */
    public static String name(Run3D run) {
        if (run.file != null) return "#" + run.number + " " + run.file;
        return "#" + run.number + " " + switch (run.net) {
            case COURSE -> "Conv3DNet";
            case MODIFIED -> "modified";
            case YOURS -> "yours";
        };
    }

    /** The first {@code n} test objects the shown run got wrong, the surest first. */
    public List<Mistake> mistakes(int n) {
        Run3D run = shown.get();
        if (run == null || run.evaluation.get() == null) return List.of();
        Trainer.Evaluation e = run.evaluation.get();
        List<Mistake> all = new ArrayList<>();
        for (int i = 0; i < e.predicted().length; i++) {
            int actual = run.data.testLabels()[i];
            if (e.predicted()[i] != actual) all.add(new Mistake(i, actual, e.predicted()[i], e.confidence()[i]));
        }
        all.sort((a, b) -> Float.compare(b.confidence(), a.confidence()));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The voxel viewer's parameters that show test object {@code test} of a run's data. */
    public static java.util.Map<String, Object> viewerParams(Run3D run, int test) {
        VoxelSet d = run.data;
        if (!d.testFiles().isEmpty()) return java.util.Map.of("file", d.testFiles().get(test));
        int c = d.testLabels()[test], j = test % ModelNetData.BUILT_IN_TEST;
        return java.util.Map.of("class", c, "index", ModelNetData.BUILT_IN_TRAIN + j);
    }

    /** The name of class c in the data, ModelNet's folder name. */
    public static String className(Run3D run, int c) { return run.data == null ? ModelNetLike.CLASSES.get(c) : run.data.classes().get(c); }
}
