package org.kernellab.ui.scratch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.SideBySide;
import org.kernellab.compute.SideBySide.Op;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.MatrixView;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.Workspace;

/**
 * The course's convolution and pooling written as plain loops ({@code compute/Reference}), run beside ND4J on the
 * notebook's arrays: both results, their largest difference, both speeds, and the loops' own source with the formula
 * of each line. Scene fields: {@code op} (conv, max, avg: from the notebook's cell for it), its {@code m} (1–16),
 * {@code nCPrev} (1–8), {@code nPrev} (1–32), {@code nC} (1–16), {@code f} (1–5), {@code pad} (0–3), {@code stride}
 * (1–4), {@code seed} (0–99), and the map shown: {@code example} and {@code channel}.
 */
public final class FromScratchPage implements Page {
    private final FromScratchViewModel vm;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final MatrixView scratchView = new MatrixView(), libraryView = new MatrixView();
    private final GridPane source = new GridPane();
    private final SourceListing listing = SourceListing.load();
    private final SceneFields scene;

    public FromScratchPage(LessonParams params, AppContext ctx) {
        i18n = ctx.i18n();
        vm = new FromScratchViewModel(ctx.tasks(), i18n.tr("scratch.task"));
        scene = ScratchScene.declare(params, vm);

        root.setCenter(new Workspace(Controls.column(settings(), 250), stage(ctx), 520, i18n, ctx.presentation()));
        life.onChange(vm.resultProperty(), r -> showMaps());
        life.onInvalid(vm.exampleProperty(), this::showMaps);
        life.onInvalid(vm.channelProperty(), this::showMaps);
        life.onChange(vm.opProperty(), o -> showSource());
        showSource();
        vm.run();
    }

    /** The operation, the notebook's sizes and seed, and the course's own two set-ups. */
    private VBox settings() {
        Map<Op, String[]> ops = new LinkedHashMap<>();
        ops.put(Op.CONV, new String[] {"scratch-conv", "scratch.conv"});
        ops.put(Op.MAX_POOL, new String[] {"scratch-max", "scratch.max"});
        ops.put(Op.AVG_POOL, new String[] {"scratch-avg", "scratch.avg"});
        SliderRow filters = new SliderRow(
                "scratch-nc", i18n.bind("scratch.nC"), vm.nCProperty(), 1, FromScratchViewModel.MAX_FILTERS);
        filters.disableProperty().bind(vm.opProperty().isNotEqualTo(Op.CONV));
        return new VBox(
                10,
                Segments.column(vm.opProperty(), ops, i18n),
                new SliderRow("scratch-m", i18n.bind("scratch.m"), vm.mProperty(), 1, FromScratchViewModel.MAX_M),
                new SliderRow(
                        "scratch-ncprev",
                        i18n.bind("scratch.nCPrev"),
                        vm.nCPrevProperty(),
                        1,
                        FromScratchViewModel.MAX_CHANNELS),
                new SliderRow(
                        "scratch-n", i18n.bind("scratch.nPrev"), vm.nPrevProperty(), 1, FromScratchViewModel.MAX_SIDE),
                filters,
                new SliderRow("scratch-f", i18n.bind("scratch.f"), vm.fProperty(), 1, FromScratchViewModel.MAX_F),
                new SliderRow(
                        "scratch-pad", i18n.bind("scratch.pad"), vm.padProperty(), 0, FromScratchViewModel.MAX_PAD),
                new SliderRow(
                        "scratch-stride",
                        i18n.bind("scratch.stride"),
                        vm.strideProperty(),
                        1,
                        FromScratchViewModel.MAX_STRIDE),
                new SliderRow("scratch-seed", i18n.bind("scratch.seed"), vm.seedProperty(), 0, 99),
                Controls.button("scratch-course-conv", i18n, "scratch.courseConv", vm::courseConv),
                Controls.button("scratch-course-pool", i18n, "scratch.coursePool", () -> vm.coursePool(Op.MAX_POOL)));
    }

    /** The figures, both results side by side, and the loops' source. */
    private ScrollPane stage(AppContext ctx) {
        Label summary = new Label();
        summary.setId("scratch-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("products");
        summary.textProperty().bind(i18n.bind(this::summary, vm.resultProperty(), vm.problemProperty()));
        Label sourceTitle = Controls.label(i18n, "scratch.source");
        sourceTitle.getStyleClass().add("grid-title");
        // the listing scrolls with the page: a scroll pane inside a scrolling page hides its bar below the fold
        HBox pick = pick();
        VBox stage = new VBox(12, summary, pick, maps(ctx), sourceTitle, sourceGrid());
        stage.setPadding(new Insets(12));
        ScrollPane stageScroll = new ScrollPane(stage);
        stageScroll.setFitToWidth(true);
        stageScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // while presenting, the two maps fill the first screen under the figures, the listing below them
        Grids.fitWhile(
                ctx.presentation(),
                stageScroll,
                summary.heightProperty().add(pick.heightProperty()).add(12 * 3 + 24 + 40),
                List.of(scratchView, libraryView),
                vm.resultProperty());
        return stageScroll;
    }

    /** Which example and channel to show, up to as many as the last run made. */
    private HBox pick() {
        Spinner<Integer> example = spinner("scratch-example", vm.exampleProperty()),
                channel = spinner("scratch-channel", vm.channelProperty());
        life.onChange(vm.resultProperty(), r -> {
            if (r == null) return;
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) example.getValueFactory())
                    .setMax(r.scratch().dim(0) - 1);
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) channel.getValueFactory())
                    .setMax(r.scratch().dim(1) - 1);
        });
        HBox pick = new HBox(
                8, Controls.label(i18n, "scratch.example"), example, Controls.label(i18n, "scratch.channel"), channel);
        pick.setAlignment(Pos.CENTER_LEFT);
        for (Node n : pick.getChildren()) if (n instanceof Label l) l.setMinWidth(Region.USE_PREF_SIZE);
        return pick;
    }

    /** The loops' result beside ND4J's. */
    private FlowPane maps(AppContext ctx) {
        for (MatrixView v : new MatrixView[] {scratchView, libraryView}) {
            v.paletteProperty().bind(ctx.palette());
            v.numbersProperty().bind(ctx.i18n().numbersProperty());
        }
        scratchView.setId("scratch-from-loops");
        libraryView.setId("scratch-from-nd4j");
        return new FlowPane(
                24,
                12,
                Grids.column(mapTitle("scratch.fromLoops"), scratchView),
                Grids.column(mapTitle("scratch.fromNd4j"), libraryView));
    }

    private Label mapTitle(String key) {
        return Grids.title(i18n.bind(
                () -> i18n.tr(
                        key, vm.exampleProperty().get(), vm.channelProperty().get()),
                vm.exampleProperty(),
                vm.channelProperty()));
    }

    /** Line numbers, code that wraps only when it must, and the notes taking what width is left. */
    private GridPane sourceGrid() {
        source.setId("scratch-source");
        source.setHgap(12);
        ColumnConstraints number = new ColumnConstraints(),
                code = new ColumnConstraints(),
                note = new ColumnConstraints();
        number.setMinWidth(Region.USE_PREF_SIZE);
        code.setMinWidth(260);
        code.setHgrow(Priority.SOMETIMES);
        note.setHgrow(Priority.ALWAYS);
        note.setMinWidth(160);
        source.getColumnConstraints().setAll(number, code, note);
        return source;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    FromScratchViewModel viewModel() {
        return vm;
    }

    private static Spinner<Integer> spinner(String id, IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(0, FromScratchViewModel.MAX_FILTERS - 1, value.get());
        s.setId(id);
        s.setPrefWidth(80);
        s.setMinWidth(Region.USE_PREF_SIZE);
        s.valueProperty().addListener((o, a, n) -> value.set(n));
        value.addListener((o, a, n) -> s.getValueFactory().setValue(n.intValue()));
        return s;
    }

    private String summary() {
        if (vm.problemProperty().get() != null)
            return "✗ " + i18n.tr(vm.problemProperty().get());
        SideBySide.Result r = vm.result();
        if (r == null) return i18n.tr("scratch.running");
        SideBySide.Setup s = r.setup();
        // the value the notebook prints: Z[1, 1, 1, 1] of its convolution, Z[0, 0, 0, 0] of its pooling
        int[] at = s.op() == Op.CONV ? new int[] {1, 1, 1, 1} : new int[] {0, 0, 0, 0};
        boolean inside = true;
        for (int a = 0; a < 4; a++) inside &= at[a] < r.scratch().dim(a);
        StringBuilder sb = new StringBuilder(i18n.tr(
                "scratch.shapes",
                s.seed(),
                shape(r.input().shape()),
                shape(r.scratch().shape()),
                shape(r.library().shape())));
        if (inside)
            sb.append('\n')
                    .append(i18n.tr(
                            "scratch.probe",
                            shape(at).replace('(', '[').replace(')', ']'),
                            i18n.exact(r.scratch().get(at)),
                            i18n.exact(r.library().get(at))));
        sb.append('\n')
                .append(i18n.tr("scratch.diff", r.scratch().size(), String.format(i18n.locale(), "%.1e", r.maxDiff())));
        sb.append('\n')
                .append(
                        r.speedup() >= 1
                                ? i18n.tr("scratch.speed", r.scratchMillis(), r.libraryMillis(), r.speedup(), r.calls())
                                : i18n.tr(
                                        "scratch.speedLoops",
                                        r.scratchMillis(),
                                        r.libraryMillis(),
                                        1 / r.speedup(),
                                        r.calls()));
        return sb.toString();
    }

    private static String shape(int[] s) {
        return "("
                + String.join(", ", Arrays.stream(s).mapToObj(String::valueOf).toList()) + ")";
    }

    private void showMaps() {
        SideBySide.Result r = vm.result();
        if (r == null) {
            scratchView.setValues(new double[0][0]);
            libraryView.setValues(new double[0][0]);
            return;
        }
        scratchView.setValues(FromScratchViewModel.map(
                r.scratch(), vm.exampleProperty().get(), vm.channelProperty().get()));
        libraryView.setValues(FromScratchViewModel.map(
                r.library(), vm.exampleProperty().get(), vm.channelProperty().get()));
    }

    private void showSource() {
        source.getChildren().clear();
        if (listing.isEmpty()) {
            source.add(Controls.label(i18n, "scratch.noSource"), 0, 0, 3, 1);
            return;
        }
        List<String> methods =
                vm.opProperty().get() == Op.CONV ? List.of("pad", "convolve", "conv") : List.of("pad", "pool");
        int row = 0;
        for (String name : methods) {
            for (SourceListing.Line line : listing.method(name)) {
                Label n = new Label(String.valueOf(line.number()));
                n.getStyleClass().addAll("hint", "small");
                n.setMinWidth(Region.USE_PREF_SIZE);
                Label c = new Label(line.code());
                c.getStyleClass().addAll("code", "small");
                c.setWrapText(true);
                Label f = new Label(line.note());
                f.getStyleClass().add("source-note");
                f.setWrapText(true);
                source.addRow(row++, n, c, f);
            }
            source.add(new Label(" "), 0, row++);
        }
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        life.end();
    }
}
