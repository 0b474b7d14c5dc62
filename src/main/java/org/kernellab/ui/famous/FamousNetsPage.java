package org.kernellab.ui.famous;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.ComputeException;
import org.kernellab.lesson.LessonParams;
import org.kernellab.model.Layer;
import org.kernellab.model.LayerTable;
import org.kernellab.model.Net;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.famous.FamousNetsViewModel.Choice;
import org.kernellab.ui.famous.FamousNetsViewModel.Row;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.train3d.Lab3D;
import org.kernellab.ui.training.TrainingLab;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.ShapeStrip;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.ValueBar;
import org.kernellab.ui.widgets.Workspace;

/**
 * Famous networks layer by layer: the torchinfo-style table with bars of parameters and of multiply-accumulates, the
 * shape shrinking through the net, and the slides' dense-or-convolution comparison. Scene fields: {@code net} (alexnet,
 * vgg16, course-mlp, course-cnn, lab, lab-run, conv3dnet, lab-3d — also lab3d —, lab-3d-run), {@code side} (the
 * picture's side, 8–512, 8–64 for a 3D net), {@code tab} (layers or dense), and the comparison's {@code image}
 * (8–1000), {@code channels} (1–3), {@code units} (1–4096), {@code filters} (1–512), {@code kernel} (1–11).
 */
public final class FamousNetsPage implements Page {
    /** The PyTorch line's column at its narrowest: "Conv2d(64, 192," a line, so the table fits half a projector. */
    private static final double LAYER_COLUMN = 120;

    /** The width a bar has for the largest layer. */
    private static final double BAR = 84;

    private final FamousNetsViewModel vm;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final GridPane table = new GridPane();
    private final ShapeStrip strip = new ShapeStrip();
    private final Label totals = new Label(), problem = new Label();
    private final SliderRow sideRow;
    private final SceneFields scene;

    public FamousNetsPage(LessonParams params, AppContext ctx) {
        i18n = ctx.i18n();
        vm = new FamousNetsViewModel(new FamousNetsViewModel.Labs() {
            @Override
            public Net edited(boolean threeD) {
                return lab(ctx, threeD).editor().net();
            }

            @Override
            public Net chosenRun(boolean threeD) {
                Run run = lab(ctx, threeD).selectedProperty().get();
                if (run == null) throw new ComputeException("famous.noRun");
                return run.net();
            }
        });
        scene = FamousScene.declare(params, vm);

        sideRow = new SliderRow(
                "famous-side",
                i18n.bind(() -> i18n.tr(vm.threeD() ? "famous.grid" : "famous.side"), vm.netProperty()),
                vm.sideProperty(),
                FamousNetsViewModel.MIN_SIDE,
                FamousNetsViewModel.MAX_SIDE);
        TabPane tabs = new TabPane(
                Controls.tab("famous-tab-layers", i18n, "famous.tabLayers", layers()),
                Controls.tab("famous-tab-dense", i18n, "famous.tabDense", new DenseOrConv(vm, i18n, life).build()));
        FamousScene.tab(scene, tabs);
        scene.finish();
        root.setCenter(new Workspace(Controls.column(settings(), 250), tabs, 600, i18n, ctx.presentation()));

        life.onChange(vm.tableProperty(), t -> show());
        life.onChange(i18n.localeProperty(), l -> show());
        show();
    }

    /** The net, its input's side and the input's shape. */
    private VBox settings() {
        Map<Choice, String[]> names = new LinkedHashMap<>();
        for (Choice n : Choice.values()) {
            String id = n.name().toLowerCase(Locale.ROOT);
            names.put(n, new String[] {"famous-" + id.replace('_', '-'), "famous.net." + id});
        }
        Label input = new Label();
        input.setId("famous-input");
        input.setWrapText(true);
        input.getStyleClass().add("hint");
        input.textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr(
                                "famous.input",
                                "("
                                        + String.join(
                                                ", ",
                                                Arrays.stream(vm.table().input())
                                                        .mapToObj(String::valueOf)
                                                        .toList())
                                        + ")"),
                        vm.tableProperty()));
        Label title = Controls.label(i18n, "famous.choose");
        title.getStyleClass().add("settings-title");
        return new VBox(10, title, Segments.column(vm.netProperty(), names, i18n), sideRow, input);
    }

    /** The totals, the shape strip and the layer table. */
    private ScrollPane layers() {
        totals.setId("famous-totals");
        totals.setWrapText(true);
        totals.getStyleClass().add("formula");
        totals.setMinHeight(Region.USE_PREF_SIZE);
        problem.setId("famous-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        table.setId("famous-table");
        table.getStyleClass().add("layer-table");
        table.setHgap(8);
        table.setVgap(3);
        Label stripTitle = Controls.label(i18n, "famous.stripTitle");
        stripTitle.getStyleClass().add("grid-title");
        strip.setId("famous-strip");
        VBox layers = new VBox(12, totals, problem, stripTitle, strip, table);
        layers.setPadding(new Insets(12));
        ScrollPane layersScroll = new ScrollPane(layers);
        layersScroll.setFitToWidth(true);
        layersScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return layersScroll;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    FamousNetsViewModel viewModel() {
        return vm;
    }

    /** The training lab's net as it is being edited. */
    /** The training lab or the 3D lab, one for the app. */
    private static LabViewModel lab(AppContext ctx, boolean threeD) {
        return threeD
                ? ctx.shared(Lab3D.class, () -> Lab3D.of(ctx)).lab()
                : ctx.shared(TrainingLab.class, () -> TrainingLab.of(ctx)).lab();
    }

    private void show() {
        FamousNetsViewModel.Table t = vm.table();
        sideRow.slider().setMax(vm.maxSide());
        problem.setText(t.problem() == null ? "" : "✗ " + i18n.tr(t.problem()));
        problem.setVisible(t.problem() != null);
        problem.setManaged(t.problem() != null);
        LayerTable.Totals sum = t.totals();
        totals.setText(
                t.problem() != null
                        ? ""
                        : i18n.tr(
                                "famous.totals",
                                sum.parameters(),
                                sum.weightsMegabytes(),
                                sum.macs() / 1e6,
                                sum.activationMegabytes()));
        List<ShapeStrip.Entry> entries = new ArrayList<>();
        for (int i = 0; i < t.blocks().size(); i++) {
            FamousNetsViewModel.Block b = t.blocks().get(i);
            entries.add(new ShapeStrip.Entry(
                    b.shape(), i == 0 ? i18n.tr("famous.stripInput") : i18n.tr("famous.stripLayers", b.layers())));
        }
        strip.show(entries);
        fillTable(t.rows());
    }

    private void fillTable(List<Row> rows) {
        table.getChildren().clear();
        table.getColumnConstraints()
                .setAll(
                        column(HPos.RIGHT, false),
                        column(HPos.LEFT, true),
                        column(HPos.LEFT, false),
                        column(HPos.LEFT, false),
                        column(HPos.LEFT, false),
                        column(HPos.RIGHT, false),
                        column(HPos.RIGHT, false));
        if (rows.isEmpty()) return;
        String[] heads = {
            "#",
            i18n.tr("famous.colLayer"),
            i18n.tr("famous.colShape"),
            i18n.tr("famous.colParams"),
            i18n.tr("famous.colMacs"),
            i18n.tr("famous.colMemory"),
            i18n.tr("famous.colField")
        };
        for (int c = 0; c < heads.length; c++) {
            Label head = cell(heads[c], "header");
            head.setWrapText(true); // "Campo receptivo" over two lines rather than past the window's edge
            Controls.keepWords(head);
            table.add(head, c, 0);
        }
        int r = 1;
        for (Row row : rows) {
            boolean weighted = row.parameters() > 0 || row.macs() > 0;
            Label layer = cell(compact(row.pytorch()), "code");
            layer.setWrapText(true);
            layer.setMinWidth(LAYER_COLUMN);
            layer.setTooltip(new Tooltip(row.pytorch()));
            table.add(cell(String.valueOf(row.index()), "hint"), 0, r);
            table.add(layer, 1, r);
            table.add(cell(ShapeStrip.text(row.shape()), "code"), 2, r);
            table.add(bar(row.parameters(), row.parameterShare(), "param-bar", weighted), 3, r);
            table.add(bar(row.macs(), row.macShare(), "mac-bar", weighted), 4, r);
            table.add(cell(bytes(row.activationBytes()), "small"), 5, r);
            table.add(
                    cell(
                            row.field().whole()
                                    ? i18n.tr("famous.fieldAll")
                                    : ShapeStrip.text(row.field().size()),
                            "small"),
                    6,
                    r);
            if (row.kind() instanceof Layer.ReLU || row.kind() instanceof Layer.Dropout)
                layer.getStyleClass().add("hint");
            r++;
        }
    }

    /** A PyTorch line made short enough for the table: Conv2d(3, 64, k=11, s=4, p=2); the whole line is its tooltip. */
    static String compact(String pytorch) {
        return pytorch.replace("nn.", "")
                .replace("kernel_size=", "k=")
                .replace("stride=", "s=")
                .replace("padding=", "p=");
    }

    private String bytes(long n) {
        if (n >= 1_000_000) return i18n.tr("famous.megabytes", n / 1e6);
        return n >= 1_000 ? i18n.tr("famous.kilobytes", n / 1e3) : i18n.tr("famous.bytes", n);
    }

    private static ColumnConstraints column(HPos align, boolean grow) {
        ColumnConstraints c = new ColumnConstraints();
        c.setHalignment(align);
        c.setHgrow(grow ? Priority.ALWAYS : Priority.NEVER);
        // as narrow as its cells allow: values keep their width, headings give up theirs between words
        if (grow) c.setMinWidth(LAYER_COLUMN);
        return c;
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A count above a bar as long as its share of the largest layer's; layers without weights faded. */
    private Node bar(long value, double share, String style, boolean shown) {
        ValueBar b =
                new ValueBar(value == 0 ? "–" : i18n.tr("famous.count", value), value == 0 ? 0 : share, BAR, style);
        b.setOpacity(shown ? 1 : 0.6);
        return b;
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
