package org.kernellab.ui.draw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.draw.DrawViewModel.Goal;
import org.kernellab.ui.explain.ExplainInput;
import org.kernellab.ui.explain.ExplainScene;
import org.kernellab.ui.explain.InputColumn;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.Workspace;

/**
 * Draw your own input: a 28×28 canvas with a brush and an eraser, the net's probabilities and first feature maps
 * following each stroke, and what a filter or a class wants to see. Scene fields: the net ({@link ExplainScene}:
 * {@code net}, {@code netFile}, {@code normalize}); {@code brush} (1–5), {@code eraser} (true or false); {@code start}
 * (a test image to begin from, 0–9,999: the canvas starts from it when the scene has no drawing); {@code drawing} (the
 * picture itself, 28 rows of 28 values from 0 to 1, so that a student's drawing comes back); {@code goal} (first-conv,
 * second-conv or class) and its {@code unit} (a filter or class, 0–511).
 */
public final class DrawPage implements Page {
    private final DrawViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final SceneFields scene;

    /** The brush's largest width, and the last filter (or class) the ascent offers. */
    static final int MAX_BRUSH = 5, MAX_UNIT = 511;

    public DrawPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        ExplainInput input = ctx.shared(ExplainInput.class, () -> new ExplainInput(ctx.workbench()));
        input.start();
        vm = new DrawViewModel(input, ctx.tasks(), i18n);
        String lesson = params.string("lesson", "");
        root.addEventFilter(
                MouseEvent.MOUSE_PRESSED,
                e -> { // a stroke (not a picture loaded for it) is trying the lesson
                    if (e.getTarget() instanceof Canvas && !lesson.isEmpty())
                        ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
                });
        scene = ExplainScene.net(new SceneFields(params), ctx, input)
                .integer("brush", vm.brushProperty(), 1, MAX_BRUSH)
                .bool("eraser", vm.eraserProperty())
                .integer("start", vm.startProperty(), 0, ExplainScene.MAX_IMAGE)
                .matrix(
                        "drawing",
                        () -> ExplainScene.tensor(vm.drawingProperty().get()),
                        t -> vm.useDrawing(ExplainScene.drawing(t)))
                .choice("goal", vm.goalProperty(), Goal.class)
                .integer("unit", vm.unitProperty(), 0, MAX_UNIT);
        scene.finish();
        // a lesson's test image to start from, unless the scene brings the drawing itself
        if (params.values().containsKey("start") && !params.values().containsKey("drawing"))
            ctx.workbench().withData(d -> vm.startFromTest());
        ScrollPane centre = new ScrollPane(new DrawStage(vm, ctx, life).view());
        centre.setFitToWidth(true);
        root.setCenter(new Workspace(settings(input), centre, 520, i18n, ctx.presentation()));
    }

    private Region settings(ExplainInput input) {
        VBox box = new VBox(8);
        box.getChildren().addAll(InputColumn.netSource(input, ctx, life, root, "draw"));
        SliderRow brush = new SliderRow("draw-brush", i18n.bind("draw.brush"), vm.brushProperty(), 1, MAX_BRUSH);
        CheckBox eraser = new CheckBox();
        eraser.setId("draw-eraser");
        eraser.textProperty().bind(i18n.bind("draw.eraser"));
        eraser.selectedProperty().bindBidirectional(vm.eraserProperty());
        Button clear = Controls.button("draw-clear", i18n, "draw.clear", vm::clear);
        Button invert = Controls.button("draw-invert", i18n, "draw.invert", vm::invert);
        Spinner<Integer> start =
                new Spinner<>(0, ExplainScene.MAX_IMAGE, vm.startProperty().get());
        start.setId("draw-start");
        start.setEditable(true);
        start.getValueFactory()
                .valueProperty()
                .addListener((o, a, b) -> vm.startProperty().set(b));
        Button from = Controls.button("draw-from-test", i18n, "draw.fromTest", vm::startFromTest);
        Map<Goal, String[]> goals = new LinkedHashMap<>();
        goals.put(Goal.FIRST_CONV, new String[] {"draw-goal-first", "draw.goalFirst"});
        goals.put(Goal.SECOND_CONV, new String[] {"draw-goal-second", "draw.goalSecond"});
        goals.put(Goal.CLASS, new String[] {"draw-goal-class", "draw.goalClass"});
        Spinner<Integer> unit = new Spinner<>(0, MAX_UNIT, vm.unitProperty().get());
        unit.setId("draw-unit");
        unit.setEditable(true);
        unit.getValueFactory()
                .valueProperty()
                .addListener((o, a, b) -> vm.unitProperty().set(b));
        life.onChange(vm.unitProperty(), u -> unit.getValueFactory().setValue(u.intValue()));
        Button ascend = Controls.button("draw-ascend", i18n, "draw.ascend", vm::ascend);
        box.getChildren()
                .addAll(List.of(
                        Controls.label(i18n, "draw.tools"),
                        brush,
                        eraser,
                        clear,
                        invert,
                        Controls.label(i18n, "draw.startFrom"),
                        start,
                        from,
                        Controls.label(i18n, "draw.wants"),
                        Segments.column(vm.goalProperty(), goals, i18n),
                        Controls.label(i18n, "draw.unit"),
                        unit,
                        ascend));
        return Controls.column(box, 260);
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
