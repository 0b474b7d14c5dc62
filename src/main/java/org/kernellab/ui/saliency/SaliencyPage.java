package org.kernellab.ui.saliency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Saliency;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.explain.ExplainScene;
import org.kernellab.ui.explain.InputColumn;
import org.kernellab.ui.saliency.SaliencyViewModel.Target;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.Workspace;

/**
 * Which pixels made the net say what it said: the picture with its prediction, the map at its own resolution and over
 * the picture, the same map for every class, and the sanity checks. Scene fields: the chapter's net and picture
 * ({@link ExplainScene}: {@code net}, {@code netFile}, {@code normalize}, {@code image}, {@code useDrawing},
 * {@code drawing}); {@code method} (gradient, input-gradient, gradcam or occlusion), occlusion's {@code patch} (1–14)
 * and {@code stride} (1–7); {@code target} (predicted, true or chosen) and the chosen {@code class} (0–9);
 * {@code overlay} and {@code allClasses} (true or false).
 */
public final class SaliencyPage implements Page {
    /** The occlusion's largest patch and stride. */
    static final int MAX_PATCH = 14, MAX_STRIDE = 7;

    private final SaliencyViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final SaliencyStage stage;
    private final SceneFields scene;

    public SaliencyPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        ExplainInput input = ctx.shared(ExplainInput.class, () -> new ExplainInput(ctx.workbench()));
        input.start();
        vm = new SaliencyViewModel(input, ctx.tasks(), i18n);
        scene = ExplainScene.picture(ExplainScene.net(new SceneFields(params), ctx, input), input)
                .choice("method", vm.methodProperty(), Saliency.Method.class)
                .integer("patch", vm.patchProperty(), 1, MAX_PATCH)
                .integer("stride", vm.strideProperty(), 1, MAX_STRIDE)
                .choice("target", vm.targetProperty(), Target.class)
                .integer("class", vm.chosenProperty(), 0, CourseNets.CLASSES - 1)
                .bool("overlay", vm.overlayProperty())
                .bool("allClasses", vm.allClassesProperty());
        scene.finish();
        String lesson = params.string("lesson", "");
        life.onChange(
                vm.sanityProperty(),
                s -> { // checking a map is trying the lesson
                    if (s != null && !lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
                });
        stage = new SaliencyStage(vm, ctx, life);
        ScrollPane centre = new ScrollPane(stage.view());
        centre.setFitToWidth(true);
        root.setCenter(new Workspace(settings(input), centre, 520, i18n, ctx.presentation()));
    }

    private Region settings(ExplainInput input) {
        VBox box = new VBox(8);
        box.getChildren().addAll(InputColumn.of(input, ctx, life, root));
        Map<Saliency.Method, String[]> methods = new LinkedHashMap<>();
        methods.put(Saliency.Method.GRADIENT, new String[] {"saliency-gradient", "saliency.gradient"});
        methods.put(Saliency.Method.INPUT_GRADIENT, new String[] {"saliency-input-gradient", "saliency.inputGradient"});
        methods.put(Saliency.Method.GRADCAM, new String[] {"saliency-gradcam", "saliency.gradcam"});
        methods.put(Saliency.Method.OCCLUSION, new String[] {"saliency-occlusion", "saliency.occlusion"});
        Map<Target, String[]> targets = new LinkedHashMap<>();
        targets.put(Target.PREDICTED, new String[] {"saliency-predicted", "saliency.targetPredicted"});
        targets.put(Target.TRUE, new String[] {"saliency-true", "saliency.targetTrue"});
        targets.put(Target.CHOSEN, new String[] {"saliency-chosen", "saliency.targetChosen"});
        ComboBox<Integer> chosen = new ComboBox<>();
        chosen.setId("saliency-class");
        for (int c = 0; c < 10; c++) chosen.getItems().add(c);
        Controls.localized(chosen, i18n, c -> i18n.tr("data.class." + c));
        chosen.setValue(vm.chosenProperty().get());
        chosen.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.chosenProperty().set(b);
        });
        chosen.disableProperty().bind(vm.targetProperty().isNotEqualTo(Target.CHOSEN));
        chosen.setMaxWidth(Double.MAX_VALUE);
        SliderRow patch =
                new SliderRow("saliency-patch", i18n.bind("saliency.patch"), vm.patchProperty(), 1, MAX_PATCH);
        SliderRow stride =
                new SliderRow("saliency-stride", i18n.bind("saliency.stride"), vm.strideProperty(), 1, MAX_STRIDE);
        Grids.hideWhile(vm.methodProperty().isNotEqualTo(Saliency.Method.OCCLUSION), patch, stride);
        CheckBox overlay = check("saliency-overlay", "saliency.overlay");
        overlay.selectedProperty().bindBidirectional(vm.overlayProperty());
        CheckBox all = check("saliency-all", "saliency.allClasses");
        all.selectedProperty().bindBidirectional(vm.allClassesProperty());
        box.getChildren()
                .addAll(
                        Controls.label(i18n, "saliency.method"),
                        Segments.column(vm.methodProperty(), methods, i18n),
                        patch,
                        stride,
                        Controls.label(i18n, "saliency.target"),
                        Segments.column(vm.targetProperty(), targets, i18n),
                        chosen,
                        overlay,
                        all);
        return Controls.column(box, 260);
    }

    private CheckBox check(String id, String key) {
        CheckBox c = new CheckBox();
        c.setId(id);
        c.setWrapText(true);
        c.textProperty().bind(i18n.bind(key));
        return c;
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

    static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (style != null) l.getStyleClass().add(style);
        return l;
    }

    static FlowPane flow(List<Node> nodes) {
        FlowPane f = new FlowPane(16, 12);
        f.getChildren().addAll(nodes);
        f.setPadding(new Insets(0, 0, 8, 0));
        return f;
    }
}
