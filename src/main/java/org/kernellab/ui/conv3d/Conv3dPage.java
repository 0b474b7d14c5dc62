package org.kernellab.ui.conv3d;

import java.util.Arrays;
import java.util.stream.Collectors;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Cubes;
import org.kernellab.ui.widgets.GridStage;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.StepControls;
import org.kernellab.ui.widgets.Viewport3D;
import org.kernellab.ui.widgets.Workspace;

/**
 * A 3D convolution a step at a time: the input volume (non-zero cells as cubes), the kernel's window as a translucent
 * cube moving through it, and the output volume filling in, with the current cell's 27 (k³) products and their sum.
 * Scene fields: {@code seed} (the numbers', fixed), {@code input} (3–10, the volume's side), {@code kernel} (1–5),
 * {@code stride} (1–3), {@code padding} (0–2), {@code step}, and the view's turn: {@code yaw} (degrees, −180 to 180),
 * {@code pitch} (−89 to 89) and {@code distance} (150–2000).
 */
public final class Conv3dPage implements Page {
    private static final double CELL = 18, GAP = 60;

    private final Conv3dViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Lifetime life = new Lifetime();
    private final StepControls controls;
    private final boolean has3d = Platform.isSupported(ConditionalFeature.SCENE3D);
    private final DoubleProperty yaw = new SimpleDoubleProperty(-30),
            pitch = new SimpleDoubleProperty(-25),
            distance = new SimpleDoubleProperty(520);
    private final Viewport3D view = has3d ? new Viewport3D(yaw, pitch, distance) : null;
    private final Label size = new Label(), stepTitle = new Label(), products = new Label();
    private final SceneFields scene;

    public Conv3dPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        int seed = params.integer("seed", 3);
        vm = new Conv3dViewModel(ctx.engineReady(), seed);
        scene = new SceneFields(params)
                .fixed("seed", seed)
                .integer("input", vm.inputProperty(), 3, Conv3dViewModel.MAX_INPUT)
                .integer("kernel", vm.kernelProperty(), 1, 5)
                .integer("stride", vm.strideProperty(), 1, 3)
                .integer("padding", vm.paddingProperty(), 0, 2)
                .step(vm.stepper())
                .custom("yaw", () -> Math.IEEEremainder(yaw.get(), 360), v -> yaw.set(angle(v)))
                .decimal("pitch", pitch, -89, 89)
                .decimal("distance", distance, 150, 2000);
        scene.finish();
        controls = new StepControls(vm.stepper(), i18n);
        root.setCenter(new Workspace(settings(), stage(), 420, i18n, ctx.presentation()));
        controls.installKeys(root);
        vm.resultProperty().addListener((o, a, b) -> redraw());
        vm.stepper().stepProperty().addListener((o, a, b) -> redraw());
        life.onChange(i18n.localeProperty(), l -> redraw());
        life.onChange(ctx.palette(), p -> redraw());
        redraw();
    }

    /** A turn in degrees, any number of them. */
    private static double angle(Object v) {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()))
            throw new SceneFields.Invalid("scene.notNumber", "yaw", v);
        return Math.IEEEremainder(n.doubleValue(), 360);
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    public Conv3dViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        controls.stop();
        life.end();
    }

    private Region settings() {
        VBox box = new VBox(
                8,
                new SliderRow("c3-input", i18n.bind("conv3d.input"), vm.inputProperty(), 3, Conv3dViewModel.MAX_INPUT),
                new SliderRow("c3-kernel", i18n.bind("conv3d.kernel"), vm.kernelProperty(), 1, 5),
                new SliderRow("c3-stride", i18n.bind("conv3d.stride"), vm.strideProperty(), 1, 3),
                new SliderRow("c3-padding", i18n.bind("conv3d.padding"), vm.paddingProperty(), 0, 2),
                size);
        size.setId("c3-size");
        size.setWrapText(true);
        return Controls.column(box, 260);
    }

    private Node stage() {
        stepTitle.setId("c3-step");
        stepTitle.getStyleClass().add("step-title");
        stepTitle.setWrapText(true);
        stepTitle.setMinHeight(Region.USE_PREF_SIZE);
        products.setId("c3-products");
        products.getStyleClass().add("code");
        products.setWrapText(true);
        products.setMinHeight(Region.USE_PREF_SIZE);
        // the step and its products in type for the back of the room when presenting
        VBox step = new VBox(4, stepTitle, products);
        step.styleProperty()
                .bind(Bindings.when(ctx.presentation())
                        .then("-fx-font-size: " + GridStage.PRESENTATION_FONT + "px;")
                        .otherwise(""));
        Node picture = has3d ? view : Controls.label(i18n, "conv3d.no3d");
        // while presenting, the step beside the picture: the cubes keep the stage's height, the products wrap
        HBox top = new HBox(16, picture);
        HBox.setHgrow(picture, Priority.ALWAYS);
        VBox box = new VBox(8, top, controls, step);
        VBox.setVgrow(top, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        Runnable place = () -> {
            step.prefWidthProperty().unbind();
            if (ctx.presentation().get()) {
                step.prefWidthProperty().bind(box.widthProperty().multiply(0.4));
                step.setMinWidth(Region.USE_PREF_SIZE);
                top.getChildren().setAll(picture, step);
                box.getChildren().setAll(top, controls);
            } else {
                step.setPrefWidth(Region.USE_COMPUTED_SIZE);
                step.setMinWidth(Region.USE_COMPUTED_SIZE);
                top.getChildren().setAll(picture);
                box.getChildren().setAll(top, controls, step);
            }
        };
        life.onChange(ctx.presentation(), on -> place.run());
        place.run();
        return box;
    }

    private void redraw() {
        Conv3dViewModel.Result r = vm.resultProperty().get();
        int n = vm.inputProperty().get(), k = vm.kernelProperty().get();
        size.setText(
                r.ok() ? i18n.tr("conv3d.size", r.size().formula(), r.size().output()) : "✗ " + i18n.tr(r.problem()));
        if (!r.ok() || vm.stepper().count() == 0) {
            stepTitle.setText("");
            products.setText("");
            if (has3d) view.show(new Group());
            return;
        }
        int o = r.size().output(), at = vm.stepper().step();
        Conv3dViewModel.Step s = vm.step(at);
        stepTitle.setText(i18n.tr("conv3d.step", at + 1, vm.stepper().count(), s.d(), s.h(), s.w()));
        String terms = s.products().stream()
                .map(pv -> i18n.numbers().format(pv[0]) + "·" + i18n.numbers().format(pv[1]))
                .collect(Collectors.joining(" + "));
        products.setText(
                terms + "\n= " + (Double.isNaN(s.value()) ? "…" : i18n.numbers().format(s.value())));
        if (!has3d) return;
        view.background(ctx.palette().getValue().background());
        Tensor in = r.input();
        double max = 3;
        Node input =
                Cubes.mesh(n, n, n, CELL, (x, y, z) -> in.get(x, y, z) == 0 ? -1 : (int) (255 * in.get(x, y, z) / max));
        input.setTranslateX(-(n * CELL + GAP) / 2);
        Box window = new Box(k * CELL, k * CELL, k * CELL);
        window.setMaterial(new PhongMaterial(Color.color(0.95, 0.45, 0.1, 0.35)));
        double[] c = Cubes.screen(s.d0() + k / 2.0, s.h0() + k / 2.0, s.w0() + k / 2.0, n, n, n, CELL);
        window.setTranslateX(c[0] - (n * CELL + GAP) / 2);
        window.setTranslateY(c[1]);
        window.setTranslateZ(c[2]);
        // the output cells computed so far, and the current one
        Tensor out = r.output();
        double range = out == null
                ? 1
                : Math.max(1e-9, Arrays.stream(out.data()).map(Math::abs).max().orElse(1));
        Node output = Cubes.mesh(
                o,
                o,
                o,
                CELL,
                (x, y, z) -> x * o * o + y * o + z > at || out == null
                        ? -1
                        : (int) (127.5 + 127.5 * out.get(x, y, z) / range));
        output.setTranslateX((o * CELL + GAP) / 2);
        Box current = new Box(CELL * 1.15, CELL * 1.15, CELL * 1.15);
        current.setMaterial(new PhongMaterial(Color.color(0.1, 0.45, 0.9, 0.45)));
        double[] q = Cubes.screen(s.d() + 0.5, s.h() + 0.5, s.w() + 0.5, o, o, o, CELL);
        current.setTranslateX(q[0] + (o * CELL + GAP) / 2);
        current.setTranslateY(q[1]);
        current.setTranslateZ(q[2]);
        view.show(input, window, output, current);
    }
}
