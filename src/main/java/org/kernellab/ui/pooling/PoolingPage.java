package org.kernellab.ui.pooling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.PoolTrace;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.GridStage;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.MatrixView;
import org.kernellab.ui.widgets.PythonPanel;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.StepControls;
import org.kernellab.ui.widgets.Workspace;

/**
 * Pooling step by step: each window over the (padded) input, the values it sees, the winner for max
 * pooling, the output filling in. Parameters: {@code size}, {@code window}, {@code stride}, {@code mode}.
 */
public final class PoolingPage implements Page {
    private final PoolingViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final MatrixView inView = new MatrixView(), outView = new MatrixView();
    private final StepControls controls;
    private final SceneFields scene;

    public PoolingPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        I18n i18n = ctx.i18n();
        int seed = params.integer("seed", 3);
        vm = new PoolingViewModel(ctx.engineReady(), seed);
        scene = new SceneFields(params)
                .fixed("seed", seed)
                .choice("mode", vm.modeProperty(), PoolMode.class)
                .integer("size", vm.sizeProperty(), 1, PoolingViewModel.MAX_INPUT)
                .matrix("input", () -> vm.inputProperty().get(), vm::useInput)
                .integer("window", vm.windowProperty(), 1, PoolingViewModel.MAX_WINDOW)
                .integer("stride", vm.strideProperty(), 1, PoolingViewModel.MAX_STRIDE)
                .integer("padding", vm.paddingProperty(), 0, PoolingViewModel.MAX_PADDING)
                .bool("ceil", vm.ceilProperty())
                .step(vm.stepper());
        scene.finish();
        controls = new StepControls(vm.stepper(), i18n);

        root.setCenter(new Workspace(Controls.column(settings(i18n), 240), stage(i18n), 440, i18n, ctx.presentation()));
        controls.installKeys(root);

        vm.resultProperty().addListener((o, a, b) -> redraw());
        vm.stepper().stepProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    /** Max or average, the sizes, ceil mode, and two inputs to start from. */
    private VBox settings(I18n i18n) {
        Map<PoolMode, String[]> modes = new LinkedHashMap<>();
        modes.put(PoolMode.MAX, new String[] {"pool-max", "pool.max"});
        modes.put(PoolMode.AVG, new String[] {"pool-avg", "pool.avg"});
        CheckBox ceil = new CheckBox();
        ceil.setId("pool-ceil");
        ceil.textProperty().bind(i18n.bind("pool.ceil"));
        ceil.selectedProperty().bindBidirectional(vm.ceilProperty());
        ceil.setWrapText(true);
        return new VBox(
                10,
                Segments.of(vm.modeProperty(), modes, i18n),
                new SliderRow(
                        "pool-size", i18n.bind("animator.input"), vm.sizeProperty(), 1, PoolingViewModel.MAX_INPUT),
                new SliderRow(
                        "pool-window", i18n.bind("pool.window"), vm.windowProperty(), 1, PoolingViewModel.MAX_WINDOW),
                new SliderRow(
                        "pool-stride",
                        i18n.bind("animator.stride"),
                        vm.strideProperty(),
                        1,
                        PoolingViewModel.MAX_STRIDE),
                new SliderRow(
                        "pool-padding",
                        i18n.bind("animator.padding"),
                        vm.paddingProperty(),
                        0,
                        PoolingViewModel.MAX_PADDING),
                ceil,
                Controls.button("pool-counting", i18n, "pool.counting", vm::useCounting),
                Controls.button("pool-random", i18n, "animator.random", vm::randomize));
    }

    /** The grids with the step beside them, the step controls and the PyTorch line. */
    private ScrollPane stage(I18n i18n) {
        for (MatrixView m : new MatrixView[] {inView, outView}) {
            m.paletteProperty().bind(ctx.palette());
            m.numbersProperty().bind(ctx.i18n().numbersProperty());
        }
        inView.setId("pool-input");
        outView.setId("pool-output");
        inView.setOnCellEdited((rc, v) -> vm.edit(rc[0], rc[1], v));
        outView.setOnCellClicked((r, c) -> {
            PoolingViewModel.Result res = vm.result();
            if (res.ok() && r < res.trace().outHeight() && c < res.trace().outWidth())
                vm.stepper().stepProperty().set(r * res.trace().outWidth() + c);
        });
        GridStage hero = new GridStage(titles(i18n), List.of(inView, outView), panel(i18n), 3);
        hero.minPanelFontProperty()
                .bind(Bindings.when(ctx.presentation())
                        .then(GridStage.PRESENTATION_FONT)
                        .otherwise(0.0));
        VBox.setVgrow(hero, Priority.ALWAYS);
        PythonPanel python = new PythonPanel(
                "pool-python",
                Bindings.createStringBinding(() -> "layer = " + vm.result().pytorch(), vm.resultProperty()),
                i18n);
        python.setMinHeight(Region.USE_PREF_SIZE);
        Grids.hideWhile(ctx.presentation(), python);
        VBox right = new VBox(12, hero, controls, python);
        right.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    /** The input's size, padded or not, and the output's. */
    private List<Label> titles(I18n i18n) {
        Label inTitle = Grids.title(i18n.bind(
                () -> vm.paddingProperty().get() > 0
                        ? i18n.tr(
                                "animator.inputPadded",
                                vm.sizeProperty().get(),
                                vm.sizeProperty().get(),
                                vm.sizeProperty().get()
                                        + 2 * vm.paddingProperty().get(),
                                vm.sizeProperty().get()
                                        + 2 * vm.paddingProperty().get())
                        : i18n.tr(
                                "convintro.input",
                                vm.sizeProperty().get(),
                                vm.sizeProperty().get()),
                vm.sizeProperty(),
                vm.paddingProperty()));
        Label outTitle = Grids.title(i18n.bind(
                () -> vm.result().ok()
                        ? i18n.tr(
                                "convintro.output",
                                vm.result().rows().output(),
                                vm.result().cols().output())
                        : i18n.tr("convintro.noOutput"),
                vm.resultProperty()));
        return List.of(inTitle, outTitle);
    }

    /** The size formula, why there is no output (or what to notice), and the step's window and result. */
    private VBox panel(I18n i18n) {
        Label formula = new Label();
        formula.setId("pool-formula");
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        formula.textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr("convintro.outputSize", vm.result().rows().formula()), vm.resultProperty()));
        Label message = new Label();
        message.setId("pool-message");
        message.setWrapText(true);
        message.textProperty()
                .bind(i18n.bind(
                        () -> {
                            PoolingViewModel.Result r = vm.result();
                            if (!r.ok()) return "✗ " + i18n.tr("animator.noOutput", i18n.tr(r.problem()));
                            return String.join(
                                    "\n", vm.noteKeys().stream().map(i18n::tr).toList());
                        },
                        vm.resultProperty()));
        Grids.hideWhenEmpty(message);
        Label stepText = new Label();
        stepText.setId("pool-step");
        stepText.getStyleClass().add("products");
        stepText.setWrapText(true);
        stepText.setMinHeight(Label.USE_PREF_SIZE);
        stepText.textProperty()
                .bind(i18n.bind(
                        () -> vm.stepText(i18n.numbers()),
                        vm.resultProperty(),
                        vm.stepper().stepProperty()));
        VBox panel = new VBox(8, formula, message, stepText);
        panel.setMinWidth(220);
        return panel;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    PoolingViewModel viewModel() {
        return vm;
    }

    private void redraw() {
        PoolingViewModel.Result r = vm.result();
        int p = vm.paddingProperty().get();
        inView.setValues(vm.padded(), p, p);
        if (!r.ok() || vm.stepper().count() == 0) {
            inView.setWindow(List.of());
            inView.setWinners(List.of());
            outView.setValues(new double[0][0]);
            return;
        }
        PoolTrace.Step s = r.trace().steps().get(vm.stepper().step());
        inView.setWindow(s.cells());
        inView.setWinners(s.winner() == null ? List.of() : List.of(s.winner()));
        outView.setFilled(r.output(), r.trace().outHeight(), r.trace().outWidth(), s.index() + 1);
        outView.setSelected(s.outRow(), s.outCol());
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        controls.stop();
    }
}
