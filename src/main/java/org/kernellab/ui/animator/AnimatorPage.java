package org.kernellab.ui.animator;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Tensor;
import org.kernellab.data.Images;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
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
 *
 * <p>Scene fields (see {@link AnimatorScene}): {@code seed} (the random numbers' seed, fixed); {@code mode}
 * ("convolution" or "transposed"); {@code separate} (height and width set apart); {@code fashionIndex} (0–1999, the
 * Fashion-MNIST test image); {@code source} (random, course-1-1, course-1-2, course-1-3, counting, fashion, image,
 * custom); {@code imageFile} (the picture file the input was read from); {@code input} (rows, 1–20 a side);
 * {@code preset} (sobel-x, sobel-y, laplacian, box-blur, sharpen, identity, course-2x2 or custom); {@code kernel}
 * (rows, 1–7 a side, unflipped); {@code padding} (0–5), {@code stride} (1–5), {@code dilation} (1–3), each the height
 * and the width, and {@code paddingW}, {@code strideW}, {@code dilationW} the width when separate; {@code bias}
 * (−9 to 9); {@code flip} (a true convolution); {@code step}. An {@code input} or {@code kernel} given without a
 * {@code source} or {@code preset} is the student's own, and a matrix that is not square sets the axes apart.
 */
public final class AnimatorPage implements Page {
    private final AnimatorViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final AnimatorTexts texts;
    private final AnimatorGrids grids;
    private final StepControls controls;
    private final Label message = new Label();
    private final Lifetime life = new Lifetime();
    private final AnimatorExport export;
    private final CifarChannel cifar;
    private final SceneFields scene;

    public AnimatorPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        int seed = params.integer("seed", 7);
        vm = new AnimatorViewModel(ctx.engineReady(), ctx.pictures(), seed);
        scene = AnimatorScene.declare(params, seed, vm, AnimatorPage::readGrey);
        scene.finish();
        texts = new AnimatorTexts(vm, ctx.i18n());
        grids = new AnimatorGrids(vm, ctx.palette(), ctx.i18n().numbersProperty());
        controls = new StepControls(vm.stepper(), ctx.i18n());
        GridStage hero = hero();
        export = new AnimatorExport(vm, ctx, hero, grids::stopGlide, this::showError);
        cifar = new CifarChannel(ctx, vm);
        // the line naming a CIFAR picture goes when another input is chosen
        life.onChange(vm.sourceProperty(), s -> cifar.clear());
        AnimatorSettings settings =
                new AnimatorSettings(vm, ctx.i18n(), this::guarded, this::openImage, export::choose, cifar);
        root.setCenter(new Workspace(settings.build(), stage(hero), 480, ctx.i18n(), ctx.presentation()));
        root.getStyleClass().add("animator");
        root.setFocusTraversable(true);
        controls.installKeys(root);
        life.onChange(ctx.palette(), p -> grids.redraw(false));
    }

    public AnimatorViewModel viewModel() {
        return vm;
    }

    MatrixView outputView() {
        return grids.output();
    }

    MatrixView inputView() {
        return grids.input();
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        controls.stop();
        grids.stopGlide();
        life.end();
    }

    /** A picture file's grey values, for a scene's {@code imageFile}. */
    private static Tensor readGrey(String file) {
        return ImageFiles.read(Path.of(file))
                .map(p -> Images.grey(p.argb(), p.width(), p.height()))
                .orElseThrow(() -> new IllegalArgumentException("cannot read a picture from " + file));
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    // ---------------------------------------------------------------- display

    /** What the exports capture: the grids under their titles, and the panel with the formula and the step. */
    private GridStage hero() {
        List<Label> titles = List.of(
                Grids.title(texts.inputTitle()), Grids.title(texts.kernelTitle()), Grids.title(texts.outputTitle()));
        GridStage hero = new GridStage(titles, grids.all(), stepPanel(), 3);
        hero.minPanelFontProperty()
                .bind(Bindings.when(ctx.presentation())
                        .then(GridStage.PRESENTATION_FONT)
                        .otherwise(0.0));
        VBox.setVgrow(hero, Priority.ALWAYS);
        return hero;
    }

    /** The size formula, the message, and the current step's title, products and sum. */
    private VBox stepPanel() {
        Label formula = wrapped("animator-formula", "formula", texts.formula());
        message.setId("animator-message");
        message.setWrapText(true);
        message.textProperty().bind(texts.message());
        Grids.hideWhenEmpty(message);
        Label stepTitle = wrapped("animator-step", "step-title", texts.stepTitle());
        // wrapped: a 7×7 kernel's row of products is longer than a projector is wide
        Label products = wrapped("animator-products", "products", texts.products());
        products.setMinHeight(Label.USE_PREF_SIZE);
        VBox panel = new VBox(8, formula, message, stepTitle, products);
        panel.getStyleClass().add("step-panel");
        panel.setMinWidth(220);
        return panel;
    }

    /** Beside the settings: the grids and the step controls, and, unless presenting, the keys and the code. */
    private ScrollPane stage(GridStage hero) {
        Label keys = AnimatorSettings.title(ctx.i18n(), "animator.keys");
        keys.getStyleClass().addAll("hint", "classroom-extra");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        PythonPanel python = new PythonPanel("animator-python", texts.python(), ctx.i18n());
        python.setMinHeight(Region.USE_PREF_SIZE);
        python.getStyleClass().add("classroom-extra");
        Grids.hideWhile(ctx.presentation(), keys, python); // the back row needs the grids, not the keys and the code
        VBox right = new VBox(12, hero, controls, keys, python);
        right.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private static Label wrapped(String id, String styleClass, StringBinding text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    // ---------------------------------------------------------------- files and errors

    private void openImage() {
        cifar.clear();
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
                        p -> vm.useImageFile(
                                Images.grey(p.argb(), p.width(), p.height()),
                                file.toAbsolutePath().toString()),
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
                message.textProperty().bind(texts.message());
            }
        });
    }

    /** Runs a change that may be refused (a missing data file): the student sees why, the page stays. */
    private void guarded(Runnable change) {
        try {
            change.run();
        } catch (ComputeException e) {
            showError(ctx.i18n().tr(e.problem()));
        }
    }
}
