package org.kernellab.ui.exercise;

import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.AxisSize;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;

/**
 * Exercise 2: choose kernel, stride and padding for two cubic 3D convolutions from 8³ to 2³. Parameters:
 * {@code lesson} (its id, for progress). Scene fields: {@code questions} (fixed, see {@link QuizView}),
 * {@code input} and {@code target} (1–32, the volumes' sides), {@code kernel1} and {@code kernel2} (1–8),
 * {@code stride1} and {@code stride2} (1–4), {@code padding1} and {@code padding2} (0–3), {@code alternatives}
 * (whether every pair that works is listed), {@code choices} (each question's picked option, −1 for none).
 */
public final class ChainExercisePage implements Page {
    /** The largest volume's side: two conv3d layers on it are checked at once. */
    private static final int MAX_INPUT = 32;

    private final ChainExerciseViewModel vm;
    private final VBox root = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(root);
    private final ListView<String> alternatives = new ListView<>();
    private final SceneFields scene;
    /** Whether every pair that works is listed. */
    private final BooleanProperty listed = new SimpleBooleanProperty(false);

    public ChainExercisePage(LessonParams params, AppContext ctx) {
        I18n i18n = ctx.i18n();
        IntegerProperty input = new SimpleIntegerProperty(8), target = new SimpleIntegerProperty(2);
        scene = new SceneFields(params)
                .fixed("questions", params.values().get("questions"))
                .integer("input", input, 1, MAX_INPUT)
                .integer("target", target, 1, MAX_INPUT);
        vm = new ChainExerciseViewModel(
                params.string("lesson", "exercise-2"), input.get(), target.get(), ctx.progress());
        scene.integer("kernel1", vm.k1Property(), 1, ChainExerciseViewModel.MAX_KERNEL)
                .integer("stride1", vm.s1Property(), 1, ChainExerciseViewModel.MAX_STRIDE)
                .integer("padding1", vm.p1Property(), 0, ChainExerciseViewModel.MAX_PADDING)
                .integer("kernel2", vm.k2Property(), 1, ChainExerciseViewModel.MAX_KERNEL)
                .integer("stride2", vm.s2Property(), 1, ChainExerciseViewModel.MAX_STRIDE)
                .integer("padding2", vm.p2Property(), 0, ChainExerciseViewModel.MAX_PADDING);
        Label statement = new Label();
        statement.setWrapText(true);
        statement.getStyleClass().add("formula");
        statement.textProperty().bind(i18n.bind("chain.statement", vm.input(), vm.target()));
        alternatives.setId("chain-list");
        alternatives.setPrefHeight(220);
        alternatives.setVisible(false);
        alternatives.setManaged(false);
        root.getChildren().addAll(statement, layers(i18n), buttons(ctx), feedback(i18n), alternatives);
        QuizView quiz = QuizView.addTo(
                root, params.values().get("questions"), i18n, ctx.progress(), params.string("lesson", "exercise-2"));
        root.setPadding(new Insets(16));
        scroll.setFitToWidth(true);
        listed.addListener((o, was, on) -> showAlternatives(on, i18n));
        scene.bool("alternatives", listed)
                .custom("choices", () -> QuizView.choices(quiz), v -> QuizView.choose(quiz, v));
        scene.finish();
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    /** Kernel, stride and padding of each of the two layers. */
    private GridPane layers(I18n i18n) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] heads = {"chain.kernel", "chain.stride", "chain.padding"};
        for (int i = 0; i < 3; i++) {
            Label h = new Label();
            h.textProperty().bind(i18n.bind(heads[i]));
            grid.add(h, i + 1, 0);
        }
        addRow(grid, 1, i18n, "chain.layer1", "l1", vm.k1Property(), vm.s1Property(), vm.p1Property());
        addRow(grid, 2, i18n, "chain.layer2", "l2", vm.k2Property(), vm.s2Property(), vm.p2Property());
        return grid;
    }

    /** Check, list every pair that works, and see the first layer step through the volume in 3D. */
    private FlowPane buttons(AppContext ctx) {
        I18n i18n = ctx.i18n();
        Button check = new Button();
        check.setId("chain-check");
        check.textProperty().bind(i18n.bind("exercise.check"));
        check.setDefaultButton(true);
        check.setOnAction(e -> vm.check(ctx.tasks(), i18n.tr("exercise.checkTask")));
        Button list = new Button();
        list.setId("chain-alternatives");
        list.textProperty().bind(i18n.bind("chain.listAlternatives"));
        list.setOnAction(e -> listed.set(true));
        Button see = new Button();
        see.setId("chain-see-3d");
        see.textProperty().bind(i18n.bind("chain.see3d"));
        see.setOnAction(e -> ctx.navigation().open("conv3d-steps", firstLayer()));
        FlowPane buttons = new FlowPane(10, 6, check, list, see);
        for (Button b : new Button[] {check, list, see}) b.setMinWidth(Region.USE_PREF_SIZE);
        return buttons;
    }

    private void showAlternatives(boolean on, I18n i18n) {
        List<ChainExerciseViewModel.Layer[]> all = on ? vm.alternatives() : List.of();
        alternatives
                .getItems()
                .setAll(all.stream()
                        .map(p -> i18n.tr("chain.alternative", p[0], p[1]))
                        .toList());
        alternatives.setVisible(on);
        alternatives.setManaged(on);
    }

    /** The 3D steps lesson's parameters for the student's first layer, within what that lesson shows. */
    private Map<String, Object> firstLayer() {
        return Map.of(
                "input",
                Math.max(3, Math.min(10, vm.input())),
                "kernel",
                Math.min(5, vm.k1Property().get()),
                "stride",
                Math.min(3, vm.s1Property().get()),
                "padding",
                Math.min(2, vm.p1Property().get()));
    }

    /** Each layer's size arithmetic, the shapes ND4J produced, and whether the target is reached. */
    private Label feedback(I18n i18n) {
        Label feedback = new Label();
        feedback.setId("chain-feedback");
        feedback.setWrapText(true);
        feedback.getStyleClass().add("products");
        feedback.textProperty()
                .bind(i18n.bind(
                        () -> {
                            ChainExerciseViewModel.Feedback f =
                                    vm.feedbackProperty().get();
                            if (f == null) return "";
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < f.steps().size(); i++) {
                                AxisSize a = f.steps().get(i);
                                sb.append(i18n.tr(
                                                "chain.layerLine", i + 1, a.ok() ? a.formula() : i18n.tr(a.problem())))
                                        .append('\n');
                            }
                            if (f.shapes() != null)
                                sb.append(i18n.tr("chain.nd4j", f.shapes()[0], f.shapes()[1], f.shapes()[2]))
                                        .append('\n');
                            sb.append(i18n.tr(f.solved() ? "chain.solved" : "chain.notYet", vm.target()));
                            return sb.toString();
                        },
                        vm.feedbackProperty()));
        return feedback;
    }

    ChainExerciseViewModel viewModel() {
        return vm;
    }

    private static void addRow(
            GridPane grid,
            int row,
            I18n i18n,
            String key,
            String id,
            IntegerProperty k,
            IntegerProperty s,
            IntegerProperty p) {
        Label name = new Label();
        name.textProperty().bind(i18n.bind(key));
        grid.add(name, 0, row);
        int[][] ranges = {
            {1, ChainExerciseViewModel.MAX_KERNEL},
            {1, ChainExerciseViewModel.MAX_STRIDE},
            {0, ChainExerciseViewModel.MAX_PADDING}
        };
        IntegerProperty[] props = {k, s, p};
        String[] ids = {"k", "s", "p"};
        for (int i = 0; i < 3; i++) {
            IntegerProperty prop = props[i];
            Spinner<Integer> sp = new Spinner<>(ranges[i][0], ranges[i][1], prop.get());
            sp.setId(id + "-" + ids[i]);
            sp.setPrefWidth(80);
            sp.valueProperty().addListener((o, a, n) -> prop.set(n));
            grid.add(sp, i + 1, row);
        }
        GridPane.setHalignment(name, HPos.LEFT);
        name.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    public Node view() {
        return scroll;
    }

    /** Listens only to its own view-model and controls: nothing to let go of. */
    @Override
    public void dispose() {}
}
