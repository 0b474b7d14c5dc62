package org.kernellab.ui.featuremaps;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.Network;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Side;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.Pages;
import org.kernellab.ui.widgets.Workspace;

/**
 * Inside a trained CNN: every conv block's feature maps for one image (or two side by side), after the
 * convolution, after ReLU or after pooling; a map enlarged with the filter that made it; the first layer's
 * filters. Scene fields (see {@link FeatureMapsScene}): {@code fullSet}, {@code dataFile} (which Fashion-MNIST);
 * {@code net} (pretrained, file or run), {@code netFile}, {@code netRun}, {@code normalize}; {@code image} and
 * {@code other} (test image numbers), {@code compare}, {@code stage} (conv, relu, pool), {@code pictureFile} (a
 * picture shown instead of the test image), {@code block} and {@code filter} (the map looked at closely).
 */
public final class FeatureMapsPage implements Page {
    private final FeatureMapsViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final HBox columns = new HBox(24);
    private final CloserLook closer;
    private final FlowPane firstFilters = new FlowPane(4, 4);
    private ScrollPane centre, side;
    /** The grid's maps with their sides, resized with the view instead of rebuilt. */
    private final List<HeatMap> tiles = new ArrayList<>();

    private final List<Integer> tileSides = new ArrayList<>();
    /** How many conv blocks the net has: the pages of maps while presenting, one block a page. */
    private final IntegerProperty blocks = new SimpleIntegerProperty(0);

    private final Pages blockPages;
    /** The app's presentation flag, bound: what the page's bindings follow, so that the flag keeps no hold on it. */
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    /** What stands above the maps of the block shown (the pictures, the block's title), and how many maps a tile holds. */
    private Region heads, shownTitle;

    private boolean pairs;
    private final SceneFields scene;

    public FeatureMapsPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        vm = new FeatureMapsViewModel(ctx.workbench());
        ctx.workbench().withData(d -> {});
        ctx.workbench().usePretrained(false);
        FeatureMapsScene fields = new FeatureMapsScene(params, vm, ctx.workbench(), life);
        scene = fields.fields();
        scene.finish();
        String lesson = params.string("lesson", "");
        vm.filterProperty().addListener((o, was, now) -> { // picking a map to look at closely is trying the lesson
            if (!lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });

        closer = new CloserLook(vm, ctx);
        presenting.bind(ctx.presentation());
        blockPages = new Pages(
                "maps-block-pages",
                i18n.bind("maps.blockPages"),
                vm.blockProperty(),
                blocks,
                b -> i18n.bind("maps.blockPage", b + 1),
                vm::turnTo,
                ctx.presentation());
        blockPages.installKeys(root);
        firstFilters.setId("maps-first-filters");
        Region settings = new FeatureMapsSettings(vm, ctx, life, root, fields::open).build(firstFilters);
        root.setCenter(new Workspace(settings, stage(), 420, i18n, ctx.presentation()));

        Runnable redraw = this::redraw;
        vm.leftProperty().addListener((o, a, b) -> redraw.run());
        vm.rightProperty().addListener((o, a, b) -> redraw.run());
        vm.stageProperty().addListener((o, a, b) -> redraw.run());
        vm.blockProperty().addListener((o, a, b) -> redraw.run());
        vm.filterProperty().addListener((o, a, b) -> redraw.run());
        life.onChange(ctx.palette(), p -> redraw.run());
        life.onChange(i18n.localeProperty(), l -> redraw.run());
        life.onChange(ctx.presentation(), p -> redraw.run());
        redraw.run();
    }

    /** The grid of maps, and the enlarged map beside it where the view is wide, under it where it is not. */
    private BorderPane stage() {
        columns.setId("maps-columns");
        columns.setPadding(new Insets(10));
        blockPages.setPadding(new Insets(10, 10, 0, 10));
        VBox inside = new VBox(blockPages, columns);
        centre = new ScrollPane(inside);
        centre.setFitToWidth(true);
        ScrollPane side = new ScrollPane(closer.view());
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setMinWidth(270);
        BorderPane stagePane = new BorderPane(centre);
        // while presenting, the enlarged map and its filter take a good share of the stage
        side.prefWidthProperty()
                .bind(Bindings.when(presenting)
                        .then(Bindings.max(360, stagePane.widthProperty().multiply(0.42)))
                        .otherwise(360));
        stagePane.widthProperty().addListener((o, a, w) -> {
            boolean wide = w.doubleValue() >= 760;
            if (wide && stagePane.getRight() == null) {
                inside.getChildren().remove(closer.view());
                side.setContent(closer.view());
                stagePane.setRight(side);
            } else if (!wide && stagePane.getRight() != null) {
                stagePane.setRight(null);
                side.setContent(null);
                inside.getChildren().add(closer.view());
            }
            resize();
        });
        centre.viewportBoundsProperty().addListener((o, a, b) -> resize());
        side.viewportBoundsProperty()
                .addListener((o, a, b) -> closer.resize(side.getViewportBounds().getHeight()));
        this.side = side;
        return stagePane;
    }

    @Override
    public void dispose() {
        life.end();
        vm.dispose();
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    public FeatureMapsViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return root;
    }

    /**
     * The maps as large as the view allows: six to a row on a laptop, larger tiles on a wide screen; while presenting, as
     * large as lets the block's maps fit the screen under the pictures.
     */
    private void resize() {
        double w = centre.getViewportBounds().getWidth() - 30;
        if (w <= 0) return;
        double tile = Math.max(56, Math.min(150, w / 6 - 6));
        if (ctx.presentation().get() && heads != null && shownTitle != null) {
            double above = heads.getHeight() + shownTitle.getHeight() + blockPages.getHeight() + 12 * 2 + 20 + 10;
            tile = MapsFit.tile(
                    w, centre.getViewportBounds().getHeight() - above, tiles.size() / (pairs ? 2 : 1), pairs);
        }
        for (int i = 0; i < tiles.size(); i++) tiles.get(i).setCell(Math.max(2, Math.floor(tile / tileSides.get(i))));
        closer.resize(
                side == null || side.getContent() == null
                        ? 0
                        : side.getViewportBounds().getHeight());
    }

    private void redraw() {
        columns.getChildren().clear();
        closer.clear();
        firstFilters.getChildren().clear();
        tiles.clear();
        tileSides.clear();
        heads = shownTitle = null;
        Side left = vm.leftProperty().get(), right = vm.rightProperty().get();
        Network net = vm.network();
        blocks.set(net == null ? 0 : FeatureMaps.convBlocks(net));
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
            double[][] w = FeatureMaps.firstFilter(net, f);
            k.setValues(w, HeatMap.Scale.SIGNED, HeatMap.maxAbs(w));
            k.paletteProperty().bind(ctx.palette());
            k.setSelected(vm.blockProperty().get() == 0 && vm.filterProperty().get() == f);
            int ff = f;
            k.setOnMouseClicked(e -> vm.pick(0, ff));
            firstFilters.getChildren().add(k);
        }
        closer.show(left, net, stage);
        resize();
    }

    /**
     * Every block's maps, one tile per filter. With a second image each tile holds the filter's map for both,
     * one above the other, so that the same filter's answers to two images sit side by side.
     */
    private Node grid(Side left, Side right, double[] range) {
        // two images: the second wraps below the first when narrow, each with its top three classes
        boolean presenting = ctx.presentation().get(); // the pictures in a row, and one block a page
        FlowPane heads = new FlowPane(28, 10, head(left, "maps-left", presenting, right == null ? 10 : 3));
        heads.prefWrapLengthProperty().bind(viewWidth());
        if (right != null) heads.getChildren().add(head(right, "maps-right", presenting, 3));
        this.heads = heads;
        pairs = right != null;
        VBox col = new VBox(12, heads);
        col.setId("maps-grid");
        Stage stage = vm.stageProperty().get();
        for (int b = 0; b < left.maps().blocks().size(); b++) {
            if (presenting && b != vm.blockProperty().get()) continue;
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
                    i18n.tr(CloserLook.stageKey(stage))));
            title.setWrapText(true);
            title.maxWidthProperty().bind(viewWidth());
            col.getChildren().addAll(title, maps);
            shownTitle = title;
            for (Region r : new Region[] {heads, title}) r.heightProperty().addListener((o, was, now) -> resize());
        }
        return col;
    }

    /** A picture with its {@code top} classes, compact while presenting. */
    private Node head(Side s, String id, boolean presenting, int top) {
        return presenting ? PictureHead.compact(s, id, i18n) : PictureHead.of(s, id, top, i18n, viewWidth());
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
}
