package org.kernellab.ui.training;

import org.kernellab.compute.Problem;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.NetSpec;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.AppContext;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Page;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Workspace;
import org.kernellab.i18n.Numbers;

/**
 * The training lab: edit the net (layer shapes and parameters update as you edit), train it live with loss and
 * accuracy curves, overlay runs (the course's MLP against its CNN), and look at what a trained net gets wrong.
 * The lab's state lives as long as the app: runs go on, and stay listed, while the student opens other lessons.
 * Parameters: {@code model} (mlp or cnn), {@code filters}, {@code blocks}: the editor's starting net; {@code solveAfter}:
 * how many different architectures a student trains to finish the lesson (2: the MLP and the CNN).
 */
public final class TrainingPage implements Page {
    private final TrainingViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Lifetime life = new Lifetime();
    private final Tab resultsTab;

    public TrainingPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        // one lab per app: runs go on, and stay listed, while the student looks at other lessons
        vm = ctx.trainingLab();
        String lesson = params.string("lesson", "");
        if (vm.openedFor(lesson)) { // a lesson's starting net, unless the student is coming back to what they edited
            vm.kind.set("mlp".equals(params.string("model", "cnn")) ? NetSpec.Kind.MLP : NetSpec.Kind.CNN);
            vm.filters.set(params.integer("filters", TrainingViewModel.DEMO_FILTERS));
            vm.blocks.set(params.integer("blocks", 2));
            // training settings only where the lesson names them (the overfitting lesson's 1,000 images for 40 epochs)
            java.util.Map<String, ?> named = params.values();
            if (named.containsKey("limit")) vm.limit.set(params.integer("limit", 0));
            if (named.containsKey("epochs")) vm.epochs.set(params.integer("epochs", TrainingViewModel.DEMO_EPOCHS));
            if (named.containsKey("batch")) vm.batch.set(params.integer("batch", TrainingViewModel.DEMO_BATCH));
            if (named.containsKey("lr")) vm.lr.set(params.string("lr", TrainingViewModel.DEMO_LR));
        }
        // the lesson is tried with a first finished run, and done once it has compared enough architectures
        int solveAfter = params.integer("solveAfter", 2);
        life.onChange(vm.selectedProperty(), run -> {
            if (run != null && !lesson.isEmpty()) {
                ctx.progress().raise(lesson, vm.architecturesTrained() >= solveAfter ? Progress.Mark.SOLVED : Progress.Mark.ATTEMPTED);
            }
        });
        root.getStyleClass().add("training-lab");
        RunCharts curves = new RunCharts(vm, i18n, life);
        HBox charts = new HBox(8, curves.loss, curves.accuracy);
        HBox.setHgrow(curves.loss, Priority.ALWAYS);
        HBox.setHgrow(curves.accuracy, Priority.ALWAYS);
        Label chartsNote = new Label();
        chartsNote.textProperty().bind(i18n.bind("train.chartsNote"));
        chartsNote.getStyleClass().add("hint");
        chartsNote.setWrapText(true);
        chartsNote.setMinHeight(Region.USE_PREF_SIZE);
        Label notice = new Label();
        notice.setId("train-message");
        notice.setWrapText(true);
        notice.getStyleClass().add("problem");
        notice.textProperty().bind(i18n.bind(() -> vm.noticeProperty().get() == null ? "" : "✗ " + i18n.tr(vm.noticeProperty().get()),
                vm.noticeProperty()));
        Grids.hideWhenEmpty(notice);
        Label data = new Label();
        data.setId("train-data");
        data.getStyleClass().add("hint");
        data.setWrapText(true);
        data.setMinHeight(Region.USE_PREF_SIZE);
        data.textProperty().bind(i18n.bind(() -> {
            var d = ctx.workbench().dataProperty().get();
            Problem problem = ctx.workbench().dataProblemProperty().get();
            return (d == null ? i18n.tr("data.loadingNow")
                    : i18n.tr("data.source." + d.source(), d.location(), Numbers.grouped(d.train().size()), Numbers.grouped(d.test().size())))
                    + (problem == null ? "" : "\n✗ " + i18n.tr(problem));
        }, ctx.workbench().dataProperty(), ctx.workbench().dataProblemProperty()));
        ctx.workbench().withData(d -> {}); // load while the student reads and edits
        VBox trainingTab = new VBox(10, new RunBar(vm, i18n, life).build(), notice, charts, chartsNote, RunsTable.of(vm, i18n, life), data);
        VBox.setVgrow(charts, Priority.ALWAYS); // the curves take what the window has to spare
        trainingTab.setPadding(new Insets(10));
        ScrollPane trainingScroll = new ScrollPane(trainingTab);
        trainingScroll.setFitToWidth(true);
        trainingScroll.setFitToHeight(true);

        ResultsPane results = new ResultsPane(vm, ctx, root);
        resultsTab = tab("train-tab-results", "train.tabResults", results.build());
        TabPane tabs = new TabPane(tab("train-tab-training", "train.tabTraining", trainingScroll), resultsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(new Workspace(new EditorPane(vm, i18n, life).build(), tabs, 520, i18n, ctx.presentation()));

        // the results (a gallery of images) are built when they are looked at, not while the next run trains
        Runnable show = () -> {
            if (resultsTab.isSelected()) results.showResults(vm.selectedProperty().get());
        };
        life.onChange(vm.selectedProperty(), run -> show.run());
        resultsTab.selectedProperty().addListener((o, a, b) -> show.run());
        life.onChange(ctx.palette(), p -> show.run());
        life.onChange(i18n.localeProperty(), l -> show.run());
    }

    public TrainingViewModel viewModel() { return vm; }

    @Override public Node view() { return root; }

    /** Leaves the lab: training goes on; this page stops listening to the lab's state. */
    @Override public void dispose() { life.end(); }

    private Tab tab(String id, String key, Node content) { return Controls.tab(id, i18n, key, content); }
}
