package org.kernellab.ui.animator;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.ScatterTrace;
import org.kernellab.compute.Tensor;
import org.kernellab.data.Images;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.widgets.GridStage;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.ImageFiles;
import org.kernellab.ui.widgets.MatrixView;
import org.kernellab.ui.widgets.PythonPanel;
import org.kernellab.ui.widgets.StepControls;
import org.kernellab.ui.widgets.Workspace;

/**
 * The convolution animator a teacher projects: settings on the left; the padded input with the kernel's
 * window, the kernel and the output filling in on the right, with the current step's products and sum, the
 * size formula, the PyTorch line, and export of the frame (PNG) or the whole animation (GIF).
 * Manifest parameters: {@code input}, {@code kernel} (rows), {@code padding}, {@code stride}, {@code mode}
 * ("convolution" or "transposed"), {@code seed}.
 */
public final class AnimatorPage implements Page {
    private final AnimatorViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private GridStage hero; // what the exports capture: the grids, the step's products and sum
    private final MatrixView inView = new MatrixView(), kView = new MatrixView(), outView = new MatrixView();
    private final StepControls controls;
    private final Label message = new Label();
    private final Timeline glide = new Timeline();
    private int[] lastWindow;

    private final Lifetime life = new Lifetime();
    private final AnimatorExport export;

    public AnimatorPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        I18n i18n = ctx.i18n();
        vm = new AnimatorViewModel(ctx.engineReady(), ctx.pictures(), params.integer("seed", 7));
        Tensor in = params.matrix("input", null), k = params.matrix("kernel", null);
        if (in != null || k != null) {
            vm.configure(
                    in != null ? in : vm.inputProperty().get(),
                    k != null ? k : vm.kernelProperty().get(),
                    params.integer("padding", 0),
                    params.integer("stride", 1));
        }
        if ("transposed".equals(params.string("mode", "convolution")))
            vm.modeProperty().set(AnimatorViewModel.Mode.TRANSPOSED);
        controls = new StepControls(vm.stepper(), i18n);

        Node display = display(i18n);
        export = new AnimatorExport(
                vm,
                ctx,
                hero,
                () -> {
                    glide.stop();
                    inView.windowShiftRowProperty().set(0);
                    inView.windowShiftColProperty().set(0);
                },
                this::showError);
        root.setCenter(new Workspace(
                new AnimatorSettings(vm, i18n, this::guarded, this::openImage, export::choose).build(),
                display,
                480,
                i18n,
                ctx.presentation()));
        root.getStyleClass().add("animator");
        root.setFocusTraversable(true);
        controls.installKeys(root);

        vm.resultProperty().addListener((o, a, b) -> redraw(true));
        vm.stepper().stepProperty().addListener((o, a, b) -> redraw(false));
        life.onChange(ctx.palette(), p -> redraw(false));
        redraw(true);
    }

    public AnimatorViewModel viewModel() {
        return vm;
    }

    MatrixView outputView() {
        return outView;
    }

    MatrixView inputView() {
        return inView;
    }

    MatrixView kernelView() {
        return kView;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        controls.stop();
        glide.stop();
        life.end();
    }

    // ---------------------------------------------------------------- display

    private Node display(I18n i18n) {
        for (MatrixView m : new MatrixView[] {inView, kView, outView}) {
            m.paletteProperty().bind(ctx.palette());
            m.numbersProperty().bind(ctx.i18n().numbersProperty());
        }
        inView.setId("animator-input");
        kView.setId("animator-kernel");
        outView.setId("animator-output");
        inView.setOnCellEdited((rc, v) -> vm.editInput(rc[0], rc[1], v));
        kView.setOnCellEdited((rc, v) -> vm.editKernel(rc[0], rc[1], v));
        outView.setOnCellClicked(this::jumpToOutput);

        Label inTitle = Grids.title(i18n.bind(
                () -> {
                    Tensor t = vm.inputProperty().get();
                    boolean conv = vm.modeProperty().get() == AnimatorViewModel.Mode.CONVOLUTION;
                    int ph = vm.padHProperty().get(), pw = vm.padWProperty().get();
                    return conv && (ph > 0 || pw > 0)
                            ? i18n.tr("animator.inputPadded", t.dim(0), t.dim(1), t.dim(0) + 2 * ph, t.dim(1) + 2 * pw)
                            : i18n.tr("convintro.input", t.dim(0), t.dim(1));
                },
                vm.inputProperty(),
                vm.padHProperty(),
                vm.padWProperty(),
                vm.modeProperty()));
        Label kTitle = Grids.title(i18n.bind(
                () -> i18n.tr(
                        vm.applied() != vm.kernelProperty().get() ? "animator.kernelFlipped" : "convintro.kernel",
                        vm.kernelProperty().get().dim(0),
                        vm.kernelProperty().get().dim(1)),
                vm.kernelProperty(),
                vm.trueConvolutionProperty(),
                vm.modeProperty()));
        Label outTitle = Grids.title(i18n.bind(
                () -> {
                    AnimatorViewModel.Result r = vm.result();
                    if (!r.ok()) return i18n.tr("convintro.noOutput");
                    return vm.modeProperty().get() == AnimatorViewModel.Mode.TRANSPOSED
                                    && (vm.padHProperty().get() > 0
                                            || vm.padWProperty().get() > 0)
                            ? i18n.tr(
                                    "animator.outputCropped",
                                    r.rows().output(),
                                    r.cols().output())
                            : i18n.tr(
                                    "convintro.output",
                                    r.rows().output(),
                                    r.cols().output());
                },
                vm.resultProperty()));

        Label formula = new Label();
        formula.setId("animator-formula");
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        formula.textProperty()
                .bind(i18n.bind(
                        () -> {
                            AnimatorViewModel.Result r = vm.result();
                            return r.rows().formula().equals(r.cols().formula())
                                            && vm.inputHProperty().get()
                                                    == vm.inputWProperty().get()
                                    ? i18n.tr("convintro.outputSize", r.rows().formula())
                                    : i18n.tr(
                                            "convintro.outputSizeHW",
                                            r.rows().formula(),
                                            r.cols().formula());
                        },
                        vm.resultProperty()));

        message.setId("animator-message");
        message.setWrapText(true);
        message.textProperty().bind(i18n.bind(this::messageText, vm.resultProperty(), ctx.engineReady()));
        Grids.hideWhenEmpty(message);

        Label stepTitle = new Label();
        stepTitle.setId("animator-step");
        stepTitle.getStyleClass().add("step-title");
        stepTitle
                .textProperty()
                .bind(i18n.bind(
                        this::stepTitle, vm.resultProperty(), vm.stepper().stepProperty()));
        Label stepText = new Label();
        stepText.setId("animator-products");
        stepText.getStyleClass().add("products");
        stepText.setMinHeight(Label.USE_PREF_SIZE);
        stepText.setWrapText(true); // a 7×7 kernel's row of products is longer than a projector is wide
        stepText.textProperty()
                .bind(i18n.bind(
                        () -> vm.stepText(i18n.numbers()),
                        vm.resultProperty(),
                        vm.stepper().stepProperty()));

        stepTitle.setWrapText(true);
        VBox panel = new VBox(8, formula, message, stepTitle, stepText);
        panel.getStyleClass().add("step-panel");
        panel.setMinWidth(220);
        hero = new GridStage(List.of(inTitle, kTitle, outTitle), List.of(inView, kView, outView), panel, 3);
        hero.minPanelFontProperty()
                .bind(Bindings.when(ctx.presentation())
                        .then(GridStage.PRESENTATION_FONT)
                        .otherwise(0.0));
        VBox.setVgrow(hero, Priority.ALWAYS);

        ReadOnlyStringWrapper code = new ReadOnlyStringWrapper();
        code.bind(Bindings.createStringBinding(
                () -> {
                    AnimatorViewModel.Result r = vm.result();
                    Tensor t = vm.inputProperty().get();
                    String flip = vm.applied() != vm.kernelProperty().get()
                            ? "\n# " + i18n.tr("animator.flipComment")
                                    + "\nlayer.weight.data = torch.flip(w, dims=[2, 3])"
                            : "";
                    return "layer = " + r.pytorch() + flip + "\nx = torch.zeros(1, 1, " + t.dim(0) + ", " + t.dim(1)
                            + ")\n"
                            + (r.ok()
                                    ? "layer(x).shape  # "
                                            + r.shapes().substring(r.shapes().indexOf("→ ") + 2)
                                    : "layer(x)  # RuntimeError");
                },
                vm.resultProperty(),
                vm.trueConvolutionProperty(),
                i18n.localeProperty()));
        PythonPanel python = new PythonPanel("animator-python", code, ctx.i18n());

        Label keys = AnimatorSettings.title(i18n, "animator.keys");
        keys.getStyleClass().addAll("hint", "classroom-extra");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        python.setMinHeight(Region.USE_PREF_SIZE);
        Grids.hideWhile(ctx.presentation(), keys, python); // the back row needs the grids, not the keys and the code
        python.getStyleClass().add("classroom-extra");
        VBox right = new VBox(12, hero, controls, keys, python);
        right.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private int totalColumns() {
        Tensor in = vm.inputProperty().get(), k = vm.kernelProperty().get();
        AnimatorViewModel.Result r = vm.result();
        boolean conv = vm.modeProperty().get() == AnimatorViewModel.Mode.CONVOLUTION;
        int inCols = in.dim(1) + (conv ? 2 * vm.padWProperty().get() : 0);
        int outCols = !r.ok() ? 3 : conv ? r.cols().output() : r.scatter().fullWidth();
        return inCols + Math.max(3, k.dim(1)) + Math.max(3, outCols);
    }

    private String messageText() {
        I18n i18n = ctx.i18n();
        AnimatorViewModel.Result r = vm.result();
        if (!r.ok()) return "✗ " + i18n.tr("animator.noOutput", i18n.tr(r.problem()));
        StringBuilder sb = new StringBuilder();
        if (r.trace() != null) {
            Coverage coverage = vm.coverage();
            List<Integer> rows = coverage.uncoveredRows(), cols = coverage.uncoveredCols();
            if (!rows.isEmpty() || !cols.isEmpty()) {
                sb.append(i18n.tr(
                        "animator.uncovered", rows.isEmpty() ? "–" : join(rows), cols.isEmpty() ? "–" : join(cols)));
            } else if (coverage.uncoveredCells() > 0) {
                sb.append(i18n.tr("animator.uncoveredCells", coverage.uncoveredCells()));
            }
        }
        if (!ctx.engineReady().get()) sb.append(sb.length() > 0 ? "\n" : "").append(i18n.tr("animator.waitingEngine"));
        return sb.toString();
    }

    private String stepTitle() {
        AnimatorViewModel.Result r = vm.result();
        if (!r.ok() || vm.stepper().count() == 0) return "";
        int i = vm.stepper().step();
        if (r.trace() != null) {
            ConvTrace.Step s = r.trace().steps().get(i);
            return ctx.i18n().tr("convintro.step", i + 1, vm.stepper().count(), s.outRow(), s.outCol());
        }
        ScatterTrace.Step s = r.scatter().steps().get(i);
        return ctx.i18n().tr("animator.scatterStep", i + 1, vm.stepper().count(), s.inRow(), s.inCol());
    }

    private static String join(List<Integer> l) {
        return String.join(", ", l.stream().map(String::valueOf).toList());
    }

    /** Puts the grids, the window and the marks in line with the view-model; {@code fresh}: new settings. */
    private void redraw(boolean fresh) {
        AnimatorViewModel.Result r = vm.result();
        Tensor in = vm.inputProperty().get();
        kView.setValues(vm.applied().toMatrix());
        if (vm.modeProperty().get() == AnimatorViewModel.Mode.CONVOLUTION) {
            inView.setValues(
                    vm.paddedInput(), vm.padHProperty().get(), vm.padWProperty().get());
            inView.setSelected(-1, -1);
            if (!r.ok()) {
                inView.setWindow(List.of());
                inView.setUncovered(null);
                outView.setValues(new double[0][0]);
                lastWindow = null;
                return;
            }
            inView.setUncovered(vm.coverage().neverCovered());
            ConvTrace.Step s = r.trace().steps().get(vm.stepper().step());
            inView.setWindow(s.terms().stream()
                    .filter(t -> t.channel() == 0)
                    .map(t -> new int[] {t.row(), t.col()})
                    .toList());
            glideFrom(fresh ? null : lastWindow, s.top(), s.left());
            lastWindow = new int[] {s.top(), s.left()};
            outView.setFilled(r.output(), r.trace().outHeight(), r.trace().outWidth(), s.index() + 1);
            outView.setSelected(s.outRow(), s.outCol());
            outView.setUncovered(null);
        } else {
            inView.setValues(in.toMatrix());
            inView.setUncovered(null);
            inView.setWindow(List.of());
            if (!r.ok()) {
                inView.setSelected(-1, -1);
                outView.setValues(new double[0][0]);
                outView.setWindow(List.of());
                return;
            }
            ScatterTrace.Step s = r.scatter().steps().get(vm.stepper().step());
            inView.setSelected(s.inRow(), s.inCol());
            outView.setValues(
                    r.scatter().partialSum(s.index() + 1),
                    vm.padHProperty().get(),
                    vm.padWProperty().get());
            outView.setWindow(s.cells());
            outView.setSelected(-1, -1);
            lastWindow = null;
        }
    }

    /** Glides the window from its last place to (top, left) in a fraction of a step's time. */
    private void glideFrom(int[] last, int top, int left) {
        glide.stop();
        if (last == null) {
            inView.windowShiftRowProperty().set(0);
            inView.windowShiftColProperty().set(0);
            return;
        }
        inView.windowShiftRowProperty().set(last[0] - top);
        inView.windowShiftColProperty().set(last[1] - left);
        double ms = Math.min(180, 600 / vm.stepper().speedProperty().get());
        glide.getKeyFrames()
                .setAll(new KeyFrame(
                        Duration.millis(ms),
                        new KeyValue(inView.windowShiftRowProperty(), 0),
                        new KeyValue(inView.windowShiftColProperty(), 0)));
        glide.playFromStart();
    }

    private void jumpToOutput(int row, int col) {
        AnimatorViewModel.Result r = vm.result();
        if (r.ok()
                && r.trace() != null
                && row < r.trace().outHeight()
                && col < r.trace().outWidth()) {
            vm.stepper().stepProperty().set(row * r.trace().outWidth() + col);
        }
    }

    // ---------------------------------------------------------------- files

    private void openImage() {
        ImageFiles.choose(root.getScene().getWindow()).ifPresent(this::loadImage);
    }

    void exportPng(Path file) {
        export.png(file);
    }

    void exportGif(Path file) {
        export.gif(file);
    }

    /** Reads an image file, turns it grey and fits it to the input; a file that is no image says so. */
    void loadImage(Path file) {
        ImageFiles.read(file)
                .ifPresentOrElse(
                        p -> vm.usePicture(
                                Images.grey(p.argb(), p.width(), p.height()), AnimatorViewModel.Source.IMAGE),
                        () -> showError(ctx.i18n().tr("animator.badImage", file.getFileName())));
    }

    private void showError(String text) {
        message.textProperty().unbind();
        message.setText("✗ " + text);
        message.getStyleClass().add("problem");
        // the next change of settings brings the usual messages back
        vm.resultProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                vm.resultProperty().removeListener(this);
                message.getStyleClass().remove("problem");
                message.textProperty()
                        .bind(ctx.i18n().bind(AnimatorPage.this::messageText, vm.resultProperty(), ctx.engineReady()));
            }
        });
    }

    // ---------------------------------------------------------------- small helpers

    /** Runs a change that may be refused (a missing data file): the student sees why, the page stays. */
    private void guarded(Runnable change) {
        try {
            change.run();
        } catch (ComputeException e) {
            showError(ctx.i18n().tr(e.problem()));
        }
    }
}
