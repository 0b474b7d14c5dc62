package org.kernellab.ui.saliency;

import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Problem;
import org.kernellab.model.Network;
import org.kernellab.model.Saliency;
import org.kernellab.model.Samples;
import org.kernellab.model.SanityChecks;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.explain.Latest;
import org.kernellab.ui.task.TaskRunner;

/**
 * Which pixels made the net say what it said: a saliency map (gradient, gradient × input, Grad-CAM, occlusion) of the
 * chapter's picture for the predicted, the true or a chosen class, or every class side by side; and the sanity checks
 * that tell a map about the net from a map about the picture. Maps are computed in the background, the newest
 * settings winning.
 */
public final class SaliencyViewModel {
    /** Which class the map explains. */
    public enum Target {
        PREDICTED,
        TRUE,
        CHOSEN
    }

    /** A map of the picture, or one per class, or why there is none. */
    public record Result(ExplainInput.Picture picture, Saliency.Map map, List<Saliency.Map> all) {}

    /** The cascade's steps, and the shuffled-label net's map with its correlation (null until trained). */
    public record Sanity(Saliency.Method method, List<SanityChecks.Step> cascade, SanityChecks.Step shuffled) {}

    /** Training on shuffled labels: its images and epochs, enough for the net to learn nothing true about the pictures. */
    static final int SHUFFLED_IMAGES = 10_000, SHUFFLED_EPOCHS = 2;

    private final ExplainInput input;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final ObjectProperty<Saliency.Method> method = new SimpleObjectProperty<>(Saliency.Method.GRADCAM);
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.PREDICTED);
    private final IntegerProperty chosen = new SimpleIntegerProperty(0);
    private final IntegerProperty patch = new SimpleIntegerProperty(4), stride = new SimpleIntegerProperty(1);
    private final BooleanProperty overlay = new SimpleBooleanProperty(true), allClasses = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Sanity> sanity = new ReadOnlyObjectWrapper<>();
    private final Latest<Result> maps;
    private TaskRunner.Handle checking;
    private Network shuffledNet;

    public SaliencyViewModel(ExplainInput input, TaskRunner tasks, I18n i18n) {
        this.input = input;
        this.tasks = tasks;
        this.i18n = i18n;
        maps = new Latest<>(
                tasks,
                () -> i18n.tr("saliency.computing"),
                r -> {
                    problem.set(null);
                    result.set(r);
                },
                e -> problem.set(Problem.of(e)));
        // the sanity checks belong to the map they checked: another map, picture or net makes them stale
        for (var p : List.of(method, target, chosen, patch, stride)) p.addListener((o, a, b) -> changed());
        allClasses.addListener((o, a, b) -> update());
        life.onChange(input.pictureProperty(), p -> changed());
        life.onChange(input.networkProperty(), n -> {
            closeShuffled();
            changed();
        });
        update();
    }

    public void dispose() {
        life.end();
        maps.cancel();
        if (checking != null) checking.cancel();
        closeShuffled();
    }

    private void changed() {
        if (checking != null) checking.cancel();
        sanity.set(null);
        update();
    }

    private void closeShuffled() {
        if (shuffledNet != null) shuffledNet.close();
        shuffledNet = null;
    }

    private void update() {
        Network net = input.networkProperty().get();
        ExplainInput.Picture pic = input.pictureProperty().get();
        if (net == null || pic == null) {
            result.set(null);
            problem.set(input.unfit() ? new Problem("saliency.unfit") : null);
            return;
        }
        Saliency.Method m = method.get();
        if (m == Saliency.Method.GRADCAM && Saliency.gradCamLayer(net) < 1) {
            result.set(null);
            problem.set(new Problem("saliency.noConvolution"));
            return;
        }
        int cls = switch (target.get()) {
            case TRUE -> pic.label();
            case CHOSEN -> chosen.get();
            default -> -1;
        };
        Saliency.Patch p = new Saliency.Patch(patch.get(), stride.get(), 0.5f);
        boolean all = allClasses.get();
        maps.submit(w -> new Result(
                pic,
                Saliency.map(net, pic.values(), m, cls, p),
                all ? Saliency.allClasses(net, pic.values(), m, p) : null));
    }

    /** Cascading randomisation on the picture with the method shown, in the background. */
    public void runCascade() {
        Network net = input.networkProperty().get();
        ExplainInput.Picture pic = input.pictureProperty().get();
        if (net == null || pic == null || !canMap(net)) return;
        Saliency.Method m = method.get();
        Saliency.Patch p = new Saliency.Patch(patch.get(), stride.get(), 0.5f);
        if (checking != null) checking.cancel();
        checking = tasks.run(
                i18n.tr("saliency.checking"),
                w -> SanityChecks.cascading(net, pic.values(), m, shownClass(), p, 7),
                steps -> sanity.set(new Sanity(m, steps, null)),
                e -> problem.set(Problem.of(e)));
    }

    /**
     * The same net's layers trained afresh on shuffled labels (in the background, with progress, cancellable), then
     * its map of the picture beside the trained net's.
     */
    public void runShuffled() {
        Network net = input.networkProperty().get();
        ExplainInput.Picture pic = input.pictureProperty().get();
        var data = input.workbench().dataProperty().get();
        if (net == null || pic == null || data == null || !canMap(net)) return;
        Saliency.Method m = method.get();
        Saliency.Patch p = new Saliency.Patch(patch.get(), stride.get(), 0.5f);
        int cls = shownClass();
        Sanity before = sanity.get();
        if (checking != null) checking.cancel();
        checking = tasks.run(
                i18n.tr("saliency.shuffling"),
                w -> {
                    Training t = new Training(Training.Optimizer.ADAM, 1e-3, 64, SHUFFLED_EPOCHS, 11);
                    Network shuffled = SanityChecks.shuffledLabels(
                            net, Samples.of(data.train()), SHUFFLED_IMAGES, t, new Trainer.Listener() {
                                @Override
                                public void epoch(Trainer.Epoch e) {}

                                @Override
                                public void batch(Trainer.Batch b) {
                                    w.progress(b.done(), b.total());
                                }

                                @Override
                                public boolean cancelled() {
                                    return w.cancelled();
                                }
                            });
                    try {
                        if (w.cancelled()) throw new CancellationException();
                        Saliency.Map trained = Saliency.map(net, pic.values(), m, cls, p);
                        Saliency.Map map = m == Saliency.Method.GRADCAM
                                ? Saliency.gradCam(
                                        shuffled, pic.values(), trained.cls(), Saliency.gradCamLayer(shuffled))
                                : Saliency.map(shuffled, pic.values(), m, trained.cls(), p);
                        double r = SanityChecks.spearman(trained.full(), map.full());
                        return new Object[] {shuffled, new SanityChecks.Step(-1, "shuffled", map, r)};
                    } catch (RuntimeException e) { // a cancelled or failed check keeps no net
                        shuffled.close();
                        throw e;
                    }
                },
                out -> {
                    closeShuffled();
                    shuffledNet = (Network) out[0];
                    List<SanityChecks.Step> cascade = before != null && before.method() == m ? before.cascade() : null;
                    sanity.set(new Sanity(m, cascade, (SanityChecks.Step) out[1]));
                },
                e -> problem.set(Problem.of(e)));
    }

    private boolean canMap(Network net) {
        return method.get() != Saliency.Method.GRADCAM || Saliency.gradCamLayer(net) > 0;
    }

    /** The class of the map shown, or −1 (the predicted one) before there is one. */
    private int shownClass() {
        return result.get() == null ? -1 : result.get().map().cls();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sanity> sanityProperty() {
        return sanity.getReadOnlyProperty();
    }

    public ObjectProperty<Saliency.Method> methodProperty() {
        return method;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public IntegerProperty chosenProperty() {
        return chosen;
    }

    public IntegerProperty patchProperty() {
        return patch;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public BooleanProperty overlayProperty() {
        return overlay;
    }

    public BooleanProperty allClassesProperty() {
        return allClasses;
    }
}
