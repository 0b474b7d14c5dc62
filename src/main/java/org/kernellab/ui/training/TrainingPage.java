package org.kernellab.ui.training;

import org.kernellab.compute.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kernellab.data.Dataset;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.NetSpec;
import org.kernellab.model.Trainer;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.AppContext;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Page;
import org.kernellab.ui.training.TrainingViewModel.Run;
import org.kernellab.ui.training.TrainingViewModel.Status;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;

/**
 * The training lab: edit the net (layer shapes and parameters update as you edit), train it live with loss and
 * accuracy curves, overlay runs (the course's MLP against its CNN), and look at what a trained net gets wrong.
 * The lab's state lives as long as the app: runs go on, and stay listed, while the student opens other lessons.
 * Parameters: {@code model} (mlp or cnn), {@code filters}, {@code blocks}: the editor's starting net; {@code solveAfter}:
 * how many different architectures a student trains to finish the lesson (2: the MLP and the CNN).
 */
public final class TrainingPage implements Page {
    /** One colour per run, the same in both charts and the runs table. */
    static final String[] RUN_COLOURS = {"#2f6fdf", "#e4572e", "#17a673", "#9b51e0", "#f2a007", "#00a3c4", "#c2185b", "#6d8c00"};
    private static final int GALLERY = 40;

    private final TrainingViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final LineChart<Number, Number> lossChart, accuracyChart;
    private final TableView<Run> table = new TableView<>();
    private final HeatMap confusion = new HeatMap(34);
    private final VBox perClass = new VBox(3);
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label resultsTitle = new Label();
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
        }
        // the lesson is tried with a first finished run, and done once it has compared enough architectures
        int solveAfter = params.integer("solveAfter", 2);
        life.onChange(vm.selectedProperty(), run -> {
            if (run != null && !lesson.isEmpty()) {
                ctx.progress().raise(lesson, vm.architecturesTrained() >= solveAfter ? Progress.Mark.SOLVED : Progress.Mark.ATTEMPTED);
            }
        });
        root.getStyleClass().add("training-lab");
        root.setLeft(editor());

        lossChart = chart("train-loss-chart", "train.axisEpoch", "train.axisLoss", false);
        accuracyChart = chart("train-accuracy-chart", "train.axisEpoch", "train.axisAccuracy", true);
        HBox charts = new HBox(8, lossChart, accuracyChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        Label chartsNote = new Label();
        chartsNote.textProperty().bind(i18n.bind("train.chartsNote"));
        chartsNote.getStyleClass().add("hint");
        chartsNote.setWrapText(true);
        Label notice = new Label();
        notice.setId("train-message");
        notice.setWrapText(true);
        notice.getStyleClass().add("problem");
        notice.textProperty().bind(i18n.bind(() -> vm.noticeProperty().get() == null ? "" : "✗ " + i18n.tr(vm.noticeProperty().get()), vm.noticeProperty()));
        Grids.hideWhenEmpty(notice);
        Label data = new Label();
        data.setId("train-data");
        data.getStyleClass().add("hint");
        data.setWrapText(true);
        data.textProperty().bind(i18n.bind(() -> {
            var d = ctx.workbench().dataProperty().get();
            Problem problem = ctx.workbench().dataProblemProperty().get();
            return (d == null ? i18n.tr("data.loadingNow")
                    : i18n.tr("data.source." + d.source(), d.location(), Numbers.grouped(d.train().size()), Numbers.grouped(d.test().size())))
                    + (problem == null ? "" : "\n✗ " + i18n.tr(problem));
        }, ctx.workbench().dataProperty(), ctx.workbench().dataProblemProperty()));
        ctx.workbench().withData(d -> {}); // load while the student reads and edits
        VBox trainingTab = new VBox(10, runBar(), notice, charts, chartsNote, runsTable(), data);
        VBox.setVgrow(table, Priority.ALWAYS);
        trainingTab.setPadding(new Insets(10));

        resultsTab = tab("train-tab-results", "train.tabResults", results());
        TabPane tabs = new TabPane(tab("train-tab-training", "train.tabTraining", trainingTab), resultsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);

        vm.runs().forEach(this::addSeries);
        life.onList(vm.runs(), (ListChangeListener<Run>) c -> {
            while (c.next()) for (Run r : c.getAddedSubList()) addSeries(r);
        });
        // the results (a gallery of images) are built when they are looked at, not while the next run trains
        Runnable results = () -> {
            if (resultsTab.isSelected()) showResults(vm.selectedProperty().get());
        };
        life.onChange(vm.selectedProperty(), run -> results.run());
        resultsTab.selectedProperty().addListener((o, a, b) -> results.run());
        life.onChange(ctx.palette(), p -> results.run());
        life.onChange(i18n.localeProperty(), l -> results.run());
        
    }

    public TrainingViewModel viewModel() { return vm; }

    @Override public Node view() { return root; }

    /** Leaves the lab: training goes on; this page stops listening to the lab's state. */
    @Override public void dispose() { life.end(); }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        return t;
    }

    private Node editor() {
        Map<NetSpec.Kind, String[]> kinds = new LinkedHashMap<>();
        kinds.put(NetSpec.Kind.MLP, new String[] {"train-mlp", "train.mlp"});
        kinds.put(NetSpec.Kind.CNN, new String[] {"train-cnn", "train.cnn"});
        Map<Integer, String[]> filterChoices = new LinkedHashMap<>();
        for (int f : new int[] {16, 32, 64}) filterChoices.put(f, new String[] {"train-filters-" + f, "train.filters" + f});
        Map<NetSpec.Optimizer, String[]> optimizers = new LinkedHashMap<>();
        optimizers.put(NetSpec.Optimizer.SGD, new String[] {"train-sgd", "train.sgd"});
        optimizers.put(NetSpec.Optimizer.ADAM, new String[] {"train-adam", "train.adam"});
        Node filters = Segments.of(vm.filters, filterChoices, i18n);
        SliderRow blocks = new SliderRow("train-blocks", i18n.bind("train.blocks"), vm.blocks, 1, 3);
        Label filtersLabel = Controls.label(i18n, "train.filtersLabel");
        for (Node n : new Node[] {filters, blocks, filtersLabel}) n.disableProperty().bind(vm.kind.isEqualTo(NetSpec.Kind.MLP));

        CheckBox dropout = new CheckBox();
        dropout.setId("train-dropout");
        dropout.textProperty().bind(i18n.bind(() -> i18n.tr("train.dropout", Math.round(vm.dropout.get() * 100)), vm.dropout));
        dropout.selectedProperty().bindBidirectional(vm.dropoutOn);
        Slider rate = new Slider(0.1, 0.7, vm.dropout.get());
        rate.setMajorTickUnit(0.1);
        rate.setMinorTickCount(0);
        rate.setSnapToTicks(true);
        rate.valueProperty().bindBidirectional(vm.dropout);
        rate.disableProperty().bind(vm.dropoutOn.not());

        ComboBox<String> lr = new ComboBox<>();
        lr.setId("train-lr");
        lr.setEditable(true);
        lr.getItems().addAll("0.0001", "0.001", "0.002", "0.01", "0.1", "1");
        lr.valueProperty().bindBidirectional(vm.lr);
        ComboBox<Integer> batch = new ComboBox<>();
        batch.setId("train-batch");
        batch.getItems().addAll(16, 32, 64, 128, 256, 512, 1024);
        batch.valueProperty().bindBidirectional(vm.batch);
        SliderRow epochs = new SliderRow("train-epochs", i18n.bind("train.epochs"), vm.epochs, 1, 10);
        ComboBox<Integer> limit = new ComboBox<>();
        limit.setId("train-limit");
        limit.getItems().addAll(0, 20000, 10000, 5000, 2000, 500);
        Controls.localized(limit, i18n, n -> n == 0 ? i18n.tr("train.limitAll") : Numbers.grouped(n));
        limit.valueProperty().bindBidirectional(vm.limit);

        GridPane layers = new GridPane();
        layers.setId("train-layers");
        layers.setHgap(8);
        layers.getStyleClass().add("small");
        layers.setVgap(2);
        Label total = new Label();
        total.setId("train-parameters");
        total.getStyleClass().add("emphasis");
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        Runnable fill = () -> {
            TrainingViewModel.Summary s = vm.summary();
            layers.getChildren().clear();
            layers.addRow(0, header("train.layer"), header("train.shape"), header("train.params"));
            int row = 1;
            for (TrainingViewModel.Layer l : s.layers()) {
                Label name = new Label(l.pytorch().replace("nn.", "").replace("kernel_size=", "k=").replace(", ", ","));
                name.getStyleClass().add("code");
                Label params = new Label(Numbers.grouped(l.parameters()));
                layers.addRow(row++, name, new Label(l.shapeText()), params);
                GridPane.setHalignment(params, javafx.geometry.HPos.RIGHT);
            }
            total.setText(s.ok() ? i18n.tr("train.total", Numbers.grouped(s.parameters())) : "");
            problem.setText(s.ok() ? "" : "✗ " + i18n.tr(s.problem()));
        };
        life.onChange(vm.summaryProperty(), x -> fill.run());
        life.onChange(i18n.localeProperty(), l -> fill.run());
        fill.run();
        Grids.hideWhenEmpty(problem);

        Button train = Controls.button("train-start", i18n, "train.start", vm::train);
        Button compare = Controls.button("train-compare", i18n, "train.compare", vm::compare);
        compare.getStyleClass().add("accent"); // the course's experiment is the default demo
        Button demo = Controls.button("train-demo", i18n, "train.demo", vm::demoSettings);
        Button course = Controls.button("train-course", i18n, "train.course", vm::courseComparison);
        Label demoNote = new Label();
        demoNote.textProperty().bind(i18n.bind("train.demoNote"));
        demoNote.setWrapText(true);
        demoNote.getStyleClass().add("hint");

        VBox box = new VBox(8, Controls.label(i18n, "train.model"), Segments.of(vm.kind, kinds, i18n), filtersLabel, filters, blocks, dropout, rate,
                Controls.label(i18n, "train.optimizer"), Segments.of(vm.optimizer, optimizers, i18n), Controls.label(i18n, "train.lr"), lr, Controls.label(i18n, "train.batch"), batch, epochs,
                Controls.label(i18n, "train.limit"), limit, layers, total, problem, compare, train, demo, demoNote, course);
        box.setPadding(new Insets(12));
        box.setPrefWidth(320);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(335);
        return scroll;
    }

    private Node runBar() {
        Button pause = new Button();
        pause.setId("train-pause");
        pause.textProperty().bind(i18n.bind(() -> i18n.tr(vm.currentStatusProperty().get() == Status.PAUSED ? "train.resume" : "train.pause"),
                vm.currentStatusProperty()));
        pause.setOnAction(e -> vm.togglePause());
        pause.disableProperty().bind(vm.currentProperty().isNull());
        Button cancel = Controls.button("train-cancel", i18n, "train.cancel", vm::cancel);
        cancel.disableProperty().bind(vm.currentProperty().isNull());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("train-progress");
        bar.setPrefWidth(220);
        Label status = new Label();
        status.setId("train-status");
        // the run's figures change with every posted batch; one binding over the current run's properties
        javafx.beans.property.StringProperty text = new javafx.beans.property.SimpleStringProperty();
        Runnable update = () -> {
            Run r = vm.currentProperty().get();
            bar.setProgress(r == null ? 0 : r.progressProperty().get());
            text.set(r == null ? i18n.tr("train.idle") : describe(r));
        };
        // the current run, whichever it is: its progress, status and time left
        life.onChange(vm.currentProperty(), r -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::progressProperty), x -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::statusProperty), x -> update.run());
        life.onChange(vm.currentProperty().flatMap(Run::secondsLeftProperty), x -> update.run());
        life.onChange(i18n.localeProperty(), l -> update.run());
        update.run();
        status.textProperty().bind(text);
        for (Button b : new Button[] {pause, cancel}) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar2 = new HBox(10, pause, cancel, bar, status);
        bar2.setAlignment(Pos.CENTER_LEFT);
        return bar2;
    }

    private String describe(Run r) {
        if (r.statusProperty().get() == Status.QUEUED) return i18n.tr("train.waitingData", r.name());
        String speed = Double.isNaN(r.imagesPerSecondProperty().get()) ? "…" : Numbers.grouped(Math.round(r.imagesPerSecondProperty().get()));
        String left = Double.isNaN(r.secondsLeftProperty().get()) ? "…" : String.valueOf(Math.round(r.secondsLeftProperty().get()));
        return i18n.tr(r.statusProperty().get() == Status.PAUSED ? "train.pausedStatus" : "train.runningStatus", r.name(),
                Math.max(1, r.epoch()), r.spec().epochs(), Math.round(r.progressProperty().get() * 100), speed, left);
    }

    private LineChart<Number, Number> chart(String id, String xKey, String yKey, boolean symbols) {
        NumberAxis x = new NumberAxis(), y = new NumberAxis();
        x.labelProperty().bind(i18n.bind(xKey));
        y.labelProperty().bind(i18n.bind(yKey));
        // epochs on x, from 0 to the longest run (or the edited one): the curves of runs line up, and an empty
        // chart already shows the span the next run will fill
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setTickUnit(1);
        x.upperBoundProperty().bind(Bindings.createDoubleBinding(() -> (double) Math.max(vm.epochs.get(),
                vm.runs().stream().mapToInt(r -> r.spec().epochs()).max().orElse(1)), vm.epochs, vm.runs()));
        y.setForceZeroInRange(false);
        if (symbols) { // accuracy: always the whole 0–100% scale, so runs compare at a glance
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(100);
            y.setTickUnit(10);
        }
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setAnimated(false); // points arrive several times a second; animating each costs pulses
        c.setCreateSymbols(symbols);
        c.setLegendVisible(false);
        c.setMinHeight(240);
        c.setPrefHeight(300);
        c.setMinWidth(160);
        return c;
    }

    private void addSeries(Run run) {
        String colour = RUN_COLOURS[(run.number() - 1) % RUN_COLOURS.length];
        XYChart.Series<Number, Number> loss = new XYChart.Series<>(), test = new XYChart.Series<>(), trainAcc = new XYChart.Series<>();
        lossChart.getData().add(loss);
        accuracyChart.getData().add(test);
        accuracyChart.getData().add(trainAcc);
        style(loss, colour, false);
        style(test, colour, false);
        style(trainAcc, colour, true);
        mirror(run.loss(), loss, colour, false, 1);
        mirror(run.testAccuracy(), test, colour, false, 100);
        mirror(run.trainAccuracy(), trainAcc, colour, true, 100);
    }

    private static void style(XYChart.Series<Number, Number> s, String colour, boolean dashed) {
        if (s.getNode() != null) s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2px;" + (dashed ? " -fx-stroke-dash-array: 6 5;" : ""));
    }

    /** Keeps a chart series equal to a run's points (scaled: accuracy in percent), those so far and those to come. */
    private void mirror(ObservableList<TrainingViewModel.Point> points, XYChart.Series<Number, Number> s, String colour, boolean hollow, double scale) {
        java.util.function.Consumer<List<? extends TrainingViewModel.Point>> add = added -> {
            for (TrainingViewModel.Point p : added) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.y() * scale);
                s.getData().add(d);
                if (d.getNode() != null) d.getNode().setStyle("-fx-background-color: " + colour + ", " + (hollow ? "-kl-panel" : colour) + ";");
            }
        };
        add.accept(points);
        life.onList(points, (ListChangeListener<TrainingViewModel.Point>) c -> {
            while (c.next()) add.accept(c.getAddedSubList());
        });
    }

    private Node runsTable() {
        table.setId("train-runs");
        table.setPlaceholder(Controls.label(i18n, "train.noRuns"));
        table.setItems(vm.runs());
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("train.colRun", r -> r.name(), r -> RUN_COLOURS[(r.number() - 1) % RUN_COLOURS.length]));
        table.getColumns().add(column("train.colSettings", this::settings, null));
        table.getColumns().get(0).setPrefWidth(135);
        table.getColumns().get(1).setPrefWidth(200);
        table.getColumns().add(column("train.colParams", r -> Numbers.grouped(r.spec().parameters()), null));
        table.getColumns().add(column("train.colTime", r -> Double.isNaN(r.secondsProperty().get()) ? "" : String.format(i18n.locale(), "%.1f s", r.secondsProperty().get()), null));
        table.getColumns().add(column("train.colSpeed", r -> r.evaluationProperty().get() == null || Double.isNaN(r.imagesPerSecondProperty().get()) ? ""
                : Numbers.grouped(Math.round(r.imagesPerSecondProperty().get())), null));
        table.getColumns().add(column("train.colTrainAcc", r -> r.trainAccuracy().isEmpty() ? "" : Numbers.percent(r.trainAccuracy().get(r.trainAccuracy().size() - 1).y()), null));
        table.getColumns().add(column("train.colTestAcc", r -> r.evaluationProperty().get() == null ? "" : Numbers.percent(r.evaluationProperty().get().accuracy()), null));
        table.getColumns().add(column("train.colStatus", r -> r.problem() != null ? i18n.tr("train.status.FAILED") + ": " + i18n.tr(r.problem())
                : i18n.tr("train.status." + r.statusProperty().get()), null));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r.evaluationProperty().get() != null) vm.selectedProperty().set(r);
        });
        return table;
    }

    private String settings(Run r) {
        NetSpec s = r.spec();
        String base = i18n.tr("train.settingsText", s.optimizer() == NetSpec.Optimizer.ADAM ? "Adam" : "SGD", s.lr(), s.batch(), s.epochs(),
                r.limit() == 0 ? i18n.tr("train.limitAll") : Numbers.grouped(r.limit()));
        return s.dropout() > 0 ? base + " · dropout " + s.dropout() : base;
    }

    /** A column whose cells re-read the run whenever its status or figures change. */
    private TableColumn<Run, Run> column(String key, java.util.function.Function<Run, String> text, java.util.function.Function<Run, String> dot) {
        TableColumn<Run, Run> col = new TableColumn<>();
        col.textProperty().bind(i18n.bind(key));
        col.setSortable(false);
        col.setCellValueFactory(c -> {
            Run r = c.getValue();
            // not the progress: redrawing the table at every posted batch costs the training CPU for no news
            return Bindings.createObjectBinding(() -> r, r.statusProperty(), r.evaluationProperty(), r.secondsProperty(), i18n.localeProperty());
        });
        col.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Run r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(text.apply(r));
                if (dot != null) {
                    Label d = new Label("●");
                    d.setStyle("-fx-text-fill: " + dot.apply(r) + ";");
                    setGraphic(d);
                }
            }
        });
        return col;
    }

    private Node results() {
        resultsTitle.setId("train-results-title");
        resultsTitle.getStyleClass().add("grid-title");
        confusion.setId("train-confusion");
        confusion.paletteProperty().bind(ctx.palette());
        perClass.setId("train-per-class");
        gallery.setId("train-gallery");
        Button save = Controls.button("train-save", i18n, "train.save", () -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("KernelLab model", "*.model"));
            fc.setInitialFileName("kernellab-cnn.model");
            java.io.File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.save(f.toPath());
        });
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null || vm.selectedProperty().get().network() == null, vm.selectedProperty()));
        Button load = Controls.button("train-load", i18n, "train.load", () -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("KernelLab model", "*.model"));
            java.io.File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) vm.load(f.toPath());
        });
        Label notice = new Label();
        notice.setId("train-notice");
        notice.textProperty().bind(i18n.bind(() -> vm.noticeProperty().get() == null ? "" : i18n.tr(vm.noticeProperty().get()), vm.noticeProperty()));
        HBox files = new HBox(8, save, load, notice);
        files.setAlignment(Pos.CENTER_LEFT);

        VBox matrix = new VBox(6, Controls.label(i18n, "train.confusion"), confusionGrid());
        VBox classes = new VBox(6, Controls.label(i18n, "train.perClass"), perClass);
        FlowPane top = new FlowPane(24, 16, matrix, classes); // per-class accuracy goes below the matrix when narrow
        VBox body = new VBox(12, top, Controls.label(i18n, "train.errors"), gallery);
        body.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null, vm.selectedProperty()));
        body.managedProperty().bind(body.visibleProperty());
        VBox box = new VBox(12, files, resultsTitle, body);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        showResults(null);
        return scroll;
    }

    private final List<Label> rowNames = new ArrayList<>();

    /** The matrix with its classes: rows named "3 · Dress", columns numbered 0–9 by the same classes. */
    private Node confusionGrid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        VBox rows = new VBox();
        HBox cols = new HBox();
        cols.setPadding(new Insets(0, 0, 0, 1));
        for (int c = 0; c < 10; c++) {
            Label row = new Label();
            row.getStyleClass().add("small");
            row.setMinHeight(34);
            row.setMinWidth(Region.USE_PREF_SIZE);
            rowNames.add(row);
            Label col = new Label(String.valueOf(c));
            col.getStyleClass().add("small");
            col.setMinWidth(34);
            col.setAlignment(Pos.CENTER);
            cols.getChildren().add(col);
        }
        rows.getChildren().addAll(rowNames);
        Label predicted = Controls.label(i18n, "train.predicted"), actual = Controls.label(i18n, "train.actual");
        actual.setMinWidth(Region.USE_PREF_SIZE);
        g.add(predicted, 1, 0);
        g.add(actual, 0, 1);
        g.add(cols, 1, 1);
        g.add(rows, 0, 2);
        g.add(confusion, 1, 2);
        return g;
    }

    private void showResults(Run run) {
        Trainer.Evaluation e = run == null ? null : run.evaluationProperty().get();
        for (int c = 0; c < 10; c++) {
            rowNames.get(c).setText(c + " · " + i18n.tr("data.class." + c));
        }
        perClass.getChildren().clear();
        gallery.getChildren().clear();
        if (e == null) {
            resultsTitle.setText(i18n.tr("train.noResults"));
            confusion.setValues(new double[10][10], HeatMap.Scale.COUNTS, 1);
            return;
        }
        resultsTitle.setText(i18n.tr("train.resultsOf", run.name(), Numbers.percent(e.accuracy()), e.predicted().length));
        double[][] counts = new double[10][10];
        double max = 0;
        for (int r = 0; r < 10; r++) for (int c = 0; c < 10; c++) max = Math.max(max, counts[r][c] = e.confusion()[r][c]);
        confusion.setValues(counts, HeatMap.Scale.COUNTS, max);
        for (int c = 0; c < 10; c++) {
            ProgressBar b = new ProgressBar(e.classAccuracy(c));
            b.setPrefWidth(160);
            Label name = new Label(i18n.tr("data.class." + c));
            name.setMinWidth(110);
            HBox line = new HBox(8, name, b, new Label(Numbers.percent(e.classAccuracy(c))));
            line.setAlignment(Pos.CENTER_LEFT);
            perClass.getChildren().add(line);
        }
        Dataset test = ctx.workbench().dataProperty().get() == null ? null : ctx.workbench().dataProperty().get().test();
        if (test == null) return;
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < e.predicted().length; i++) if (e.predicted()[i] != test.label(i)) wrong.add(i);
        wrong.sort((a, b) -> Float.compare(e.confidence()[b], e.confidence()[a])); // the surest mistakes first
        for (int i : wrong.subList(0, Math.min(GALLERY, wrong.size()))) {
            HeatMap img = new HeatMap(2.5);
            img.setValues(test.image(i).toMatrix(), HeatMap.Scale.GREY, 1);
            Label text = new Label(i18n.tr("train.errorCaption", String.valueOf(i), i18n.tr("data.class." + e.predicted()[i]), Math.round(e.confidence()[i] * 100),
                    i18n.tr("data.class." + test.label(i))));
            text.setWrapText(true);
            text.setMaxWidth(120);
            text.getStyleClass().add("small");
            VBox cell = new VBox(3, img, text);
            cell.setPrefWidth(124);
            gallery.getChildren().add(cell);
        }
    }

    private Label header(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().add("emphasis");
        return l;
    }
}
