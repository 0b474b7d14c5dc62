package org.kernellab.ui.lab;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.Augment;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.task.TaskRunner;

/**
 * A lab's state, the training lab's and the 3D lab's alike: the net being edited, the training settings, and the runs
 * (queued, loading their data, training, done) with their curves and results. Runs train one at a time as background
 * work that can pause, resume and cancel within a batch; they go on while the student opens other lessons.
 */
public final class LabViewModel {
    private final LabData data;
    private final TaskRunner tasks;
    private final Executor fx;
    private final I18n i18n;
    private final IntSupplier threads;
    private final NetEditor editor;
    private final ObjectProperty<Training.Optimizer> optimizer = new SimpleObjectProperty<>(Training.Optimizer.ADAM);
    private final StringProperty lr = new SimpleStringProperty("0.002");
    private final IntegerProperty epochs = new SimpleIntegerProperty(2);
    /** The batch size, and how many samples to train on (0: all; fewer for a quick look). */
    private final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(64), limit = new SimpleObjectProperty<>(0);
    /** Flip, turn and crop every training picture afresh each epoch (the course's transforms without colour); FGSM too. */
    private final BooleanProperty augment = new SimpleBooleanProperty(false), adversarial = new SimpleBooleanProperty();

    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Run> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> notice = new ReadOnlyObjectWrapper<>();
    private final Deque<Run> queue = new ArrayDeque<>();
    private final RunTask runner;
    private final RunFiles files;
    private String openedBy;

    /**
     * @param fx      runs updates from the training thread on the FX thread ({@code Platform::runLater}; in tests, in place)
     * @param threads how many threads a run may use (the app's setting: one, the other core draws the window)
     */
    public LabViewModel(LabData data, TaskRunner tasks, Executor fx, I18n i18n, IntSupplier threads) {
        this.data = data;
        this.tasks = tasks;
        this.fx = fx;
        this.i18n = i18n;
        this.threads = threads;
        this.editor = new NetEditor(data.input(), data.presets().get(0).net());
        this.runner = new RunTask(tasks, fx, i18n, threads);
        this.files = new RunFiles(tasks, i18n, notice::set);
    }

    public LabData data() {
        return data;
    }

    public NetEditor editor() {
        return editor;
    }

    public ObservableList<Run> runs() {
        return runs;
    }

    /** The run whose results are shown. */
    public ObjectProperty<Run> selectedProperty() {
        return selected;
    }

    /** The run training now (or loading its data, or paused), null when idle. */
    public ReadOnlyObjectProperty<Run> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The last thing to tell the student that is not a run's own status (a save, a load, settings that make no run). */
    public ReadOnlyObjectProperty<Problem> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The edited training settings; throws ComputeException naming what is wrong. */
    public Training training() {
        double rate;
        try {
            rate = Double.parseDouble(lr.get().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ComputeException("train.badLrText", lr.get());
        }
        return new Training(optimizer.get(), rate, batch.get(), epochs.get(), 42);
    }

    /** How the edited settings feed the data: a limit, augmentation (Fashion-MNIST's pictures), FGSM examples at ε 0.1. */
    public Trainer.Feed feed() {
        return new Trainer.Feed(
                limit.get(), augment.get() ? Augment.Settings.COURSE : null, adversarial.get() ? 0.1 : 0);
    }

    /** Queues a run of the edited net. */
    public void train() {
        enqueue(() -> List.of(new RunPlan(editor.net(), training(), feed())));
    }

    /** Queues a run that trains the selected run's net (trained here or opened) on from its weights, with the edited settings. */
    public void trainFurther() {
        Run from = selected.get();
        if (from == null || from.network() == null) return;
        enqueue(() -> List.of(new RunPlan(from.net(), training(), feed(), new double[0], RunPlan.Start.of(from))));
    }

    /** Reads an opened run's pictures normalized or not ({@link RunFiles#normalize}) and tests it again. */
    public void normalize(Run run, boolean on) {
        files.normalize(run, on, () -> runner.announce(run));
    }

    /** Queues runs; settings that make no run (a net that does not fit, an unreadable learning rate) say why instead. */
    public void enqueue(Supplier<List<RunPlan>> plans) {
        List<Run> add = new ArrayList<>();
        try {
            for (RunPlan plan : plans.get()) {
                if (plan.net().classes() != data.classes())
                    throw new ComputeException("cli.netClasses", plan.net().classes(), data.classes());
                Run run = new Run(
                        runs.size() + add.size() + 1,
                        plan.net(),
                        plan.training(),
                        plan.feed(),
                        NetNames.of(plan.net(), data)
                                + (plan.start() == null
                                        ? ""
                                        : " ← #" + plan.start().from()));
                run.start = plan.start();
                for (int e = 0; e < plan.notebook().length; e++)
                    run.notebook.add(new Run.Point(e + 1, plan.notebook()[e]));
                add.add(run);
            }
        } catch (ComputeException e) {
            notice.set(e.problem());
            return;
        }
        notice.set(null);
        runs.addAll(add);
        queue.addAll(add);
        if (current.get() == null) next();
    }

    private void next() {
        Run run = queue.poll();
        current.set(run);
        if (run == null) return;
        data.prepare(loader -> {
            if (run.status.get() == Run.Status.CANCELLED) { // cancelled while waiting
                next();
                return;
            }
            runner.start(run, loader, this::finish);
        });
    }

    private void finish(Run run, Run.Status status) {
        if (run.status.get() == Run.Status.DONE || run.status.get() == Run.Status.FAILED) return;
        run.status.set(status);
        if (status == Run.Status.FAILED) notice.set(run.problem);
        if (status == Run.Status.DONE) selected.set(run);
        if (current.get() == run) next();
    }

    /** Pauses or resumes the run training now. */
    public void togglePause() {
        runner.togglePause(current.get());
    }

    /** Stops the run training now within one batch, and drops the queued ones. */
    public void cancel() {
        for (Run r : queue) r.status.set(Run.Status.CANCELLED);
        queue.clear();
        Run run = current.get();
        if (run != null) runner.cancel(run);
    }

    /** True when the lab is opened for another lesson or scene than last time (its starting settings then apply). */
    public boolean openedFor(String scene) {
        boolean other = !scene.equals(openedBy);
        openedBy = scene;
        return other;
    }

    /** How many different nets have been trained to the end here. */
    public long netsTrained() {
        return runs.stream()
                .filter(r -> r.file == null && r.status.get() == Run.Status.DONE)
                .map(r -> r.net)
                .distinct()
                .count();
    }

    /** Saves the selected run's net as a KernelLab model. */
    public void save(Path file) {
        files.save(selected.get(), file);
    }

    /** Writes the selected run's net as a PyTorch project into {@code folder}. */
    public void exportPyTorch(Path folder) {
        files.pyTorch(selected.get(), folder);
    }

    /** Writes the selected run's net as an ONNX model. */
    public void exportOnnx(Path file) {
        files.onnx(selected.get(), file);
    }

    /** Opens a saved net of any version or PyTorch's, tests it and lists it as a run; a bad file gives a message. */
    public void load(Path file, Consumer<Run> then) {
        data.prepare(loader -> tasks.run(
                i18n.tr("train.loading", file.getFileName()),
                work -> SavedNet.open(file, data, loader, work, threads.getAsInt()),
                saved -> {
                    Run run = saved.run(runs.size() + 1, file, data);
                    runs.add(run);
                    selected.set(run);
                    notice.set(null);
                    runner.announce(run);
                    then.accept(run);
                },
                e -> notice.set(Problem.of(e))));
    }

    /** The selected run's first {@code n} test samples it got wrong, the surest first. */
    public int[] mistakes(int n) {
        Run run = selected.get();
        if (run == null || run.evaluation.get() == null || run.data == null) return new int[0];
        return run.evaluation.get().surestMistakes(run.data.test(), n);
    }

    /** A class's name in the student's language, for a run's data. */
    public String className(Run run, int c) {
        return data.className(i18n, run.data, c);
    }

    /**
     * Called on the FX thread with each run that ends well, and each net opened from a file: what the lesson around the
     * lab does with it.
     */
    public void onDone(Consumer<Run> then) {
        runner.onDone(then);
    }

    Executor fx() {
        return fx;
    }

    public ObjectProperty<Training.Optimizer> optimizerProperty() {
        return optimizer;
    }

    public StringProperty lrProperty() {
        return lr;
    }

    public ObjectProperty<Integer> batchProperty() {
        return batch;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public ObjectProperty<Integer> limitProperty() {
        return limit;
    }

    public BooleanProperty augmentProperty() {
        return augment;
    }

    public BooleanProperty adversarialProperty() {
        return adversarial;
    }
}
