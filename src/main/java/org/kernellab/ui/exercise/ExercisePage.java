package org.kernellab.ui.exercise;

import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.MatrixView;

/**
 * A convolution exercise: the input and the kernel, a grid for the student's answer (size first, then
 * values), check, show the steps in the animator, a new variant; then the conceptual questions.
 * Parameters: {@code lesson} (its id, for progress). Scene fields: {@code seed} (for new variants, fixed),
 * {@code questions} (fixed, see {@link QuizView}), {@code input} (rows: the exercise's, or the variant shown) and
 * {@code kernel} (rows), both required, {@code padding} (0–5), {@code stride} (1–5), {@code answerRows} and
 * {@code answerCols} (1–12, the answer's size), {@code answer} (rows of what the student typed, "" for empty),
 * {@code choices} (each question's picked option, −1 for none).
 */
public final class ExercisePage implements Page {
    /** The largest answer the size spinners offer. */
    private static final int MAX_ANSWER = 12;

    private final ExerciseViewModel vm;
    private final AppContext ctx;
    private final VBox root = new VBox(14);
    private final GridPane answer = new GridPane();
    private final MatrixView inView = new MatrixView();
    private final ScrollPane scroll = new ScrollPane(root);
    private TextField[][] fields = new TextField[0][0];
    private final SceneFields scene;

    public ExercisePage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        I18n i18n = ctx.i18n();
        int seed = params.integer("seed", 11);
        ObjectProperty<Tensor> input = new SimpleObjectProperty<>(), kernel = new SimpleObjectProperty<>();
        IntegerProperty padding = new SimpleIntegerProperty(0), stride = new SimpleIntegerProperty(1);
        scene = new SceneFields(params)
                .fixed("seed", seed)
                .fixed("questions", params.values().get("questions"))
                .matrix("input", this::input, input::set)
                .matrix("kernel", kernel::get, kernel::set)
                .integer("padding", padding, 0, 5)
                .integer("stride", stride, 1, 5);
        if (input.get() == null || kernel.get() == null)
            throw new IllegalArgumentException(
                    scene.problems().isEmpty()
                            ? "an exercise needs \"input\" and \"kernel\""
                            : scene.problems().get(0).english());
        vm = new ExerciseViewModel(
                params.string("lesson", "exercise"),
                input.get(),
                kernel.get(),
                padding.get(),
                stride.get(),
                ctx.progress(),
                seed);
        scene.integer("answerRows", vm.answerRowsProperty(), 1, MAX_ANSWER)
                .integer("answerCols", vm.answerColsProperty(), 1, MAX_ANSWER);

        Label statement = new Label();
        statement.setWrapText(true);
        statement.getStyleClass().add("formula");
        statement.textProperty().bind(i18n.bind("exercise.statement", vm.padding(), vm.stride()));
        root.getChildren().addAll(statement, grids(i18n), size(i18n), buttons(i18n), feedback(i18n));
        QuizView quiz = QuizView.addTo(
                root, params.values().get("questions"), i18n, ctx.progress(), params.string("lesson", "exercise"));
        root.setPadding(new Insets(16));
        scroll.setFitToWidth(true);
        rebuildAnswer();
        scene.custom("answer", this::answer, this::answer)
                .custom("choices", () -> QuizView.choices(quiz), v -> QuizView.choose(quiz, v));
        scene.finish();
    }

    /** The input as it is now (a new variant's): null before the view-model is made. */
    private Tensor input() {
        return vm == null ? null : vm.inputProperty().get();
    }

    /** What the student typed, as rows of text ("" for an empty cell). */
    private Object answer() {
        return Arrays.stream(typed()).map(Arrays::asList).toList();
    }

    /** Types a scene's answer: rows of text or numbers, as many as the answer's size. */
    private void answer(Object v) {
        if (!(v instanceof List<?> rows) || rows.size() != fields.length)
            throw new IllegalArgumentException("a list of " + fields.length + " rows is needed");
        for (int i = 0; i < fields.length; i++) {
            if (!(rows.get(i) instanceof List<?> row) || row.size() != fields[i].length)
                throw new IllegalArgumentException("row " + (i + 1) + " needs " + fields[i].length + " cells");
            for (int j = 0; j < fields[i].length; j++) {
                Object cell = row.get(j);
                fields[i][j].setText(
                        cell instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                                ? String.valueOf(n.longValue())
                                : cell == null ? "" : String.valueOf(cell));
            }
        }
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    /** The input (a new variant replaces it and clears the answer), the kernel and the student's answer. */
    private HBox grids(I18n i18n) {
        MatrixView kView = new MatrixView();
        inView.setId("exercise-input");
        kView.setId("exercise-kernel");
        for (MatrixView m : new MatrixView[] {inView, kView}) {
            m.paletteProperty().bind(ctx.palette());
            m.numbersProperty().bind(ctx.i18n().numbersProperty());
            m.cellSizeProperty()
                    .bind(Bindings.when(ctx.presentation()).then(64.0).otherwise(44.0)); // larger on a projector
        }
        inView.setValues(vm.inputProperty().get().toMatrix());
        kView.setValues(vm.kernel().toMatrix());
        vm.inputProperty().addListener((o, a, t) -> {
            inView.setValues(t.toMatrix());
            clearAnswer();
        });
        HBox grids = new HBox(
                30,
                titled(i18n.bind("exercise.input"), inView),
                titled(i18n.bind("exercise.kernel"), kView),
                titled(i18n.bind("exercise.answer"), answer));
        grids.setAlignment(Pos.TOP_LEFT);
        return grids;
    }

    /** The answer's size, which the student chooses before the values. */
    private HBox size(I18n i18n) {
        Spinner<Integer>
                rows = new Spinner<>(1, MAX_ANSWER, vm.answerRowsProperty().get()),
                cols = new Spinner<>(1, MAX_ANSWER, vm.answerColsProperty().get());
        rows.setId("answer-rows");
        cols.setId("answer-cols");
        rows.setPrefWidth(80);
        cols.setPrefWidth(80);
        rows.valueProperty().addListener((o, a, n) -> vm.answerRowsProperty().set(n));
        cols.valueProperty().addListener((o, a, n) -> vm.answerColsProperty().set(n));
        vm.answerRowsProperty().addListener((o, a, n) -> rebuildAnswer());
        vm.answerColsProperty().addListener((o, a, n) -> rebuildAnswer());
        Label sizeLabel = new Label();
        sizeLabel.textProperty().bind(i18n.bind("exercise.size"));
        HBox size = new HBox(8, sizeLabel, rows, new Label("×"), cols);
        size.setAlignment(Pos.CENTER_LEFT);
        return size;
    }

    /** Check, the steps in the animator, a new variant. */
    private HBox buttons(I18n i18n) {
        Button check = new Button();
        check.setId("check-answer");
        check.setDefaultButton(true);
        check.textProperty().bind(i18n.bind("exercise.check"));
        check.setOnAction(e -> vm.check(typed(), ctx.tasks(), i18n.tr("exercise.checkTask")));
        Button steps = new Button();
        steps.setId("show-steps");
        steps.textProperty().bind(i18n.bind("exercise.showSteps"));
        steps.setOnAction(e -> ctx.navigation().open("convolution-animator", vm.animatorParams()));
        Button variant = new Button();
        variant.setId("new-variant");
        variant.textProperty().bind(i18n.bind("exercise.newVariant"));
        variant.setOnAction(e -> vm.newVariant());
        return new HBox(10, check, steps, variant);
    }

    /** What the check found, the wrong cells marked in the answer. */
    private Label feedback(I18n i18n) {
        Label feedback = new Label();
        feedback.setId("exercise-feedback");
        feedback.setWrapText(true);
        feedback.textProperty()
                .bind(i18n.bind(
                        () -> {
                            ExerciseViewModel.Feedback f = vm.feedbackProperty().get();
                            if (f == null) return "";
                            if (!f.sizeRight()) return i18n.tr("exercise.wrongSize");
                            if (f.solved()) return i18n.tr("exercise.solved");
                            long wrong = Arrays.stream(f.cells())
                                    .flatMap(Arrays::stream)
                                    .filter(c -> c != null && !c)
                                    .count();
                            long empty = Arrays.stream(f.cells())
                                    .flatMap(Arrays::stream)
                                    .filter(c -> c == null)
                                    .count();
                            return wrong == 0
                                    ? i18n.tr("exercise.incomplete", empty)
                                    : i18n.tr("exercise.someWrong", wrong, empty);
                        },
                        vm.feedbackProperty()));
        vm.feedbackProperty().addListener((o, a, f) -> {
            feedback.getStyleClass().setAll("label", f != null && f.solved() ? "right" : "problem");
            markCells(f);
        });
        return feedback;
    }

    ExerciseViewModel viewModel() {
        return vm;
    }

    TextField[][] fields() {
        return fields;
    }

    private void rebuildAnswer() {
        answer.getChildren().clear();
        answer.setHgap(4);
        answer.setVgap(4);
        int r = vm.answerRowsProperty().get(), c = vm.answerColsProperty().get();
        fields = new TextField[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                TextField f = new TextField();
                f.setId("answer-" + i + "-" + j);
                f.setPrefColumnCount(3);
                f.getStyleClass().add("answer-cell");
                fields[i][j] = f;
                answer.add(f, j, i);
            }
        }
    }

    private void clearAnswer() {
        for (TextField[] row : fields)
            for (TextField f : row) {
                f.clear();
                f.getStyleClass().removeAll("right", "wrong");
            }
    }

    private String[][] typed() {
        String[][] t = new String[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            t[i] = new String[fields[i].length];
            for (int j = 0; j < fields[i].length; j++) t[i][j] = fields[i][j].getText();
        }
        return t;
    }

    private void markCells(ExerciseViewModel.Feedback f) {
        for (int i = 0; i < fields.length; i++) {
            for (int j = 0; j < fields[i].length; j++) {
                TextField field = fields[i][j];
                field.getStyleClass().removeAll("right", "wrong");
                if (f == null || f.cells() == null || f.cells()[i][j] == null) continue;
                field.getStyleClass().add(f.cells()[i][j] ? "right" : "wrong");
            }
        }
    }

    private static VBox titled(StringBinding text, Node content) {
        Label l = new Label();
        l.getStyleClass().add("grid-title");
        l.textProperty().bind(text);
        return new VBox(6, l, content);
    }

    @Override
    public Node view() {
        return scroll;
    }

    /** Listens only to its own view-model and controls: nothing to let go of. */
    @Override
    public void dispose() {}
}
