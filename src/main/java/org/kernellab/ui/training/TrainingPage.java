package org.kernellab.ui.training;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.kernellab.compute.Problem;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.lab.LabPage;
import org.kernellab.ui.lab.LabScene;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.widgets.Controls;

/**
 * The training lab: edit the net (layer shapes and parameters update as you edit), train it live, overlay runs (the
 * course's MLP against its CNN), and look at what a trained net gets wrong. The lab is one for the app: its scene's
 * settings apply when it is opened for another lesson or scene than last time (a student coming back finds what they
 * left). Scene fields:
 *
 * <ul>
 *   <li>{@code solveAfter}: how many different nets a student trains to finish the lesson (2: the MLP and the CNN);
 *       kept as the lesson gives it
 *   <li>{@code fullSet}: Fashion-MNIST's full set (true) or its built-in subset, as in the data lesson
 *   <li>{@code dataFile}: a folder of the student's pictures, one sub-folder per class, to train on; {@code data}:
 *       fashion, cifar10 (once downloaded) or folder
 *   <li>the editor's net: {@code model} (mlp or cnn), {@code filters} (1–256), {@code blocks} (1–3) and {@code dropout}
 *       (0–0.9, before the classifier), the course net they make (a CNN of 16 filters and 2 blocks where not given);
 *       or {@code net}, any net in its JSON form. A scene has the first while the editor holds a course net, else the
 *       second.
 *   <li>{@code optimizer} (sgd or adam), {@code lr} (text: "0.002"), {@code batch} (1–60,000), {@code epochs} (1–40)
 *   <li>{@code limit} (training images, 0 for all), {@code augment}, {@code adversarial} (true or false)
 *   <li>{@code run}: the selected run's number (the runs are the app's: a run that does not exist is a problem);
 *       {@code tab}: training or results
 * </ul>
 */
public final class TrainingPage implements Page {
    private final TrainingLab lab;
    private final LabPage page;
    private final Lifetime life = new Lifetime();
    private final SceneFields scene;

    public TrainingPage(LessonParams params, AppContext ctx) {
        lab = ctx.shared(TrainingLab.class, () -> TrainingLab.of(ctx));
        LabViewModel vm = lab.lab();
        String lesson = params.string("lesson", "");
        int solveAfter = params.integer("solveAfter", 2);
        life.onChange(vm.selectedProperty(), run -> {
            if (run != null && !lesson.isEmpty()) {
                boolean solved = vm.netsTrained() >= solveAfter;
                // one attempt per net trained to the end, not per run looked at
                String answer = vm.netsTrained() + " nets trained to the end";
                Progress.Attempt before = ctx.progress().attempts(lesson).get("train");
                if (vm.netsTrained() > 0 && (before == null || !before.last().equals(answer)))
                    ctx.progress().attempt(lesson, "train", answer, solved);
                ctx.progress().raise(lesson, solved ? Progress.Mark.SOLVED : Progress.Mark.ATTEMPTED);
            }
        });
        ctx.workbench().withData(d -> {}); // load while the student reads and edits
        scene = TrainingScene.of(params, lab, ctx);
        page = new LabPage(
                vm,
                ctx,
                life,
                new LabPage.Extras(
                        settings(ctx.i18n(), vm),
                        List.of(button("train-compare", ctx.i18n(), "train.compare", lab::compare)),
                        List.of(PicturesChoice.of(ctx, lab, dataLine(ctx), life))));
        LabScene.selection(scene, vm, page).finish();
    }

    /** The training images' limit, augmentation, the demo and the course's experiments. */
    private List<Node> settings(I18n i18n, LabViewModel vm) {
        ComboBox<Integer> limit = new ComboBox<>();
        limit.setId("train-limit");
        limit.getItems().addAll(0, 20000, 10000, 5000, 2000, TrainingLab.OVERFIT_IMAGES, 500);
        Controls.localized(
                limit,
                i18n,
                n -> n == 0 ? i18n.tr("train.limitAll") : i18n.numbers().grouped(n));
        limit.valueProperty().bindBidirectional(vm.limitProperty());
        CheckBox augment = new CheckBox();
        augment.setId("train-augment");
        augment.setWrapText(true);
        augment.textProperty().bind(i18n.bind("train.augment"));
        augment.selectedProperty().bindBidirectional(vm.augmentProperty());
        CheckBox adversarial = new CheckBox();
        adversarial.setId("train-adversarial");
        adversarial.setWrapText(true);
        adversarial.textProperty().bind(i18n.bind("train.adversarial"));
        adversarial.setTooltip(Controls.tip(i18n, "train.adversarialTip"));
        adversarial.selectedProperty().bindBidirectional(vm.adversarialProperty());
        return List.of(
                Controls.label(i18n, "train.limit"),
                limit,
                augment,
                adversarial,
                button("train-demo", i18n, "train.demo", lab::demoSettings),
                note(i18n, "train.demoNote"),
                button("train-course", i18n, "train.course", lab::courseComparison),
                button("train-overfit", i18n, "train.overfit", lab::overfittingExperiment),
                note(i18n, "train.overfitNote"));
    }

    private static Button button(String id, I18n i18n, String key, Runnable action) {
        return Controls.button(id, i18n, key, action);
    }

    private static Label note(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    /** Which Fashion-MNIST the lab trains on, and why it is not the one asked for, if it is not. */
    private Label dataLine(AppContext ctx) {
        I18n i18n = ctx.i18n();
        Label data = new Label();
        data.setId("train-data");
        data.getStyleClass().add("hint");
        data.setWrapText(true);
        data.setMinHeight(Region.USE_PREF_SIZE);
        data.textProperty()
                .bind(i18n.bind(
                        () -> {
                            Problem problem =
                                    ctx.workbench().dataProblemProperty().get();
                            return ctx.workbench().dataText() + (problem == null ? "" : "\n✗ " + i18n.tr(problem));
                        },
                        ctx.workbench().dataProperty(),
                        ctx.workbench().dataProblemProperty()));
        return data;
    }

    public TrainingLab lab() {
        return lab;
    }

    public LabViewModel viewModel() {
        return lab.lab();
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    @Override
    public Node view() {
        return page.view();
    }

    /** Leaves the lab: training goes on; this page stops listening to the lab's state. */
    @Override
    public void dispose() {
        life.end();
    }
}
