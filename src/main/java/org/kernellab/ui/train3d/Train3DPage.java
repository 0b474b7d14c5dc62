package org.kernellab.ui.train3d;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kernellab.compute.ComputeException;
import org.kernellab.i18n.Numbers;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.AppContext;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.Page;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.ModelFiles;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.Workspace;

/**
 * The 3D lab: the course's Conv3DNet (or the exercise's modified net) trained live on voxels, its loss and accuracy per
 * epoch, then the confusion matrix with class names, the accuracy per class and the objects it got wrong, each opening
 * in the voxel viewer. Runs stay on the charts, so the two nets compare. Parameters: {@code net} (course or modified).
 */
public final class Train3DPage implements Page {
    private static final String[] COLOURS = {"#2f6fdf", "#e4572e", "#17a673", "#9b51e0", "#f2a007", "#00a3c4"};

    private final Train3DViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Lifetime life = new Lifetime();
    private final LineChart<Number, Number> loss, accuracy;
    private final Label problem = new Label(), status = new Label(), resultsTitle = new Label();
    private final Net3DEditor editor;
    private final ProgressBar bar = new ProgressBar(0);
    private final Results3DPane results;

    public Train3DPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        vm = ctx.train3d();
        if ("modified".equals(params.string("net", ""))) vm.net.set(Train3DViewModel.Net.MODIFIED);
        String lesson = params.string("lesson", "");
        editor = new Net3DEditor(vm, i18n, life, problem);
        results = new Results3DPane(vm, ctx, resultsTitle);
        loss = chart("t3-loss", "train.axisLoss", false);
        accuracy = chart("t3-accuracy", "train.axisAccuracy", true);
        root.setCenter(new Workspace(settings(), centre(), 480, i18n, ctx.presentation()));
        vm.runs().forEach(this::addSeries);
        life.onList(vm.runs(), (ListChangeListener<Run3D>) c -> {
            while (c.next()) c.getAddedSubList().forEach(this::addSeries);
        });
        life.onChange(vm.currentProperty(), r -> status());
        life.onChange(vm.currentProperty().flatMap(Run3D::progressProperty), p -> status());
        life.onChange(vm.currentProperty().flatMap(Run3D::statusProperty), s -> status());
        life.onChange(vm.shownProperty(), r -> {
            results.show();
            if (r != null && !lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });
        life.onChange(i18n.localeProperty(), l -> {
            status();
            results.show();
            editor.fillLayers();
        });
        for (javafx.beans.value.ObservableValue<?> o : java.util.List.of(vm.net, vm.classes, vm.batch, vm.lr, vm.epochs)) {
            life.onChange(o, x -> editor.fillLayers()); // the lab outlives the page: held by the page's lifetime, not by the lab
        }
        editor.fillLayers();
        status();
        results.show();
    }

    public Train3DViewModel viewModel() { return vm; }

    @Override public Node view() { return root; }

    /** Leaves the lab: training goes on; the page stops listening. */
    @Override public void dispose() { life.end(); }

    private javafx.scene.layout.Region settings() {
        Map<Train3DViewModel.Net, String[]> nets = new LinkedHashMap<>();
        nets.put(Train3DViewModel.Net.COURSE, new String[] {"t3-course", "t3.course"});
        nets.put(Train3DViewModel.Net.MODIFIED, new String[] {"t3-modified", "t3.modified"});
        nets.put(Train3DViewModel.Net.YOURS, new String[] {"t3-yours", "t3.yours"});
        Label source = new Label();
        source.setId("t3-source");
        source.setWrapText(true);
        source.textProperty().bind(i18n.bind(() -> vm.folder.get() == null ? i18n.tr("t3.builtIn") : i18n.tr("t3.folder", vm.folder.get()),
                vm.folder));
        Button pick = Controls.button("t3-pick", i18n, "t3.pick", () -> {
            java.io.File f = new DirectoryChooser().showDialog(root.getScene().getWindow());
            if (f != null) vm.folder.set(f.toPath());
        });
        Button builtIn = Controls.button("t3-builtin", i18n, "t3.useBuiltIn", () -> vm.folder.set(null));
        SliderRow classes = new SliderRow("t3-classes", i18n.bind("t3.classes"), vm.classes, 2, 10);
        SliderRow epochs = new SliderRow("t3-epochs", i18n.bind("train.epochs"), vm.epochs, 1, 20);
        ComboBox<Integer> batch = new ComboBox<>();
        batch.setId("t3-batch");
        batch.getItems().addAll(8, 16, 32, 64, 128);
        batch.valueProperty().bindBidirectional(vm.batch);
        ComboBox<String> lr = new ComboBox<>();
        lr.setId("t3-lr");
        lr.setEditable(true);
        lr.getItems().addAll("0.0001", "0.0003", "0.001", "0.003");
        lr.valueProperty().bindBidirectional(vm.lr);
        VBox box = new VBox(8, Controls.label(i18n, "t3.data"), source, pick, builtIn, classes, Controls.label(i18n, "t3.net"),
                Segments.of(vm.net, nets, i18n), editor.blocks(), editor.layers(), editor.exercise(), epochs, Controls.label(i18n, "train.batch"),
                        batch,
                        Controls.label(i18n, "train.lr"), lr);
        return Controls.column(box, 380);
    }

    private Node centre() {
        Button pause = new Button();
        pause.setId("t3-pause");
        pause.textProperty().bind(i18n.bind(() -> i18n.tr(vm.currentProperty().get() != null
                && vm.currentProperty().get().statusProperty().get() == Train3DViewModel.Status.PAUSED ? "train.resume" : "train.pause"),
                vm.currentProperty()));
        pause.setOnAction(e -> {
            vm.togglePause();
            pause.textProperty().unbind();
            pause.setText(i18n.tr(vm.currentProperty().get() != null
                    && vm.currentProperty().get().statusProperty().get() == Train3DViewModel.Status.PAUSED ? "train.resume" : "train.pause"));
        });
        pause.disableProperty().bind(vm.currentProperty().isNull());
        Button cancel = Controls.button("t3-cancel", i18n, "train.cancel", vm::cancel);
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.disableProperty().bind(vm.currentProperty().isNull());
        status.setId("t3-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        // Train stays on the stage when the settings fold away; why a net cannot train is said under it
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        Grids.hideWhenEmpty(problem);
        Button train = Controls.button("t3-train", i18n, "t3.train", () -> {
            try {
                problem.setText("");
                vm.train();
            } catch (ComputeException e) {
                problem.setText("✗ " + i18n.tr(e.problem()));
            }
        });
        train.getStyleClass().add("accent");
        train.disableProperty().bind(vm.currentProperty().isNotNull());
        for (Button b : new Button[] {train, pause, cancel}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.setMaxWidth(Button.USE_PREF_SIZE);
        }
        bar.setPrefWidth(200);
        FlowPane buttons = new FlowPane(10, 6, train, pause, cancel, bar);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox runBar = new VBox(6, buttons, problem, status);
        HBox charts = new HBox(8, loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        Node top = results.top();
        Button save = Controls.button("t3-save", i18n, "train.save", () -> {
            ModelFiles.save(root.getScene().getWindow(), ModelFiles.Kind.CONV3D, "conv3dnet.model3d").ifPresent(vm::save);
        });
        save.setMaxWidth(Button.USE_PREF_SIZE);
        save.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.shownProperty().get() == null, vm.shownProperty()));
        Button load = Controls.button("t3-load", i18n, "train.load", () -> {
            ModelFiles.open(root.getScene().getWindow(), ModelFiles.Kind.CONV3D).ifPresent(vm::load);
        });
        load.setMaxWidth(Button.USE_PREF_SIZE);
        Label notice = new Label();
        notice.setId("t3-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(i18n.bind(() -> vm.noticeProperty().get() == null ? "" : i18n.tr(vm.noticeProperty().get()), vm.noticeProperty()));
        notice.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane files = new FlowPane(8, 6, save, load, notice);
        files.setAlignment(Pos.CENTER_LEFT);
        var runs = Runs3DTable.of(vm, i18n, r -> COLOURS[(r.number() - 1) % COLOURS.length], life);
        VBox box = new VBox(10, runBar, charts, runs, files, resultsTitle, top, Controls.label(i18n, "t3.mistakes"), results.mistakes());
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private LineChart<Number, Number> chart(String id, String yKey, boolean percent) {
        NumberAxis x = new NumberAxis(), y = new NumberAxis();
        x.labelProperty().bind(i18n.bind("train.axisEpoch"));
        y.labelProperty().bind(i18n.bind(yKey));
        if (percent) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(100);
            y.setTickUnit(10);
        }
        // epochs on x, from 0 to the longest run (or the edited one), so that runs line up
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setTickUnit(1);
        x.upperBoundProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> (double) Math.max(vm.epochs.get(),
                vm.runs().stream().mapToInt(r -> r.spec().epochs()).max().orElse(1)), vm.epochs, vm.runs()));
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(percent);
        c.setLegendVisible(false);
        c.setPrefHeight(260);
        c.setMinWidth(160);
        return c;
    }

    private void addSeries(Run3D run) {
        String colour = COLOURS[(run.number() - 1) % COLOURS.length];
        XYChart.Series<Number, Number> l = new XYChart.Series<>(), test = new XYChart.Series<>();
        loss.getData().add(l);
        accuracy.getData().add(test);
        for (XYChart.Series<Number, Number> s : java.util.List.of(l, test)) {
            if (s.getNode() != null) s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2px;");
        }
        run.loss().forEach(p -> l.getData().add(new XYChart.Data<>(p[0], p[1])));
        run.accuracy().forEach(p -> test.getData().add(new XYChart.Data<>(p[0], p[2] * 100)));
        life.onList(run.loss(), (ListChangeListener<double[]>) c -> {
            while (c.next()) for (double[] p : c.getAddedSubList()) l.getData().add(new XYChart.Data<>(p[0], p[1]));
        });
        life.onList(run.accuracy(), (ListChangeListener<double[]>) c -> {
            while (c.next()) for (double[] p : c.getAddedSubList()) test.getData().add(new XYChart.Data<>(p[0], p[2] * 100));
        });
    }

    private void status() {
        Run3D r = vm.currentProperty().get();
        if (r == null) {
            bar.setProgress(0);
            Run3D last = vm.runs().isEmpty() ? null : vm.runs().get(vm.runs().size() - 1);
            status.setText(last == null ? i18n.tr("t3.idle") : last.problem() != null ? "✗ " + i18n.tr(last.problem())
                    : i18n.tr("t3.ended", Train3DViewModel.name(last), i18n.tr("t3.status." + last.statusProperty().get())));
            return;
        }
        double[] p = r.progressProperty().get();
        bar.setProgress(r.statusProperty().get() == Train3DViewModel.Status.LOADING ? -1 : p[0]);
        status.setText(r.statusProperty().get() == Train3DViewModel.Status.LOADING ? i18n.tr("t3.loading", Train3DViewModel.name(r))
                : i18n.tr("t3.running", Train3DViewModel.name(r), Math.max(1, (int) p[3]), r.spec().epochs(), Math.round(p[0] * 100),
                        Double.isNaN(p[1]) ? "…" : Numbers.grouped(Math.round(p[1])), Double.isNaN(p[2]) ? "…" : String.valueOf(Math.round(p[2]))));
    }

}
