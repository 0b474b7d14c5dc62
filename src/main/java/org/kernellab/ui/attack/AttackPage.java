package org.kernellab.ui.attack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.CourseNets;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.explain.ExplainScene;
import org.kernellab.ui.explain.InputColumn;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.Workspace;

/**
 * Fooling the network: the attack's settings and challenge beside the picture before and after, the perturbation
 * amplified, and the robustness curves. Scene fields: the chapter's net and picture ({@link ExplainScene}: {@code net},
 * {@code netFile}, {@code normalize}, {@code image}, {@code useDrawing}, {@code drawing}); {@code method} (fgsm or pgd),
 * {@code eps} (in grey levels, 0–76: ε = eps / 255), PGD's {@code steps} (1–40), {@code targeted} (true or false) and
 * its {@code target} class (0–9); the challenge's {@code guess} (text); the curves' {@code curveImages} (test images
 * measured, 0 for all) and {@code curvePgd} (true or false).
 */
public final class AttackPage implements Page {
    private final AttackViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    /** FGSM or PGD, as the segmented buttons choose: the view-model's flag as a choice. */
    private final ObjectProperty<Boolean> method = new SimpleObjectProperty<>(false);

    private final SceneFields scene;

    /** The attacks, as a scene names them. */
    enum Method {
        FGSM,
        PGD
    }

    /** PGD's most steps. */
    static final int MAX_STEPS = 40;

    public AttackPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        ExplainInput input = ctx.shared(ExplainInput.class, () -> new ExplainInput(ctx.workbench()));
        input.start();
        Curves curves = ctx.shared(Curves.class, () -> new Curves(input, ctx.tasks(), i18n));
        vm = new AttackViewModel(input, curves, ctx.tasks(), i18n);
        scene = ExplainScene.picture(ExplainScene.net(new SceneFields(params), ctx, input), input)
                .custom(
                        "method",
                        () -> vm.pgdProperty().get() ? "pgd" : "fgsm",
                        v -> vm.pgdProperty().set(SceneFields.choose("method", v, Method.class) == Method.PGD))
                .integer("eps", vm.levelsProperty(), 0, AttackViewModel.MAX_LEVELS)
                .integer("steps", vm.stepsProperty(), 1, MAX_STEPS)
                .bool("targeted", vm.targetedProperty())
                .integer("target", vm.targetProperty(), 0, CourseNets.CLASSES - 1)
                .text("guess", vm.guessProperty())
                .custom(
                        "curveImages",
                        () -> curves.limitProperty().get(),
                        v -> curves.limitProperty()
                                .set(SceneFields.whole("curveImages", v, 0, ExplainScene.MAX_IMAGE + 1)))
                .bool("curvePgd", curves.pgdProperty());
        scene.finish();
        method.set(vm.pgdProperty().get());
        method.addListener((o, a, b) -> vm.pgdProperty().set(Boolean.TRUE.equals(b)));
        String lesson = params.string("lesson", "");
        life.onChange(
                vm.answerProperty(),
                a -> { // answering the challenge is trying the lesson, finding the ε solving it
                    if (a == null || lesson.isEmpty()) return;
                    boolean solved = a.flips() && !Double.isNaN(a.smallest()) && a.guess() - a.smallest() < 1.5 / 255;
                    ctx.progress()
                            .attempt(
                                    lesson,
                                    "attack",
                                    String.format(
                                            Locale.ROOT,
                                            "guess %.1f/255, smallest flip %.1f/255",
                                            a.guess() * 255,
                                            a.smallest() * 255),
                                    solved);
                    ctx.progress().raise(lesson, solved ? Progress.Mark.SOLVED : Progress.Mark.ATTEMPTED);
                });
        VBox stage = new VBox(16, new AttackStage(vm, ctx, life).view(), new CurvesView(curves, ctx, life).view());
        ScrollPane centre = new ScrollPane(stage);
        centre.setFitToWidth(true);
        root.setCenter(new Workspace(settings(input), centre, 520, i18n, ctx.presentation()));
    }

    private Region settings(ExplainInput input) {
        VBox box = new VBox(8);
        box.getChildren().addAll(InputColumn.of(input, ctx, life, root));
        Map<Boolean, String[]> methods = new LinkedHashMap<>();
        methods.put(false, new String[] {"attack-fgsm", "attack.fgsm"});
        methods.put(true, new String[] {"attack-pgd", "attack.pgd"});
        SliderRow eps = new SliderRow(
                "attack-eps",
                i18n.bind(() -> i18n.tr("attack.eps", vm.levelsProperty().get(), vm.eps()), vm.levelsProperty()),
                vm.levelsProperty(),
                0,
                AttackViewModel.MAX_LEVELS);
        SliderRow steps = new SliderRow("attack-steps", i18n.bind("attack.steps"), vm.stepsProperty(), 1, MAX_STEPS);
        Grids.hideWhile(vm.pgdProperty().not(), steps);
        CheckBox targeted = new CheckBox();
        targeted.setId("attack-targeted");
        targeted.setWrapText(true);
        targeted.textProperty().bind(i18n.bind("attack.targeted"));
        targeted.selectedProperty().bindBidirectional(vm.targetedProperty());
        ComboBox<Integer> target = new ComboBox<>();
        target.setId("attack-target");
        for (int c = 0; c < 10; c++) target.getItems().add(c);
        Controls.localized(target, i18n, c -> i18n.tr("data.class." + c));
        target.setValue(vm.targetProperty().get());
        target.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.targetProperty().set(b);
        });
        target.disableProperty().bind(vm.targetedProperty().not());
        target.setMaxWidth(Double.MAX_VALUE);
        box.getChildren()
                .addAll(
                        Controls.label(i18n, "attack.method"),
                        Segments.column(method, methods, i18n),
                        eps,
                        steps,
                        targeted,
                        target);
        box.getChildren().addAll(challenge());
        return Controls.column(box, 260);
    }

    /** The challenge: the smallest ε that flips the picture, typed and checked. */
    private Node[] challenge() {
        TextField guess = new TextField();
        guess.setId("attack-guess");
        guess.promptTextProperty().bind(i18n.bind("attack.guessPrompt"));
        guess.textProperty().bindBidirectional(vm.guessProperty());
        guess.setOnAction(e -> vm.check());
        Button check = Controls.button("attack-check", i18n, "attack.check", vm::check);
        Label answer = new Label();
        answer.setId("attack-answer");
        answer.setWrapText(true);
        answer.getStyleClass().add("emphasis");
        answer.textProperty().bind(i18n.bind(this::answer, vm.answerProperty()));
        Grids.hideWhenEmpty(answer);
        return new Node[] {
            Grids.title(i18n.bind("attack.challenge")), note("attack.challengeText"), guess, check, answer
        };
    }

    private String answer() {
        AttackViewModel.Answer a = vm.answerProperty().get();
        if (a == null) return "";
        String smallest = Double.isNaN(a.smallest())
                ? i18n.tr("attack.neverFlips")
                : i18n.tr("attack.smallest", a.smallest(), (int) Math.round(a.smallest() * 255));
        return i18n.tr(a.flips() ? "attack.flips" : "attack.holds", a.guess()) + " " + smallest;
    }

    private Label note(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        life.end();
        vm.dispose();
    }
}
