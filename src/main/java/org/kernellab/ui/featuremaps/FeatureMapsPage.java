package org.kernellab.ui.featuremaps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Problem;
import org.kernellab.data.Images;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.Network;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Side;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.ImageFiles;
import org.kernellab.ui.widgets.MatrixView;
import org.kernellab.ui.widgets.ModelFiles;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.Workspace;

/**
 * Inside a trained CNN: every conv block's feature maps for one image (or two side by side), after the
 * convolution, after ReLU or after pooling; a map enlarged with the filter that made it; the first layer's
 * filters. Parameters: {@code image} and {@code other} (test image numbers), {@code compare}.
 */
public final class FeatureMapsPage implements Page {
    private final FeatureMapsViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final HBox columns = new HBox(24);
    private final VBox closer = new VBox(8);
    private final FlowPane firstFilters = new FlowPane(4, 4);
    private ScrollPane centre;
    /** The grid's maps with their sides, resized with the view instead of rebuilt. */
    private final List<HeatMap> tiles = new ArrayList<>();

    private final List<Integer> tileSides = new ArrayList<>();
    private HeatMap enlarged;
    private int enlargedSide = 1;

    public FeatureMapsPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        vm = new FeatureMapsViewModel(ctx.workbench());
        vm.indexProperty().set(params.integer("image", 23));
        vm.otherIndexProperty().set(params.integer("other", 28));
        vm.compareProperty().set("true".equals(params.string("compare", "false")));
        String lesson = params.string("lesson", "");
        vm.filterProperty().addListener((o, was, now) -> { // picking a map to look at closely is trying the lesson
            if (!lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });
        ctx.workbench().withData(d -> {});
        ctx.workbench().usePretrained(false);

        columns.setId("maps-columns");
        columns.setPadding(new Insets(10));
        VBox inside = new VBox(columns);
        centre = new ScrollPane(inside);
        centre.setFitToWidth(true);
        closer.setId("maps-closer");
        closer.setPadding(new Insets(10));
        closer.setPrefWidth(340);
        closer.setMinWidth(260);
        firstFilters.setId("maps-first-filters");
        ScrollPane side = new ScrollPane(closer);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setMinWidth(270);
        side.setPrefWidth(360);
        // the enlarged map beside the grid where the view is wide, under it where it is not
        BorderPane stagePane = new BorderPane(centre);
        stagePane.widthProperty().addListener((o, a, w) -> {
            boolean wide = w.doubleValue() >= 760;
            if (wide && stagePane.getRight() == null) {
                inside.getChildren().remove(closer);
                side.setContent(closer);
                stagePane.setRight(side);
            } else if (!wide && stagePane.getRight() != null) {
                stagePane.setRight(null);
                side.setContent(null);
                inside.getChildren().add(closer);
            }
            resize();
        });
        centre.viewportBoundsProperty().addListener((o, a, b) -> resize());
        root.setCenter(new Workspace(controls(), stagePane, 420, i18n, ctx.presentation()));

        Runnable redraw = this::redraw;
        vm.leftProperty().addListener((o, a, b) -> redraw.run());
        vm.rightProperty().addListener((o, a, b) -> redraw.run());
        vm.stageProperty().addListener((o, a, b) -> redraw.run());
        vm.blockProperty().addListener((o, a, b) -> redraw.run());
        vm.filterProperty().addListener((o, a, b) -> redraw.run());
        life.onChange(ctx.palette(), p -> redraw.run());
        life.onChange(i18n.localeProperty(), l -> redraw.run());
        redraw.run();
    }

    @Override
    public void dispose() {
        life.end();
        vm.dispose();
    }

    public FeatureMapsViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return root;
    }

    /** The maps as large as the view allows: six to a row on a laptop, larger tiles on a wide screen. */
    private void resize() {
        double w = centre.getViewportBounds().getWidth() - 30;
        if (w <= 0) return;
        double tile = Math.max(56, Math.min(150, w / 6 - 6));
        for (int i = 0; i < tiles.size(); i++) tiles.get(i).setCell(Math.max(2, Math.floor(tile / tileSides.get(i))));
        if (enlarged != null) {
            double room = Math.max(200, Math.min(440, (closer.getWidth() > 0 ? closer.getWidth() : 340) - 24));
            enlarged.setCell(Math.max(4, Math.floor(room / enlargedSide)));
        }
    }

    private Region controls() {
        Label source = new Label();
        source.setId("maps-source");
        source.setWrapText(true);
        source.textProperty()
                .bind(i18n.bind(
                        () -> {
                            var s = ctx.workbench().sourceProperty().get();
                            Network net = ctx.workbench().networkProperty().get();
                            Problem problem =
                                    ctx.workbench().modelProblemProperty().get();
                            String text = s == null || net == null
                                    ? i18n.tr("maps.noNetwork")
                                    : FeatureMaps.convBlocks(net) == 0
                                            ? i18n.tr("maps.notCnn")
                                            : i18n.tr(s.key(), s.detail()) + "\n"
                                                    + i18n.tr(
                                                            "maps.netShape",
                                                            FeatureMaps.filters(net, 0),
                                                            FeatureMaps.convBlocks(net));
                            return problem == null ? text : text + "\n✗ " + i18n.tr(problem);
                        },
                        ctx.workbench().sourceProperty(),
                        ctx.workbench().networkProperty(),
                        ctx.workbench().modelProblemProperty()));
        Button pretrained = new Button();
        pretrained.setId("maps-pretrained");
        pretrained.textProperty().bind(i18n.bind("maps.usePretrained"));
        pretrained.setOnAction(e -> ctx.workbench().usePretrained(true));
        pretrained.setMaxWidth(Double.MAX_VALUE);
        Button load = Controls.button("maps-load", i18n, "train.load", () -> {
            ModelFiles.open(root.getScene().getWindow()).ifPresent(ctx.workbench()::loadModel);
        });

        Spinner<Integer> index = spinner("maps-index", vm.indexProperty());
        Spinner<Integer> other = spinner("maps-other", vm.otherIndexProperty());
        other.disableProperty().bind(vm.compareProperty().not());
        Button open = new Button();
        open.setId("maps-open");
        open.textProperty().bind(i18n.bind("maps.open"));
        Label pictureProblem = new Label();
        pictureProblem.setId("maps-picture-problem");
        pictureProblem.setWrapText(true);
        pictureProblem.getStyleClass().add("problem");
        Grids.hideWhenEmpty(pictureProblem);
        open.setOnAction(e -> ImageFiles.choose(root.getScene().getWindow())
                .ifPresent(path -> ImageFiles.read(path)
                        .ifPresentOrElse(
                                px -> {
                                    pictureProblem.setText("");
                                    vm.usePicture(
                                            Images.grey(px.argb(), px.width(), px.height()),
                                            path.getFileName().toString());
                                },
                                () -> pictureProblem.setText(
                                        "✗ " + i18n.tr("animator.badImage", path.getFileName())))));
        CheckBox compare = new CheckBox();
        compare.setId("maps-compare");
        compare.setWrapText(true);
        compare.textProperty().bind(i18n.bind("maps.compare"));
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        Map<Stage, String[]> stages = new LinkedHashMap<>();
        stages.put(Stage.CONV, new String[] {"maps-conv", "maps.stageConv"});
        stages.put(Stage.RELU, new String[] {"maps-relu", "maps.stageRelu"});
        stages.put(Stage.POOL, new String[] {"maps-pool", "maps.stagePool"});
        Label shoes = new Label();
        shoes.textProperty().bind(i18n.bind("maps.shoesNote"));
        shoes.setWrapText(true);
        shoes.getStyleClass().add("hint");
        Label filtersTitle = Controls.label(i18n, "maps.firstFilters");
        VBox box = new VBox(
                8,
                source,
                pretrained,
                load,
                Controls.label(i18n, "maps.image"),
                index,
                open,
                pictureProblem,
                compare,
                other,
                Controls.label(i18n, "maps.stage"),
                Segments.of(vm.stageProperty(), stages, i18n),
                shoes,
                filtersTitle,
                firstFilters);
        return Controls.column(box, 250);
    }

    private Spinner<Integer> spinner(String id, ObjectProperty<Integer> value) {
        Spinner<Integer> s = new Spinner<>(0, 9999, value.get());
        s.setId(id);
        s.setEditable(true);
        s.getValueFactory().valueProperty().bindBidirectional(value);
        life.onChange(ctx.workbench().dataProperty(), d -> {
            if (d != null)
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory())
                        .setMax(d.test().size() - 1);
        });
        return s;
    }

    private void redraw() {
        columns.getChildren().clear();
        closer.getChildren().clear();
        firstFilters.getChildren().clear();
        tiles.clear();
        tileSides.clear();
        enlarged = null;
        Side left = vm.leftProperty().get(), right = vm.rightProperty().get();
        Network net = vm.network();
        if (left == null || net == null) {
            Label wait = Controls.label(
                    i18n, net != null && FeatureMaps.convBlocks(net) == 0 ? "maps.notCnn" : "maps.waiting");
            columns.getChildren().add(wait);
            return;
        }
        Stage stage = vm.stageProperty().get();
        int blocks = left.maps().blocks().size(), filters = FeatureMaps.filters(net, 0);
        double[] range = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            for (int f = 0; f < filters; f++) {
                range[b] = Math.max(range[b], HeatMap.maxAbs(left.map(b, f, stage)));
                if (right != null) range[b] = Math.max(range[b], HeatMap.maxAbs(right.map(b, f, stage)));
            }
        }
        columns.getChildren().add(grid(left, right, range));

        for (int f = 0; f < filters; f++) {
            HeatMap k = new HeatMap(14);
            double[][] w = FeatureMaps.filter(net, 0, f)[0];
            k.setValues(w, HeatMap.Scale.SIGNED, HeatMap.maxAbs(w));
            k.paletteProperty().bind(ctx.palette());
            k.setSelected(vm.blockProperty().get() == 0 && vm.filterProperty().get() == f);
            int ff = f;
            k.setOnMouseClicked(e -> vm.pick(0, ff));
            firstFilters.getChildren().add(k);
        }
        closer(left, net, stage, range);
        resize();
    }

    /** The picture, its caption and the net's probabilities for it. */
    private Node head(Side s, String id, int classes) {
        HeatMap input = new HeatMap(5);
        input.setValues(s.image(), HeatMap.Scale.GREY, 1);
        input.setId(id + "-input");
        String what = s.file() != null
                ? i18n.tr(s.inverted() ? "maps.pictureInverted" : "maps.picture", s.file())
                : i18n.tr("maps.testImage", s.index(), i18n.tr("data.class." + s.label()));
        Label caption = new Label(what);
        caption.setWrapText(true);
        GridPane probs = new GridPane();
        probs.setHgap(6);
        probs.getStyleClass().add("small");
        float[] p = s.maps().probabilities();
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) order[c] = c;
        if (classes < p.length)
            Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a])); // two images: their top classes
        for (int row = 0; row < classes; row++) {
            int c = order[row];
            Label name = new Label(i18n.tr("data.class." + c));
            ProgressBar bar = new ProgressBar(p[c]);
            bar.setPrefWidth(60);
            bar.setMinWidth(60);
            Label v = new Label(i18n.numbers().percent(p[c]));
            v.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            if (c == s.predicted())
                for (Label l : new Label[] {name, v}) l.getStyleClass().add("emphasis");
            probs.addRow(row, name, bar, v);
        }
        Label predicted = new Label(i18n.tr(
                "maps.predicted",
                i18n.tr("data.class." + s.predicted()),
                String.format(i18n.locale(), "%.1f", p[s.predicted()] * 100)));
        predicted.setId(id + "-predicted");
        predicted.getStyleClass().add("emphasis");
        predicted.setWrapText(true);
        predicted.setMaxWidth(240);
        caption.setMaxWidth(150);
        FlowPane head = new FlowPane(
                12,
                8,
                new VBox(6, input, caption),
                new VBox(4, predicted, probs)); // probabilities under the image when narrow
        head.prefWrapLengthProperty().bind(viewWidth());
        return head;
    }

    /**
     * Every block's maps, one tile per filter. With a second image each tile holds the filter's map for both,
     * one above the other, so that the same filter's answers to two images sit side by side.
     */
    private Node grid(Side left, Side right, double[] range) {
        FlowPane heads = new FlowPane(
                28, 10, head(left, "maps-left", right == null ? 10 : 3)); // the second wraps below when narrow
        heads.prefWrapLengthProperty().bind(viewWidth());
        if (right != null) heads.getChildren().add(head(right, "maps-right", 3));
        VBox col = new VBox(12, heads);
        col.setId("maps-grid");
        Stage stage = vm.stageProperty().get();
        for (int b = 0; b < left.maps().blocks().size(); b++) {
            FeatureMaps.Block bm = left.maps().blocks().get(b);
            int side = stage == Stage.POOL ? bm.poolSide() : bm.convSide();
            double cell = 2; // sized to the view in resize()
            FlowPane maps = new FlowPane(6, 6);
            maps.setId("maps-block" + (b + 1));
            maps.prefWrapLengthProperty().bind(viewWidth()); // as many tiles a row as fit
            for (int f = 0; f < bm.filters(); f++) {
                VBox tile = new VBox(2, map(left, b, f, stage, cell, range[b]));
                if (right != null) tile.getChildren().add(map(right, b, f, stage, cell, range[b]));
                tile.getStyleClass().add("feature-map");
                int bb = b, ff = f;
                tile.setOnMouseClicked(e -> vm.pick(bb, ff));
                Tooltip.install(tile, new Tooltip(i18n.tr("maps.mapTip", b + 1, f + 1)));
                maps.getChildren().add(tile);
            }
            Label title = Grids.title(i18n.bind(
                    right == null ? "maps.blockTitle" : "maps.blockTitlePairs",
                    b + 1,
                    bm.filters(),
                    side,
                    side,
                    i18n.tr(stageKey(stage))));
            title.setWrapText(true);
            title.maxWidthProperty().bind(viewWidth());
            col.getChildren().addAll(title, maps);
        }
        return col;
    }

    /** The grid's width: the scroll pane's view less the padding around the maps. */
    private DoubleBinding viewWidth() {
        return Bindings.createDoubleBinding(
                () -> Math.max(100, centre.getViewportBounds().getWidth() - 28), centre.viewportBoundsProperty());
    }

    private HeatMap map(Side s, int block, int f, Stage stage, double cell, double range) {
        HeatMap m = new HeatMap(cell);
        tiles.add(m);
        tileSides.add(s.map(block, f, stage).length);
        m.paletteProperty().bind(ctx.palette());
        m.setValues(s.map(block, f, stage), HeatMap.Scale.SIGNED, range);
        m.setSelected(vm.blockProperty().get() == block && vm.filterProperty().get() == f);
        return m;
    }

    private static String stageKey(Stage s) {
        return switch (s) {
            case CONV -> "maps.afterConv";
            case RELU -> "maps.afterRelu";
            case POOL -> "maps.afterPool";
        };
    }

    private void closer(Side s, Network net, Stage stage, double[] range) {
        int b = Math.min(vm.blockProperty().get(), s.maps().blocks().size() - 1),
                f = Math.min(vm.filterProperty().get(), FeatureMaps.filters(net, b) - 1);
        double[][] map = s.map(b, f, stage);
        Label title =
                new Label(i18n.tr("maps.closerTitle", b + 1, f + 1, i18n.tr(stageKey(stage)), map.length, map.length));
        title.getStyleClass().add("grid-title");
        title.setWrapText(true);
        HeatMap big = new HeatMap(Math.max(4, Math.floor(280.0 / map.length)));
        enlarged = big;
        enlargedSide = map.length;
        big.setId("maps-enlarged");
        big.paletteProperty().bind(ctx.palette());
        big.setValues(
                map, HeatMap.Scale.SIGNED, HeatMap.maxAbs(map)); // its own scale: a faint map still shows its shape
        closer.getChildren().addAll(title, big);
        double[][][] w = FeatureMaps.filter(net, b, f);
        Label filterTitle = new Label(i18n.tr(
                w.length == 1 ? "maps.filterOne" : "maps.filterMany",
                f + 1,
                w.length,
                String.format(i18n.locale(), "%.3f", FeatureMaps.bias(net, b, f))));
        filterTitle.setWrapText(true);
        closer.getChildren().add(filterTitle);
        if (w.length == 1) {
            MatrixView k = new MatrixView();
            k.numbersProperty().bind(ctx.i18n().numbersProperty());
            k.setId("maps-filter");
            k.paletteProperty().bind(ctx.palette());
            k.setHeat(true);
            double[][] rounded = new double[3][3];
            for (int y = 0; y < 3; y++)
                for (int x = 0; x < 3; x++) rounded[y][x] = Math.round(w[0][y][x] * 100) / 100.0;
            k.setValues(rounded);
            k.cellSizeProperty().set(56);
            closer.getChildren().add(k);
        } else {
            FlowPane slices = new FlowPane(3, 3);
            slices.setId("maps-filter-slices");
            double r = 0;
            for (double[][] slice : w) r = Math.max(r, HeatMap.maxAbs(slice));
            for (double[][] slice : w) {
                HeatMap m = new HeatMap(8);
                m.paletteProperty().bind(ctx.palette());
                m.setValues(slice, HeatMap.Scale.SIGNED, r);
                slices.getChildren().add(m);
            }
            closer.getChildren().add(slices);
        }
        Label how = Controls.label(i18n, "maps.howToRead");
        how.getStyleClass().add("hint");
        how.setMinHeight(Region.USE_PREF_SIZE);
        closer.getChildren().add(how);
    }
}
