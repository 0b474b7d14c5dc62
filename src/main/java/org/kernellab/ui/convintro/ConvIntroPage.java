package org.kernellab.ui.convintro;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.GridStage;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.MatrixView;
import org.kernellab.ui.widgets.StepControls;

/**
 * "What is a convolution?": the padded input, the kernel and the output side by side. Clicking an output
 * cell (or stepping) outlines its window and spells out the products and their sum.
 * Scene fields: {@code input} (rows, at most 20×20), {@code kernel} (rows, at most 7×7), {@code padding} (0–5),
 * {@code stride} (1–5), {@code step} (the output cell explained, row by row from 0).
 */
public final class ConvIntroPage implements Page {
    static final int MAX_INPUT = 20, MAX_KERNEL = 7, MAX_PADDING = 5, MAX_STRIDE = 5;

    private final ConvIntroViewModel vm;
    private final I18n i18n;
    private final VBox root = new VBox(14);
    private final MatrixView inView, kView, outView;
    private final SceneFields scene;

    public ConvIntroPage(LessonParams params, AppContext ctx) {
        ObjectProperty<Tensor> input =
                new SimpleObjectProperty<>(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
        ObjectProperty<Tensor> kernel =
                new SimpleObjectProperty<>(Tensor.of(new double[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}));
        IntegerProperty padding = new SimpleIntegerProperty(0), stride = new SimpleIntegerProperty(1);
        scene = new SceneFields(params)
                .matrix("input", input::get, t -> input.set(atMost(t, MAX_INPUT)))
                .matrix("kernel", kernel::get, t -> kernel.set(atMost(t, MAX_KERNEL)))
                .integer("padding", padding, 0, MAX_PADDING)
                .integer("stride", stride, 1, MAX_STRIDE);
        vm = new ConvIntroViewModel(input.get(), kernel.get(), padding.get(), stride.get());
        scene.integer("step", vm.stepProperty(), 0, Math.max(0, vm.outputCells() - 1));
        scene.finish();
        i18n = ctx.i18n();
        inView = grid(ctx, "conv-intro-input");
        kView = grid(ctx, "conv-intro-kernel");
        outView = grid(ctx, "conv-intro-output");
        inView.setValues(vm.paddedInput(), vm.padding(), vm.padding());
        kView.setValues(vm.kernel());
        outView.setOnCellClicked(vm::select);

        GridStage hero = new GridStage(titles(), List.of(inView, kView, outView), panel(), 3);
        hero.minPanelFontProperty()
                .bind(Bindings.when(ctx.presentation())
                        .then(GridStage.PRESENTATION_FONT)
                        .otherwise(0.0));
        VBox.setVgrow(hero, Priority.ALWAYS);
        root.getChildren().addAll(hero, stepButtons(), hint(ctx));
        root.setPadding(new Insets(16));
        root.getStyleClass().add("conv-intro");

        vm.stepProperty().addListener((o, a, b) -> refresh());
        vm.traceProperty().addListener((o, a, b) -> refresh());
        vm.compute(ctx.tasks(), i18n.tr("convintro.task"));
    }

    /** The grids' titles: the input's size (padded or not), the kernel's and the output's. */
    private List<Label> titles() {
        Label inTitle = Grids.title(i18n.bind(() -> vm.padding() > 0
                ? i18n.tr(
                        "convintro.inputPadded",
                        vm.inputRows(),
                        vm.inputCols(),
                        vm.padding(),
                        vm.inputRows() + 2 * vm.padding(),
                        vm.inputCols() + 2 * vm.padding())
                : i18n.tr("convintro.input", vm.inputRows(), vm.inputCols())));
        Label kTitle = Grids.title(i18n.bind("convintro.kernel", vm.kernelRows(), vm.kernelCols()));
        Label outTitle = Grids.title(i18n.bind(
                () -> vm.problemProperty().get() != null
                        ? i18n.tr("convintro.noOutput")
                        : i18n.tr(
                                "convintro.output",
                                vm.rowsSize().output(),
                                vm.colsSize().output()),
                vm.problemProperty()));
        return List.of(inTitle, kTitle, outTitle);
    }

    /** Beside or under the grids: the size formula, what went wrong, and the step's products and sum. */
    private VBox panel() {
        Label formula = new Label();
        formula.setId("conv-intro-formula");
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        formula.textProperty()
                .bind(i18n.bind(
                        () -> vm.rowsSize().formula().equals(vm.colsSize().formula())
                                ? i18n.tr("convintro.outputSize", vm.rowsSize().formula())
                                : i18n.tr(
                                        "convintro.outputSizeHW",
                                        vm.rowsSize().formula(),
                                        vm.colsSize().formula())));

        Label problem = new Label();
        problem.setId("conv-intro-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(i18n.bind(
                        () -> vm.problemProperty().get() == null
                                ? (vm.failureProperty().get() == null
                                        ? ""
                                        : i18n.tr(
                                                "convintro.failed",
                                                vm.failureProperty().get()))
                                : i18n.tr(vm.problemProperty().get()),
                        vm.problemProperty(),
                        vm.failureProperty()));
        Grids.hideWhenEmpty(problem);
        VBox panel = new VBox(8, formula, problem, stepTitle(), products());
        panel.setMinWidth(220);
        return panel;
    }

    private Label stepTitle() {
        Label stepTitle = new Label();
        stepTitle.setId("conv-intro-step");
        stepTitle.getStyleClass().add("step-title");
        stepTitle.setWrapText(true);
        stepTitle
                .textProperty()
                .bind(i18n.bind(
                        () -> {
                            var s = vm.currentStep();
                            return s == null
                                    ? ""
                                    : i18n.tr("convintro.step", s.index() + 1, vm.steps(), s.outRow(), s.outCol());
                        },
                        vm.stepProperty(),
                        vm.traceProperty()));
        return stepTitle;
    }

    private Label products() {
        Label products = new Label();
        products.setId("conv-intro-products");
        products.getStyleClass().add("products");
        products.setWrapText(true);
        products.setMinHeight(Region.USE_PREF_SIZE);
        products.textProperty()
                .bind(i18n.bind(() -> vm.productsText(i18n.numbers()), vm.stepProperty(), vm.traceProperty()));
        return products;
    }

    /** Previous and next step, and a spinner while the trace is computed. */
    private HBox stepButtons() {
        Button prev = new Button();
        prev.textProperty().bind(i18n.bind("convintro.previous"));
        prev.setOnAction(e -> vm.previous());
        prev.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.stepProperty().get() <= 0, vm.stepProperty(), vm.traceProperty()));
        Button next = new Button();
        next.setId("conv-intro-next");
        next.textProperty().bind(i18n.bind("convintro.next"));
        next.setOnAction(e -> vm.next());
        next.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.stepProperty().get() >= vm.steps() - 1, vm.stepProperty(), vm.traceProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label busy = new Label();
        busy.textProperty().bind(i18n.bind("convintro.computing"));
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        prev.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, prev, next, spinner, busy);
        controls.getStyleClass().add(StepControls.STYLE); // the teacher's, even in a demo step that locks the settings
        controls.setAlignment(Pos.CENTER_LEFT);
        return controls;
    }

    private Label hint(AppContext ctx) {
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(i18n.bind("convintro.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        Grids.hideWhile(ctx.presentation(), hint);
        return hint;
    }

    /** The output as far as computed, the step's window on the input and its cell in the output. */
    private void refresh() {
        double[][] out = vm.outputProperty().get();
        if (out != null) outView.setValues(out);
        var s = vm.currentStep();
        inView.setWindow(vm.windowCells());
        if (s != null) outView.setSelected(s.outRow(), s.outCol());
    }

    private static MatrixView grid(AppContext ctx, String id) {
        MatrixView m = new MatrixView();
        m.setId(id);
        m.paletteProperty().bind(ctx.palette());
        m.numbersProperty().bind(ctx.i18n().numbersProperty());
        return m;
    }

    /** {@code t}, when it is no larger than {@code max} a side. */
    private static Tensor atMost(Tensor t, int max) {
        if (t.dim(0) > max || t.dim(1) > max)
            throw new IllegalArgumentException("at most " + max + "×" + max + ", not " + t.dim(0) + "×" + t.dim(1));
        return t;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    ConvIntroViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return root;
    }

    /** Listens only to its own view-model and controls: nothing to let go of. */
    @Override
    public void dispose() {}
}
