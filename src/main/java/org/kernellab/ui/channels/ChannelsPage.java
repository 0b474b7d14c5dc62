package org.kernellab.ui.channels;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.MatrixView;
import org.kernellab.ui.widgets.Pages;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.StepControls;
import org.kernellab.ui.widgets.Workspace;

/**
 * Multi-channel convolution: one row per input channel (its padded input with the window, the filter's
 * slice for it, what that channel adds), the total with the bias, and the stack of feature maps, with the
 * shapes of every tensor and the course's two-layer chain run for real.
 * Scene fields: {@code seed} (fixed), {@code channels} (1–3), {@code filters} (1–3), {@code size} (3–8),
 * {@code kernel} (1–5), {@code padding} (0–2), {@code stride} (1–3), {@code imageFile} (a colour picture as the
 * channels), {@code input} (channels × size × size), {@code weights} (filters × channels × kernel × kernel) and
 * {@code bias} (one a filter) as nested lists, {@code filter} (the one shown), {@code channel} (the one shown
 * while presenting), {@code step}.
 */
public final class ChannelsPage implements Page {
    private final ChannelsViewModel vm;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final VBox channelRows = new VBox(10);
    private final VBox maps = new VBox(10);
    /** The feature maps side by side, while presenting. */
    private final HBox mapsAcross = new HBox(16);

    private final List<VBox> mapBoxes = new ArrayList<>();
    private final Pages pager;
    private final StepControls controls;
    private final Label chain = new Label();
    private final List<ChannelRow> rows = new ArrayList<>();
    private final List<MatrixView> outViews = new ArrayList<>();
    private final ChannelsPictures pictures;

    private final ChannelsStage hero;
    private final Lifetime life = new Lifetime();
    private final SceneFields scene;

    public ChannelsPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        I18n i18n = ctx.i18n();
        int seed = params.integer("seed", 5);
        vm = new ChannelsViewModel(ctx.engineReady(), seed);
        scene = ChannelsScene.declare(params, seed, vm);
        scene.finish();
        pictures = new ChannelsPictures(ctx, vm, root);
        controls = new StepControls(vm.stepper(), i18n);
        pager = new Pages(
                "channel-pages",
                i18n.bind("channels.pages"),
                vm.channelProperty(),
                vm.channelsProperty(),
                ch -> i18n.bind(
                        () -> i18n.tr(
                                "channels.channel", ch, vm.channelsProperty().get() == 3 ? "RGB".charAt(ch) : ' '),
                        vm.channelsProperty()),
                vm.channelProperty()::set,
                ctx.presentation());

        hero = new ChannelsStage(channelRows, mapsBox(i18n), vm, ctx.presentation());
        VBox.setVgrow(hero, Priority.ALWAYS);
        root.setCenter(new Workspace(Controls.column(settings(i18n), 240), stage(i18n), 520, i18n, ctx.presentation()));
        controls.installKeys(root);
        pager.installKeys(root);
        life.onChange(ctx.presentation(), p -> placeMaps());

        vm.resultProperty().addListener((o, a, b) -> rebuild());
        vm.stepper().stepProperty().addListener((o, a, b) -> redraw());
        life.onChange(i18n.localeProperty(), l -> redraw()); // the sums' numbers: 0.5 or 0,5
        rebuild();
        ctx.tasks()
                .run(
                        i18n.tr("channels.chainTask"),
                        w -> CourseChain.lines(),
                        lines -> chain.setText(String.join("\n", lines)));
    }

    private VBox settings(I18n i18n) {
        return new VBox(
                10,
                new SliderRow("ch-channels", i18n.bind("channels.channels"), vm.channelsProperty(), 1, 3),
                new SliderRow("ch-filters", i18n.bind("channels.filters"), vm.filtersProperty(), 1, 3),
                new SliderRow("ch-size", i18n.bind("animator.input"), vm.sizeProperty(), 3, 8),
                new SliderRow("ch-kernel", i18n.bind("animator.kernel"), vm.kernelProperty(), 1, 5),
                new SliderRow("ch-padding", i18n.bind("animator.padding"), vm.paddingProperty(), 0, 2),
                new SliderRow("ch-stride", i18n.bind("animator.stride"), vm.strideProperty(), 1, 3),
                shownFilter(i18n),
                Controls.button("ch-random", i18n, "animator.random", vm::randomize),
                pictures.open(),
                pictures.cifar(),
                pictures.line());
    }

    /** The feature maps under their title, beside the channels' rows: one above the other, side by side while presenting. */
    private VBox mapsBox(I18n i18n) {
        Label mapsTitle = new Label();
        mapsTitle.getStyleClass().add("settings-title");
        mapsTitle
                .textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr(ctx.presentation().get() ? "channels.mapsShort" : "channels.maps"),
                        ctx.presentation()));
        mapsTitle.setWrapText(true);
        mapsTitle.setMinWidth(160);
        mapsTitle.setMaxWidth(300);
        mapsTitle.setMinHeight(Region.USE_PREF_SIZE);
        Grids.hideWhile(ctx.presentation(), maps);
        mapsAcross.visibleProperty().bind(ctx.presentation());
        mapsAcross.managedProperty().bind(mapsAcross.visibleProperty());
        return new VBox(8, mapsTitle, maps, mapsAcross);
    }

    /** The maps in the column or, while presenting, in the row. */
    private void placeMaps() {
        maps.getChildren().clear();
        mapsAcross.getChildren().clear();
        (ctx.presentation().get() ? mapsAcross : maps).getChildren().setAll(mapBoxes);
    }

    /** The grids, the step's total and the controls fill the first screen; the shapes and the course's chain are under it. */
    private ScrollPane stage(I18n i18n) {
        Label total = ChannelsTotal.label(vm, i18n, ctx.presentation());
        Label shapes = new Label();
        shapes.setId("channels-shapes");
        shapes.getStyleClass().add("python-code");
        shapes.textProperty()
                .bind(Bindings.createStringBinding(() -> String.join("\n", vm.shapes()), vm.resultProperty()));
        Label chainTitle = new Label();
        chainTitle.getStyleClass().add("settings-title");
        chainTitle.textProperty().bind(i18n.bind("channels.chain"));
        chain.setId("channels-chain");
        chain.getStyleClass().add("python-code");
        chain.setWrapText(true);
        Separator line = new Separator();
        for (Label l : new Label[] {shapes, chainTitle, chain}) l.setMinHeight(Region.USE_PREF_SIZE);
        Grids.hideWhile(ctx.presentation(), line, shapes, chainTitle, chain);
        VBox right = new VBox(12, pager, hero, total, controls, line, shapes, chainTitle, chain);
        right.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        hero.screenProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> scroll.getViewportBounds().getHeight()
                                - total.getHeight()
                                - controls.getHeight()
                                - (pager.isManaged() ? pager.getHeight() + 12 : 0)
                                - 3 * 12
                                - 24,
                        scroll.viewportBoundsProperty(),
                        total.heightProperty(),
                        controls.heightProperty(),
                        pager.heightProperty(),
                        pager.managedProperty()));
        return scroll;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    ChannelsViewModel viewModel() {
        return vm;
    }

    private SliderRow shownFilter(I18n i18n) {
        SliderRow row = new SliderRow("ch-filter", i18n.bind("channels.shownFilter"), vm.filterProperty(), 0, 2);
        row.slider().maxProperty().bind(vm.filtersProperty().subtract(1));
        row.disableProperty().bind(vm.filtersProperty().isEqualTo(1));
        return row;
    }

    /** One row per channel and one map per filter, as many as the settings ask for. */
    private void rebuild() {
        I18n i18n = ctx.i18n();
        int c = vm.channelsProperty().get(), f = vm.filtersProperty().get();
        if (rows.size() != c) {
            rows.clear();
            for (int ch = 0; ch < c; ch++)
                rows.add(new ChannelRow(
                        ch, c, grid("channel-input-" + ch), grid("channel-kernel-" + ch), vm, ctx.i18n()));
            for (int ch = 0; ch < c; ch++) { // while presenting, one channel a page
                ChannelRow row = rows.get(ch);
                row.visibleProperty()
                        .bind(Bindings.or(
                                ctx.presentation().not(), vm.channelProperty().isEqualTo(ch)));
                row.managedProperty().bind(row.visibleProperty());
            }
            channelRows.getChildren().setAll(rows);
        }
        if (outViews.size() != f) {
            outViews.clear();
            mapBoxes.clear();
            for (int fi = 0; fi < f; fi++) {
                int filter = fi;
                MatrixView m = grid("feature-map-" + fi);
                m.setHeat(true);
                m.setOnCellClicked((r, col) -> {
                    vm.filterProperty().set(filter);
                    ChannelsViewModel.Result res = vm.result();
                    if (res.ok())
                        vm.stepper().stepProperty().set(r * res.trace().outWidth() + col);
                });
                Label t = Grids.title(i18n.bind(() -> i18n.tr("channels.map", filter), vm.resultProperty()));
                outViews.add(m);
                mapBoxes.add(new VBox(4, t, m));
            }
            placeMaps();
        }
        redraw();
    }

    private MatrixView grid(String id) {
        MatrixView m = new MatrixView();
        m.setId(id);
        m.paletteProperty().bind(ctx.palette());
        m.numbersProperty().bind(ctx.i18n().numbersProperty());
        m.cellSizeProperty().bind(hero.cellProperty());
        return m;
    }

    private void redraw() {
        ChannelsViewModel.Result r = vm.result();
        int p = vm.paddingProperty().get();
        ConvTrace.Step step = r.ok() && vm.stepper().count() > 0
                ? r.trace().steps().get(vm.stepper().step())
                : null;
        for (int ch = 0; ch < rows.size(); ch++) {
            rows.get(ch)
                    .show(
                            vm.padded(ch),
                            p,
                            vm.kernelSlice(ch),
                            step,
                            step == null ? "" : "Σ = " + ctx.i18n().numbers().format(vm.channelSum(ch)));
        }
        for (int fi = 0; fi < outViews.size(); fi++) {
            MatrixView m = outViews.get(fi);
            if (!r.ok()) {
                m.setValues(new double[0][0]);
                continue;
            }
            int n = r.rows().output();
            Tensor out = r.output();
            double[][] map = new double[n][n];
            if (out != null) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) map[i][j] = out.get(0, fi, i, j);
            m.setValues(map);
            m.setShown(out == null ? new boolean[n][n] : null);
            m.setSelected(
                    fi == vm.filterProperty().get() && step != null ? step.outRow() : -1,
                    step == null ? -1 : step.outCol());
        }
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
}
