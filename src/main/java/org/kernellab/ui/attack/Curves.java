package org.kernellab.ui.attack;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.Problem;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Robustness;
import org.kernellab.model.Samples;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.task.Work;
import org.kernellab.ui.task.WorkContext;

/**
 * Robustness curves: a net's test accuracy against ε, measured in the background with progress; for the chapter's net,
 * for the course's MLP trained here, and for the course's CNN trained here on FGSM examples (adversarial training), so
 * that the curves stand side by side. The nets trained here are kept while the app runs.
 */
public final class Curves {
    /** The ε of every curve, and the adversarial training's. */
    public static final double[] EPS = {0, 0.02, 0.05, 0.1, 0.15, 0.2};

    public static final double TRAIN_EPS = 0.1;
    /** The nets trained here: Adam at 0.001, batches of 64, two epochs, as the course trains. */
    static final int EPOCHS = 2;

    /** One curve: whose, by which attack, over how many test pictures. */
    public record Curve(String name, boolean pgd, Robustness.Curve values) {}

    private final ExplainInput input;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ObservableList<Curve> curves = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> limit = new SimpleObjectProperty<>(1000);
    private final BooleanProperty pgd = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final List<TaskRunner.Handle> running = new ArrayList<>();

    public Curves(ExplainInput input, TaskRunner tasks, I18n i18n) {
        this.input = input;
        this.tasks = tasks;
        this.i18n = i18n;
    }

    /** The curve of the chapter's net. */
    public void measureCurrent() {
        Network net = input.networkProperty().get();
        Workbench.Source s = input.workbench().sourceProperty().get();
        FashionMnist.Loaded data = input.workbench().dataProperty().get();
        if (net == null || s == null || data == null) return;
        String name = i18n.tr(s.key(), s.detail());
        Setup setup = setup(data);
        start(i18n.tr("attack.measuring", name), w -> measure(net, name, setup, w));
    }

    /** The course's MLP trained here on the chapter's data, then its curve. */
    public void trainMlp() {
        train(CourseNets.mlp(0), 0, i18n.tr("attack.mlpName"));
    }

    /** The course's CNN trained here on its pictures and their FGSM examples, then its curve. */
    public void trainAdversarial() {
        train(CourseNets.cnn(), TRAIN_EPS, i18n.tr("attack.adversarialName", TRAIN_EPS));
    }

    private void train(Net net, double adversarial, String name) {
        FashionMnist.Loaded data = input.workbench().dataProperty().get();
        if (data == null) return;
        Setup setup = setup(data);
        start(i18n.tr("attack.training", name), w -> {
            try (Network n = Network.build(net, Training.adam(1e-3, 64, EPOCHS))) {
                n.threads(Runtime.getRuntime().availableProcessors());
                Trainer.train(
                        n,
                        Samples.of(setup.data().train()),
                        Samples.of(setup.data().test()).first(1),
                        new Trainer.Feed(0, null, adversarial),
                        new Trainer.Listener() {
                            @Override
                            public void epoch(Trainer.Epoch e) {}

                            @Override
                            public void batch(Trainer.Batch b) {
                                w.progress(b.done(), 2.0 * b.total()); // training is the first half of the work
                            }

                            @Override
                            public boolean cancelled() {
                                return w.cancelled();
                            }
                        });
                return w.cancelled() ? null : measure(n, name, setup, w);
            }
        });
    }

    /** What a measurement reads, taken on the FX thread when it is asked for: a later change of settings is another's. */
    private record Setup(FashionMnist.Loaded data, boolean pgd, int limit) {}

    private Setup setup(FashionMnist.Loaded data) {
        return new Setup(data, pgd.get(), limit.get());
    }

    private Curve measure(Network net, String name, Setup s, WorkContext w) {
        boolean p = s.pgd();
        Robustness.Curve c =
                Robustness.of(net, Samples.of(s.data().test()), s.limit(), EPS, p ? 10 : 0, new Robustness.Progress() {
                    @Override
                    public void done(long work, long total) {
                        w.progress(work, total);
                    }

                    @Override
                    public boolean cancelled() {
                        return w.cancelled();
                    }
                });
        return c == null ? null : new Curve(name, p, c);
    }

    /** Runs beside any other under way (each is listed, with its progress and cancel, in the status bar). */
    private void start(String title, Work<Curve> work) {
        problem.set(null);
        running.removeIf(TaskRunner.Handle::isDone);
        running.add(tasks.run(
                title,
                work,
                c -> {
                    if (c != null) curves.add(c);
                },
                e -> problem.set(Problem.of(e))));
    }

    public void clear() {
        curves.clear();
    }

    /** Stops the measurements and trainings under way. */
    public void cancel() {
        running.forEach(TaskRunner.Handle::cancel);
    }

    public ObservableList<Curve> curves() {
        return curves;
    }

    public ObjectProperty<Integer> limitProperty() {
        return limit;
    }

    public BooleanProperty pgdProperty() {
        return pgd;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
