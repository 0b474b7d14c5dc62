package org.kernellab.ui.dropout;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.EmptyCharts;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.Pages;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.ValueBar;
import org.kernellab.ui.widgets.Workspace;

/**
 * Dropout on the course CNN's last hidden layer: the layer's 128 values for a test image, the mask for p, what the
 * classifier sees in training and in evaluation, and the committee of many masks. Scene fields: {@code image} (a test
 * image's number, 0–9,999), {@code p} (the percent dropped, 0–90), {@code mask} (which mask: 0 for the first drawn for
 * the image and p, one more for each new mask, up to 10,000), {@code committee} (its masks, 0–10,000) and {@code page}
 * (the page shown while presenting: 0 the mask, 1 the classes' answers, 2 the committee).
 */
public final class DropoutPage implements Page {
    private static final int ROWS = 8, COLS = 16, MAX_IMAGE = 9_999;
    private static final double BAR = 110;
    /** The pages while presenting: the mask, the classes' answers, the committee. */
    private static final String[] PAGES = {"dropout.pageMask", "dropout.pageClasses", "dropout.pageCommittee"};

    private final DropoutViewModel vm;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final HeatMap picture = new HeatMap(4),
            hidden = new HeatMap(14),
            mask = new HeatMap(14),
            trained = new HeatMap(14);
    private final Label stats = new Label(), classLabel = new Label();
    private final GridPane classes = new GridPane();
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final Pages pages;
    private final SceneFields scene;

    public DropoutPage(LessonParams params, AppContext ctx) {
        i18n = ctx.i18n();
        vm = new DropoutViewModel(ctx.workbench());
        scene = new SceneFields(params)
                .integer("image", vm.indexProperty(), 0, MAX_IMAGE)
                .integer("p", vm.percentProperty(), 0, DropoutViewModel.MAX_PERCENT)
                .integer("mask", vm.maskProperty(), 0, DropoutViewModel.MAX_MASK)
                .integer("committee", vm.committeeProperty(), 0, DropoutViewModel.MAX_COMMITTEE)
                .integer("page", page, 0, PAGES.length - 1);
        scene.finish();
        ctx.workbench().withData(d -> {});
        ctx.workbench().usePretrained(false);

        for (HeatMap h : new HeatMap[] {picture, hidden, mask, trained})
            h.paletteProperty().bind(ctx.palette());
        presenting.bind(ctx.presentation());
        pages = new Pages(
                "dropout-pages",
                i18n.bind("dropout.pages"),
                page,
                new SimpleIntegerProperty(PAGES.length),
                p -> i18n.bind(PAGES[p]),
                page::set,
                presenting);
        root.setCenter(new Workspace(Controls.column(settings(), 230), stage(), 560, i18n, ctx.presentation()));
        pages.installKeys(root);
        life.onChange(vm.stateProperty(), s -> show());
        life.onChange(i18n.localeProperty(), l -> show());
        show();
    }

    /** The test image, p and a new mask; then the committee's members. */
    private VBox settings() {
        Spinner<Integer> image = new Spinner<>(0, MAX_IMAGE, vm.indexProperty().get());
        image.setId("dropout-image");
        image.setEditable(true);
        image.setPrefWidth(110);
        image.valueProperty().addListener((o, a, n) -> vm.indexProperty().set(n));
        classLabel.setWrapText(true);
        classLabel.setId("dropout-class");
        Label committee = Controls.label(i18n, "dropout.committeeTitle");
        committee.getStyleClass().add("settings-title");
        return new VBox(
                10,
                Controls.label(i18n, "dropout.image"),
                image,
                classLabel,
                new SliderRow(
                        "dropout-p", i18n.bind("dropout.p"), vm.percentProperty(), 0, DropoutViewModel.MAX_PERCENT),
                Controls.button("dropout-new-mask", i18n, "dropout.newMask", vm::newMask),
                committee,
                Controls.button("dropout-add-1", i18n, "dropout.add1", () -> vm.addMembers(1)),
                Controls.button("dropout-add-10", i18n, "dropout.add10", () -> vm.addMembers(10)),
                Controls.button("dropout-add-1000", i18n, "dropout.add1000", () -> vm.addMembers(1000)),
                Controls.button("dropout-reset", i18n, "dropout.reset", vm::resetCommittee));
    }

    /** The maps, the figures, the classes' probabilities and the committee's distance to evaluation. */
    private ScrollPane stage() {
        hidden.setId("dropout-hidden");
        mask.setId("dropout-mask");
        trained.setId("dropout-trained");
        FlowPane maps = new FlowPane(
                18,
                12,
                Grids.column(Grids.title(i18n.bind("dropout.picture")), picture),
                Grids.column(Grids.title(i18n.bind("dropout.hidden")), hidden),
                Grids.column(Grids.title(i18n.bind("dropout.mask")), mask),
                Grids.column(Grids.title(i18n.bind("dropout.trained")), trained));
        stats.setId("dropout-stats");
        stats.setWrapText(true);
        stats.setMinHeight(Region.USE_PREF_SIZE);
        stats.getStyleClass().add("formula");
        classes.setId("dropout-classes");
        classes.setHgap(14);
        classes.setVgap(3);
        Label classesTitle = Grids.title(i18n.bind("dropout.classesTitle")),
                chartTitle = Grids.title(i18n.bind("dropout.chartTitle"));
        LineChart<Number, Number> chart = chart();
        VBox stage = new VBox(12, pages, maps, stats, classesTitle, classes, chartTitle, chart);
        stage.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(stage);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // while presenting, a page at a time: the mask, the classes' answers, the committee's curve filling the stage
        scroll.fitToHeightProperty().bind(presenting);
        Node[][] onPage = {{maps, stats}, {classesTitle, classes}, {chartTitle, chart}};
        for (int p = 0; p < onPage.length; p++) {
            for (Node n : onPage[p]) {
                n.visibleProperty().bind(Bindings.or(presenting.not(), page.isEqualTo(p)));
                n.managedProperty().bind(n.visibleProperty());
            }
        }
        VBox.setVgrow(chart, Priority.ALWAYS);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> sizeMaps(b.getWidth() - 24));
        presenting.addListener((o, a, b) -> {
            sizeMaps(scroll.getViewportBounds().getWidth() - 24);
            show();
        });
        return scroll;
    }

    /**
     * The maps' squares: the picture's 4 px and the layer's 14; while presenting, the four maps in a row as wide as the
     * stage, the picture as tall as the others.
     */
    private void sizeMaps(double width) {
        double c = presenting.get() ? Math.max(14, Math.floor((width - 3 * 18 - 8) / (2 * COLS + 8 + COLS))) : 14;
        picture.setCell(presenting.get() ? Math.floor(c * ROWS / 28) : 4);
        for (HeatMap h : new HeatMap[] {hidden, mask, trained}) h.setCell(c);
    }

    private LineChart<Number, Number> chart() {
        NumberAxis x = new NumberAxis(), y = new NumberAxis();
        x.labelProperty().bind(i18n.bind("dropout.members"));
        y.labelProperty().bind(i18n.bind("dropout.distance"));
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("dropout-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(220);
        chart.setPrefHeight(260);
        chart.getData().add(series);
        EmptyCharts.noScaleWhileEmpty(chart, x, y);
        return chart;
    }

    DropoutViewModel viewModel() {
        return vm;
    }

    private static double[][] grid(float[] v) {
        double[][] g = new double[ROWS][COLS];
        for (int i = 0; i < Math.min(v.length, ROWS * COLS); i++) g[i / COLS][i % COLS] = v[i];
        return g;
    }

    private void show() {
        DropoutViewModel.State s = vm.state();
        classes.getChildren().clear();
        if (s == null) {
            stats.setText(i18n.tr("dropout.waiting"));
            series.getData().clear();
            return;
        }
        double[][] img = new double[28][28];
        for (int i = 0; i < 784; i++) img[i / 28][i % 28] = (s.image()[i] & 0xFF) / 255.0;
        picture.setValues(img, HeatMap.Scale.GREY, 1);
        double top = 0;
        for (float v : s.trained()) top = Math.max(top, v);
        hidden.setValues(grid(s.hidden()), HeatMap.Scale.SIGNED, top);
        mask.setValues(grid(s.mask()), HeatMap.Scale.SIGNED, s.p() < 1 ? 1 / (1 - s.p()) : 1);
        trained.setValues(grid(s.trained()), HeatMap.Scale.SIGNED, top);
        classLabel.setText(i18n.tr("dropout.label", i18n.tr("data.class." + s.label())));
        double meanH = 0, meanT = 0;
        for (int i = 0; i < s.hidden().length; i++) {
            meanH += s.hidden()[i];
            meanT += s.trained()[i];
        }
        stats.setText(i18n.tr(
                "dropout.stats",
                s.p(),
                s.dropped(),
                s.hidden().length,
                s.hidden().length - s.dropped(),
                s.p() < 1 ? 1 / (1 - s.p()) : 1,
                meanH / s.hidden().length,
                meanT / s.hidden().length));

        String[] heads = {
            i18n.tr("dropout.colClass"),
            i18n.tr("dropout.colEval"),
            i18n.tr("dropout.colMask"),
            i18n.tr("dropout.colCommittee", s.members())
        };
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("emphasis");
            h.setMinWidth(Region.USE_PREF_SIZE);
            classes.add(h, c, 0);
        }
        for (int k = 0; k < 10; k++) {
            Label name = new Label(i18n.tr("data.class." + k));
            name.setMinWidth(Region.USE_PREF_SIZE);
            if (k == s.label()) name.getStyleClass().add("emphasis");
            classes.add(name, 0, k + 1);
            classes.add(bar(s.evaluation()[k], "param-bar"), 1, k + 1);
            classes.add(bar(s.masked()[k], "mac-bar"), 2, k + 1);
            if (s.members() > 0) classes.add(bar(s.committee()[k], "param-bar"), 3, k + 1);
        }
        series.getData().clear();
        for (double[] p : s.distance()) series.getData().add(new XYChart.Data<>(p[0], p[1]));
    }

    private Node bar(float probability, String style) {
        ValueBar b = new ValueBar(
                i18n.tr("dropout.percent", probability), probability, presenting.get() ? 2.5 * BAR : BAR, style);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
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
