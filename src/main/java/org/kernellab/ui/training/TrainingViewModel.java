package org.kernellab.ui.training;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.Augment;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.compute.Problem;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.NetSpec;
import org.kernellab.data.DataException;
import org.kernellab.model.Network;
import org.kernellab.model.NetworkFile;
import org.kernellab.model.Trainer;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Workbench;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.viewmodel.Pauser;
import org.kernellab.ui.training.Run.Point;
import org.kernellab.ui.training.Run.Status;

/**
 * The training lab's state: the architecture being edited (with every layer's shape and the parameter count,
 * live), the runs (queued, training, done) with their loss and accuracy curves, and the results of the run
 * picked. Training runs one at a time as background work that can pause, resume and cancel within a batch.
 */
public final class TrainingViewModel {
    /** Progress and the loss points since the last post (each the mean over 1/25 epoch) are posted at most this often. */
    static final long POST_NANOS = 500_000_000L;
    /** The demo default: the course's CNN shape with 16 filters, which reaches 88% in about 25 s of training here. */
    public static final int DEMO_FILTERS = 16, DEMO_BATCH = 64, DEMO_EPOCHS = 2;
    public static final String DEMO_LR = "0.002";
    static final int COURSE_EPOCHS = 5;

    public final ObjectProperty<NetSpec.Kind> kind = new SimpleObjectProperty<>(NetSpec.Kind.CNN);
    public final ObjectProperty<Integer> filters = new SimpleObjectProperty<>(DEMO_FILTERS);
    public final IntegerProperty blocks = new SimpleIntegerProperty(2);
    public final BooleanProperty dropoutOn = new SimpleBooleanProperty(false);
    public final DoubleProperty dropout = new SimpleDoubleProperty(0.25);
    public final ObjectProperty<NetSpec.DropoutAt> dropoutAt = new SimpleObjectProperty<>(NetSpec.DropoutAt.HIDDEN);
    /** Flip, turn and crop every training image afresh each epoch (the course's transforms without colour). */
    public final BooleanProperty augment = new SimpleBooleanProperty(false);
    public final ObjectProperty<NetSpec.Optimizer> optimizer = new SimpleObjectProperty<>(NetSpec.Optimizer.ADAM);
    public final StringProperty lr = new SimpleStringProperty(DEMO_LR);
    public final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(DEMO_BATCH);
    public final IntegerProperty epochs = new SimpleIntegerProperty(DEMO_EPOCHS);
    /** Train on only this many images (0: all of them), for a quick look. */
    public final ObjectProperty<Integer> limit = new SimpleObjectProperty<>(0);

    private final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Run> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Status> currentStatus = new ReadOnlyObjectWrapper<>();
    private final Deque<Run> queue = new ArrayDeque<>();
    private final TaskRunner tasks;
    private final Executor fx;
    private final I18n i18n;
    private final Workbench bench;
    private TaskRunner.Handle handle;
    private Pauser pauser;
    private String openedBy;

    /** @param fx runs updates from the training thread on the FX thread ({@code Platform::runLater}; in tests, in place) */
    public TrainingViewModel(TaskRunner tasks, Executor fx, I18n i18n, Workbench bench) {
        this.tasks = tasks;
        this.fx = fx;
        this.i18n = i18n;
        this.bench = bench;
        Observable[] edits = {kind, filters, blocks, dropoutOn, dropout, dropoutAt, optimizer, lr, batch, epochs};
        for (Observable o : edits) o.addListener(x -> summary.set(summarize()));
        summary.set(summarize());
        javafx.beans.value.ChangeListener<Status> follow = (o, was, now) -> currentStatus.set(now);
        current.addListener((o, was, now) -> {
            if (was != null) was.status.removeListener(follow);
            if (now != null) now.status.addListener(follow);
            currentStatus.set(now == null ? null : now.status.get());
        });
    }

    /** The status of the run training now (running or paused), null when idle. */
    public ReadOnlyObjectProperty<Status> currentStatusProperty() { return currentStatus.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Summary> summaryProperty() { return summary.getReadOnlyProperty(); }

    public Summary summary() { return summary.get(); }

    public ObservableList<Run> runs() { return runs; }

    /** The run whose results (confusion matrix, errors) are shown. */
    public ObjectProperty<Run> selectedProperty() { return selected; }

    /** The run training now (or paused), null when idle. */
    public ReadOnlyObjectProperty<Run> currentProperty() { return current.getReadOnlyProperty(); }

    /** The last thing to tell the student that is not a run's own status (a save or a load). */
    public ReadOnlyObjectProperty<Problem> noticeProperty() { return notice.getReadOnlyProperty(); }

    private Summary summarize() {
        try {
            NetSpec spec = spec(kind.get());
            List<Summary.Layer> layers = new ArrayList<>();
            long total = 0;
            for (LayerChain.Result r : spec.summary()) {
                layers.add(new Summary.Layer(r.pytorch(), r.shape(), r.parameters()));
                total += r.parameters();
            }
            return new Summary(layers, total, null);
        } catch (ComputeException e) {
            return new Summary(List.of(), 0, e.problem());
        }
    }

    /** The edited settings as a spec for a net of this kind; throws ComputeException naming what is wrong. */
    public NetSpec spec(NetSpec.Kind k) {
        double rate;
        try {
            rate = Double.parseDouble(lr.get().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ComputeException("train.badLrText", lr.get());
        }
        NetSpec.DropoutAt at = k == NetSpec.Kind.MLP ? NetSpec.DropoutAt.HIDDEN : dropoutAt.get(); // the MLP has no conv blocks
        return new NetSpec(k, filters.get(), blocks.get(), dropoutOn.get() ? dropout.get() : 0, at, optimizer.get(), rate, batch.get(), epochs.get(),
                42);
    }

    /** The demo's settings: the course's CNN with 16 filters, Adam at 0.002, batches of 64, two epochs. */
    public void demoSettings() {
        kind.set(NetSpec.Kind.CNN);
        filters.set(DEMO_FILTERS);
        blocks.set(2);
        dropoutOn.set(false);
        optimizer.set(NetSpec.Optimizer.ADAM);
        lr.set(DEMO_LR);
        batch.set(DEMO_BATCH);
        epochs.set(DEMO_EPOCHS);
    }

    /** Queues a run of the edited net. */
    public void train() { enqueue(() -> List.of(edited(spec(kind.get())))); }

    /** The MLP, then the CNN, with the edited training settings, drawn on the same charts. */
    public void compare() { enqueue(() -> List.of(edited(spec(NetSpec.Kind.MLP)), edited(spec(NetSpec.Kind.CNN)))); }

    /**
     * A run to queue: the net, how many training images (0: all), whether they are augmented, and the test accuracy
     * per epoch that the course's notebook printed for the same settings (empty when it has none).
     */
    record Plan(NetSpec spec, int limit, boolean augment, double[] notebook) {
        Plan(NetSpec spec, int limit, boolean augment) { this(spec, limit, augment, new double[0]); }
    }

    /** The notebook's printed test accuracy after epochs 1 to 5 (course material 001). */
    static final double[] NOTEBOOK_MLP = {0.100, 0.280, 0.427, 0.507, 0.538}, NOTEBOOK_CNN = {0.714, 0.752, 0.777, 0.789, 0.800};

    private Plan edited(NetSpec spec) { return new Plan(spec, limit.get(), augment.get()); }

    /** The overfitting experiment's training set and length: few images, many epochs, so that memorising shows. */
    public static final int OVERFIT_IMAGES = 1_000, OVERFIT_EPOCHS = 40;

    /**
     * The overfitting experiment: the course's CNN on 1,000 training images for 40 epochs (Adam 0.001, batches of 32),
     * plain, with dropout 0.5 before the classifier, and with augmentation: the gap between the training and the test
     * accuracy shows how much each one memorises.
     */
    public void overfittingExperiment() {
        NetSpec plain = new NetSpec(NetSpec.Kind.CNN, 32, 2, 0, NetSpec.Optimizer.ADAM, 1e-3, 32, OVERFIT_EPOCHS, 42);
        NetSpec dropped = new NetSpec(NetSpec.Kind.CNN, 32, 2, 0.5, NetSpec.Optimizer.ADAM, 1e-3, 32, OVERFIT_EPOCHS, 42);
        enqueue(() -> List.of(new Plan(plain, OVERFIT_IMAGES, false), new Plan(dropped, OVERFIT_IMAGES, false),
                new Plan(plain, OVERFIT_IMAGES, true)));
    }

    /**
     * The course notebook's own experiment, five epochs each: the MLP with SGD at 0.001 in batches of 64 (53.8% there)
     * and the CNN with 32 filters, Adam at 0.0001 in batches of 256 (80.0% there).
     */
    public void courseComparison() {
        // the notebook sets batch_size = 64, but its data loader batches 256 images: its log's 6,656 = 100·64 + 256
        NetSpec mlp = new NetSpec(NetSpec.Kind.MLP, 0, 0, 0, NetSpec.Optimizer.SGD, 1e-3, 256, COURSE_EPOCHS, 42);
        NetSpec cnn = new NetSpec(NetSpec.Kind.CNN, 32, 2, 0, NetSpec.Optimizer.ADAM, 1e-4, 256, COURSE_EPOCHS, 42);
        enqueue(() -> List.of(new Plan(mlp, limit.get(), false, NOTEBOOK_MLP), new Plan(cnn, limit.get(), false, NOTEBOOK_CNN)));
    }

    private void enqueue(java.util.function.Supplier<List<Plan>> plans) {
        List<Run> add = new ArrayList<>();
        try {
            for (Plan plan : plans.get()) {
                Run run = new Run(runs.size() + add.size() + 1, plan.spec(), plan.limit(), plan.augment());
                for (int e = 0; e < plan.notebook().length; e++) run.notebook.add(new Point(e + 1, plan.notebook()[e]));
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
        bench.withData(data -> start(run, data));
    }

    private void start(Run run, FashionMnist.Loaded data) {
        if (run.status.get() == Status.CANCELLED) { // cancelled while the data was loading
            next();
            return;
        }
        run.status.set(Status.RUNNING);
        Pauser p = new Pauser();
        pauser = p;
        int n = run.limit > 0 ? Math.min(run.limit, data.train().size()) : data.train().size();
        int perEpoch = (n + run.spec.batch() - 1) / run.spec.batch();
        handle = tasks.run(i18n.tr("train.task", run.name()), ctx -> {
            Trainer.useThreads(1); // the other core draws the charts
            Network net = Network.build(run.spec);
            double[] lossSum = new double[2];
            long[] posted = {System.nanoTime()};
            List<Point> points = new ArrayList<>();
            double seconds = Trainer.train(net, data.train(), data.test(), run.limit, run.augment ? Augment.Settings.COURSE : null,
                    new Trainer.Listener() {
                @Override public void batch(Trainer.Batch b) {
                    lossSum[0] += b.loss();
                    lossSum[1]++;
                    // the curve gets a point every 1/25 epoch, the window a few updates a second: each update
                    // repaints charts and bars, and on a software renderer that costs the CPU the training needs
                    boolean end = b.done() % perEpoch == 0;
                    if (lossSum[1] >= Math.max(8, perEpoch / 25) || end) { // at least 8 batches a point: small sets stay readable
                        points.add(new Point(b.done() / (double) perEpoch, lossSum[0] / lossSum[1]));
                        lossSum[0] = lossSum[1] = 0;
                    }
                    long now = System.nanoTime();
                    if (points.isEmpty() || now - posted[0] < POST_NANOS && !end) return;
                    posted[0] = now;
                    ctx.progress(b.done(), b.total());
                    List<Point> shown = List.copyOf(points);
                    points.clear();
                    fx.execute(() -> run.batch(shown, b));
                }

                @Override public void epoch(Trainer.Epoch e) { fx.execute(() -> run.epoch(e)); }

                @Override public boolean cancelled() { return p.await() || ctx.cancelled(); }
            });
            if (ctx.cancelled() || p.cancelled()) {
                net.close();
                fx.execute(() -> finish(run, Status.CANCELLED));
                return null;
            }
            return new Trained(net, seconds);
        }, result -> {
            if (result == null) return;
            run.network = result.net();
            run.seconds.set(result.seconds());
            finish(run, Status.DONE);
            if (run.spec.kind() == NetSpec.Kind.CNN) bench.setNetwork(run.network, new Workbench.Source("maps.sourceTrained", run.name()));
        }, error -> {
            run.problem = error instanceof ComputeException c ? c.problem() : new Problem("train.failed", String.valueOf(error.getMessage()));
            notice.set(run.problem);
            finish(run, Status.FAILED);
        });
    }

    private void finish(Run run, Status status) {
        if (run.status.get() == Status.DONE || run.status.get() == Status.FAILED) return;
        run.status.set(status);
        if (status == Status.DONE) selected.set(run);
        if (current.get() == run) next();
    }

    /** True when the lab is opened for another lesson than last time (its starting net then applies). */
    public boolean openedFor(String lesson) {
        boolean other = !lesson.equals(openedBy);
        openedBy = lesson;
        return other;
    }

    /** How many different architectures (kind, filters, blocks) have been trained to the end here. */
    public long architecturesTrained() {
        return runs.stream().filter(r -> r.file == null && r.status.get() == Status.DONE)
                .map(r -> r.spec.kind() == NetSpec.Kind.MLP ? "mlp" : r.spec.filters() + "x" + r.spec.blocks()).distinct().count();
    }

    /** Pauses or resumes the run training now. */
    public void togglePause() {
        Run run = current.get();
        if (run == null || pauser == null) return;
        boolean pause = run.status.get() == Status.RUNNING;
        pauser.set(pause);
        run.status.set(pause ? Status.PAUSED : Status.RUNNING);
    }

    /** Stops the run training now within one batch, and drops the queued ones. */
    public void cancel() {
        for (Run r : queue) r.status.set(Status.CANCELLED);
        queue.clear();
        Run run = current.get();
        if (run == null) return;
        if (pauser != null) pauser.cancel();
        if (handle != null) handle.cancel();
        if (run.status.get() == Status.QUEUED) run.status.set(Status.CANCELLED);
    }

    /** Saves the selected run's network (written through a temporary file). */
    public void save(Path file) {
        Run run = selected.get();
        if (run == null || run.network == null) return;
        tasks.run(i18n.tr("train.saving", file.getFileName()), ctx -> {
            NetworkFile.save(run.network, file);
            return file;
        }, f -> notice.set(new Problem("train.saved", f.getFileName())),
                e -> notice.set(new Problem("train.cannotSave", file.getFileName(), DataException.why(e))));
    }

    /** Loads a saved network, tests it on the test set and lists it as a run; a damaged file gives a message. */
    public void load(Path file) {
        bench.withData(data -> tasks.run(i18n.tr("train.loading", file.getFileName()), ctx -> {
            Network net = NetworkFile.load(file);
            return new Tested(net, Trainer.evaluate(net, data.test()));
        }, r -> {
            Network net = r.net();
            Run run = new Run(runs.size() + 1, net.spec(), 0, false);
            run.file = file.getFileName().toString();
            run.network = net;
            run.evaluation.set(r.evaluation());
            run.status.set(Status.DONE);
            runs.add(run);
            selected.set(run);
            notice.set(null);
            if (net.spec().kind() == NetSpec.Kind.CNN) bench.setNetwork(net, new Workbench.Source("maps.sourceFile", run.file));
        }, e -> notice.set(Problem.of(e))));
    }

    /** What a finished run's work hands back: the net and its training time (null when cancelled). */
    private record Trained(Network net, double seconds) {}

    /** A loaded net and its answers on the test set. */
    private record Tested(Network net, Trainer.Evaluation evaluation) {}

}
