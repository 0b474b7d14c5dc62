package org.kernellab.ui.train3d;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Platform;
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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.i18n.Numbers;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.Trainer;
import org.kernellab.ui.AppContext;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.Page;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;

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
    private final GridPane layers = new GridPane();
    private final Label problem = new Label(), status = new Label(), resultsTitle = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final HeatMap confusion = new HeatMap(30);
    private final VBox rowNames = new VBox(), perClass = new VBox(3);
    private final FlowPane mistakes = new FlowPane(6, 6);

    public Train3DPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        vm = ctx.train3d();
        if ("modified".equals(params.string("net", ""))) vm.net.set(Train3DViewModel.Net.MODIFIED);
        String lesson = params.string("lesson", "");
        loss = chart("t3-loss", "train.axisLoss", false);
        accuracy = chart("t3-accuracy", "train.axisAccuracy", true);
        root.setLeft(settings());
        root.setCenter(centre());
        vm.runs().forEach(this::addSeries);
        life.onList(vm.runs(), (ListChangeListener<Train3DViewModel.Run>) c -> {
            while (c.next()) c.getAddedSubList().forEach(this::addSeries);
        });
        life.onChange(vm.currentProperty(), r -> status());
        life.onChange(vm.currentProperty().flatMap(Train3DViewModel.Run::progressProperty), p -> status());
        life.onChange(vm.currentProperty().flatMap(Train3DViewModel.Run::statusProperty), s -> status());
        life.onChange(vm.shownProperty(), r -> {
            results();
            if (r != null && !lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });
        life.onChange(i18n.localeProperty(), l -> {
            status();
            results();
            fillLayers();
        });
        for (javafx.beans.value.ObservableValue<?> o : java.util.List.of(vm.net, vm.classes, vm.batch, vm.lr, vm.epochs)) {
            life.onChange(o, x -> fillLayers()); // the lab outlives the page: held by the page's lifetime, not by the lab
        }
        fillLayers();
        status();
        results();
    }

    public Train3DViewModel viewModel() { return vm; }

    @Override public Node view() { return root; }

    /** Leaves the lab: training goes on; the page stops listening. */
    @Override public void dispose() { life.end(); }

    private Node settings() {
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
        layers.setId("t3-layers");
        layers.setHgap(8);
        layers.getStyleClass().add("small");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        Grids.hideWhenEmpty(problem);
        Button train = Controls.button("t3-train", i18n, "t3.train", () -> {
            try {
                vm.train();
            } catch (ComputeException e) {
                problem.setText("✗ " + i18n.tr(e.problem()));
            }
        });
        train.getStyleClass().add("accent");
        train.disableProperty().bind(vm.currentProperty().isNotNull());
        VBox box = new VBox(8, Controls.label(i18n, "t3.data"), source, pick, builtIn, classes, Controls.label(i18n, "t3.net"),
                Segments.of(vm.net, nets, i18n), editor(), layers, exercise(), epochs, Controls.label(i18n, "train.batch"), batch,
                        Controls.label(i18n, "train.lr"), lr,
                problem, train);
        box.setPadding(new Insets(12));
        box.setPrefWidth(380);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(395);
        return scroll;
    }

    /** The student's own net, a row per block: filters, kernel, stride, padding, pooling. Shown when "Yours" is chosen. */
    private Node editor() {
        GridPane g = new GridPane();
        g.setId("t3-editor");
        g.setHgap(4);
        g.setVgap(4);
        String[] heads = {"t3.filters", "t3.kernel", "t3.stride", "t3.padding", "t3.pool"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label();
            head.textProperty().bind(i18n.bind(heads[c]));
            head.setMinWidth(Label.USE_PREF_SIZE);
            g.add(head, c + 1, 0);
        }
        for (int r = 0; r < vm.yours.size(); r++) {
            Train3DViewModel.BlockEdit b = vm.yours.get(r);
            g.add(new Label(String.valueOf(r + 1)), 0, r + 1);
            g.add(spinner("t3-b" + r + "-out", b.out, 1, 256), 1, r + 1);
            g.add(spinner("t3-b" + r + "-k", b.kernel, 1, 7), 2, r + 1);
            g.add(spinner("t3-b" + r + "-s", b.stride, 1, 3), 3, r + 1);
            g.add(spinner("t3-b" + r + "-p", b.padding, 0, 3), 4, r + 1);
            javafx.scene.control.CheckBox pool = new javafx.scene.control.CheckBox();
            pool.setId("t3-b" + r + "-pool");
            pool.selectedProperty().bindBidirectional(b.pool);
            g.add(pool, 5, r + 1);
            for (javafx.beans.value.ObservableValue<?> o : b.settings()) life.onChange(o, x -> fillLayers());
        }
        g.visibleProperty().bind(vm.net.isEqualTo(Train3DViewModel.Net.YOURS));
        g.managedProperty().bind(g.visibleProperty());
        return g;
    }

    private static javafx.scene.control.Spinner<Integer> spinner(String id, javafx.beans.property.IntegerProperty value, int min, int max) {
        javafx.scene.control.Spinner<Integer> s = new javafx.scene.control.Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(70);
        javafx.beans.property.ObjectProperty<Integer> boxed = value.asObject();
        s.getProperties().put("model", boxed); // the bidirectional binding holds both ends weakly: the spinner keeps this one
        s.getValueFactory().valueProperty().bindBidirectional(boxed);
        return s;
    }

    /** The exercise: does the edited net end in features of [32, 128, 4, 4, 4]? ND4J runs it and says. */
    private Node exercise() {
        Button check = Controls.button("t3-check", i18n, "t3.check", vm::checkTarget);
        Label answer = new Label();
        answer.setId("t3-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(i18n.bind(() -> {
            Object c = vm.checkedProperty().get();
            if (c == null) return "";
            if (c instanceof org.kernellab.compute.Problem p) return "✗ " + i18n.tr(p);
            String shape = java.util.Arrays.toString((int[]) c).replace(" ", "");
            return i18n.tr(Train3DViewModel.solves(c) ? "t3.solved" : "t3.notYet", shape);
        }, vm.checkedProperty()));
        return new VBox(4, check, answer);
    }

    private void fillLayers() {
        layers.getChildren().clear();
        problem.setText("");
        try {
            int row = 0;
            long total = 0;
            for (LayerChain.Result r : vm.layers()) {
                Label name = new Label(r.pytorch().replace("nn.", "").replace("kernel_size=", "k=").replace(", ", ","));
                name.getStyleClass().add("code");
                Label shape = new Label(java.util.Arrays.toString(r.shape()).replace(" ", "")), params = new Label(Numbers.grouped(r.parameters()));
                for (Label l : new Label[] {name, shape, params}) l.setMinWidth(Label.USE_PREF_SIZE); // numbers are never cut
                layers.addRow(row++, name, shape, params);
                total += r.parameters();
            }
            Label sum = new Label(i18n.tr("train.total", Numbers.grouped(total)));
            sum.setMinWidth(Label.USE_PREF_SIZE);
            layers.add(sum, 0, row, 3, 1);
        } catch (ComputeException e) {
            problem.setText("✗ " + i18n.tr(e.problem()));
        }
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
        for (Button b : new Button[] {pause, cancel}) b.setMinWidth(Button.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.setPrefWidth(200);
        HBox runBar = new HBox(10, pause, cancel, bar, status);
        runBar.setAlignment(Pos.CENTER_LEFT);
        HBox charts = new HBox(8, loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        resultsTitle.setId("t3-results");
        resultsTitle.getStyleClass().add("grid-title");
        confusion.setId("t3-confusion");
        confusion.paletteProperty().bind(ctx.palette());
        mistakes.setId("t3-mistakes");
        HBox matrix = new HBox(6, rowNames, confusion);
        FlowPane top = new FlowPane(24, 12, new VBox(6, Controls.label(i18n, "train.confusion"), matrix),
                new VBox(6, Controls.label(i18n, "train.perClass"), perClass));
        Button save = Controls.button("t3-save", i18n, "train.save", () -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("KernelLab 3D model", "*.model3d"));
            fc.setInitialFileName("conv3dnet.model3d");
            java.io.File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.save(f.toPath());
        });
        save.setMaxWidth(Button.USE_PREF_SIZE);
        save.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.shownProperty().get() == null, vm.shownProperty()));
        Button load = Controls.button("t3-load", i18n, "train.load", () -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("KernelLab 3D model", "*.model3d"));
            java.io.File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) vm.load(f.toPath());
        });
        load.setMaxWidth(Button.USE_PREF_SIZE);
        Label notice = new Label();
        notice.setId("t3-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(i18n.bind(() -> vm.noticeProperty().get() == null ? "" : i18n.tr(vm.noticeProperty().get()), vm.noticeProperty()));
        HBox files = new HBox(8, save, load, notice);
        files.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, runBar, charts, files, resultsTitle, top, Controls.label(i18n, "t3.mistakes"), mistakes);
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

    private void addSeries(Train3DViewModel.Run run) {
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
        Train3DViewModel.Run r = vm.currentProperty().get();
        if (r == null) {
            bar.setProgress(0);
            Train3DViewModel.Run last = vm.runs().isEmpty() ? null : vm.runs().get(vm.runs().size() - 1);
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

    private void results() {
        Train3DViewModel.Run run = vm.shownProperty().get();
        perClass.getChildren().clear();
        rowNames.getChildren().clear();
        mistakes.getChildren().clear();
        Trainer.Evaluation e = run == null ? null : run.evaluationProperty().get();
        if (e == null) {
            resultsTitle.setText(i18n.tr("t3.noResults"));
            confusion.setValues(new double[0][0], HeatMap.Scale.COUNTS, 1);
            return;
        }
        int n = e.confusion().length;
        resultsTitle.setText(i18n.tr("t3.resultsOf", Train3DViewModel.name(run), Numbers.percent(e.accuracy()), e.predicted().length));
        double[][] counts = new double[n][n];
        double max = 1;
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) max = Math.max(max, counts[r][c] = e.confusion()[r][c]);
        confusion.setValues(counts, HeatMap.Scale.COUNTS, max);
        for (int c = 0; c < n; c++) {
            Label name = new Label(c + " · " + cls(run, c));
            name.setMinHeight(30);
            name.getStyleClass().add("small");
            rowNames.getChildren().add(name);
            ProgressBar b = new ProgressBar(e.classAccuracy(c));
            b.setPrefWidth(140);
            HBox line = new HBox(8, new Label(cls(run, c)), b,
                    new Label(Numbers.percent(e.classAccuracy(c))));
            line.setAlignment(Pos.CENTER_LEFT);
            perClass.getChildren().add(line);
        }
        for (Train3DViewModel.Mistake m : vm.mistakes(24)) {
            Button b = new Button(i18n.tr("t3.mistake", m.test() + 1, cls(run, m.actual()),
                    cls(run, m.predicted()), Math.round(m.confidence() * 100)));
            b.getStyleClass().add("small");
            b.setOnAction(ev -> Platform.runLater(() -> ctx.navigation().open("voxels", Train3DViewModel.viewerParams(run, m.test()))));
            mistakes.getChildren().add(b);
        }
        if (mistakes.getChildren().isEmpty()) mistakes.getChildren().add(new Label(i18n.tr("t3.noMistakes")));
    }

    /** A class's name in the student's language when it is one of ModelNet10's, else its folder's name. */
    private String cls(Train3DViewModel.Run run, int c) {
        String folder = Train3DViewModel.className(run, c), t = i18n.tr("vox.class." + folder);
        return t.startsWith("!") ? folder : t;
    }
}
