package org.kernellab.ui.attack;

import java.util.List;
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
import org.kernellab.compute.Problem;
import org.kernellab.model.Attacks;
import org.kernellab.model.Network;
import org.kernellab.model.Saliency;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.explain.Latest;
import org.kernellab.ui.task.TaskRunner;

/**
 * Fooling the net: FGSM or PGD on the chapter's picture with ε in grey levels (ε = levels / 255), untargeted or toward a
 * class, the attacked picture and its perturbation, the prediction before and after; the challenge of the smallest ε
 * that flips the picture, checked by the compute core; and the robustness curves ({@link Curves}, the app's: they outlive the page).
 */
public final class AttackViewModel {
    /** The largest ε offered: 0.3, past which a Fashion-MNIST picture is visibly another picture. */
    public static final int MAX_LEVELS = 76;

    /** The attack's outcome on a picture. */
    public record Result(ExplainInput.Picture picture, Attacks.Result attack, double eps) {}

    /** A student's answer to the challenge and what the core says of it. */
    public record Answer(double guess, boolean flips, double smallest) {}

    private final ExplainInput input;
    private final Lifetime life = new Lifetime();
    private final BooleanProperty pgd = new SimpleBooleanProperty(false), targeted = new SimpleBooleanProperty();
    private final IntegerProperty levels = new SimpleIntegerProperty(8), steps = new SimpleIntegerProperty(10);
    private final IntegerProperty target = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final StringProperty guess = new SimpleStringProperty("");
    private final ObjectProperty<Answer> answer = new SimpleObjectProperty<>();
    private final Latest<Result> attacks;
    private final Latest<Answer> checks;
    private final Curves curves;

    public AttackViewModel(ExplainInput input, Curves curves, TaskRunner tasks, I18n i18n) {
        this.input = input;
        attacks = new Latest<>(
                tasks,
                () -> i18n.tr("attack.computing"),
                r -> {
                    problem.set(null);
                    result.set(r);
                },
                e -> problem.set(Problem.of(e)));
        checks = new Latest<>(tasks, () -> i18n.tr("attack.checking"), answer::set, e -> problem.set(Problem.of(e)));
        this.curves = curves;
        for (var p : List.of(pgd, targeted, levels, steps, target)) p.addListener((o, a, b) -> update());
        life.onChange(input.pictureProperty(), p -> {
            answer.set(null);
            update();
        });
        life.onChange(input.networkProperty(), n -> {
            answer.set(null);
            update();
        });
        update();
    }

    public void dispose() {
        life.end();
        attacks.cancel();
        checks.cancel();
    }

    public Curves curves() {
        return curves;
    }

    /** ε as the attack takes it. */
    public double eps() {
        return levels.get() / 255.0;
    }

    private Attacks.Settings settings() {
        Attacks.Settings s = pgd.get() ? Attacks.Settings.pgd(eps(), steps.get()) : Attacks.Settings.fgsm(eps());
        return targeted.get() ? s.targeting(target.get()) : s;
    }

    private void update() {
        Network net = input.networkProperty().get();
        ExplainInput.Picture pic = input.pictureProperty().get();
        if (net == null || pic == null) {
            result.set(null);
            problem.set(input.unfit() ? new Problem("saliency.unfit") : null);
            return;
        }
        Attacks.Settings s = settings();
        double e = eps();
        // a drawing has no true label: its attack raises the loss against what the net sees in it
        attacks.submit(w -> new Result(pic, Attacks.attack(net, pic.values(), label(net, pic), s), e));
    }

    private static int label(Network net, ExplainInput.Picture pic) {
        return pic.label() >= 0 ? pic.label() : Saliency.predicted(net, pic.values());
    }

    /**
     * Checks the student's ε for FGSM on the picture: whether it flips the prediction, and the smallest that does (to
     * the grey level), told once they have answered. A guess that is no number from 0 to 1 is a problem, not an answer.
     */
    public void check() {
        Network net = input.networkProperty().get();
        ExplainInput.Picture pic = input.pictureProperty().get();
        if (net == null || pic == null) return;
        double g;
        try {
            g = Double.parseDouble(guess.get().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            g = Double.NaN;
        }
        if (!(g >= 0 && g <= 1)) {
            answer.set(null);
            problem.set(new Problem("attack.badGuess", guess.get()));
            return;
        }
        double eps = g;
        problem.set(null);
        checks.submit(
                w -> { // a flip changes the net's answer: the attack pushes away from it, right or wrong
                    int y = Saliency.predicted(net, pic.values());
                    return new Answer(
                            eps,
                            Attacks.flips(net, pic.values(), y, eps),
                            Attacks.smallestFlip(net, pic.values(), y, 1));
                });
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObjectProperty<Answer> answerProperty() {
        return answer;
    }

    public StringProperty guessProperty() {
        return guess;
    }

    public BooleanProperty pgdProperty() {
        return pgd;
    }

    public BooleanProperty targetedProperty() {
        return targeted;
    }

    public IntegerProperty levelsProperty() {
        return levels;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public IntegerProperty targetProperty() {
        return target;
    }
}
