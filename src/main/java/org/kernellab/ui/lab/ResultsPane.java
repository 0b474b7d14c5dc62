package org.kernellab.ui.lab;

import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.model.Samples;
import org.kernellab.model.Trainer;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.ColourPicture;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.ModelFiles;

/**
 * What a trained net gets wrong: the confusion matrix with named classes, accuracy per class and the surest mistakes
 * (pictures drawn where they are listed; 3D objects as buttons that open them in the voxel viewer); Save, Export and
 * Open; training the chosen net further, and its layer table.
 */
final class ResultsPane {
    private static final int GALLERY = 40;

    private final LabViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Node owner;
    private final Runnable toTraining;
    private final HeatMap confusion = new HeatMap(30);
    private final VBox perClass = new VBox(3), rowNames = new VBox();
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label title = new Label();
    private final CheckBox normalize = new CheckBox();
    private Run shown;
    private final ChangeListener<Trainer.Evaluation> retested = (o, a, b) -> show(shown);
    private ScrollPane scroll;

    /**
     * @param owner      a node of the page, whose window the file dialogs belong to
     * @param toTraining shows the training tab, where a run queued from here is seen
     */
    ResultsPane(LabViewModel vm, AppContext ctx, Node owner, Runnable toTraining) {
        this.vm = vm;
        this.toTraining = toTraining;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.owner = owner;
    }

    Node build() {
        title.setId("lab-results-title");
        title.getStyleClass().add("grid-title");
        confusion.setId("lab-confusion");
        confusion.paletteProperty().bind(ctx.palette());
        perClass.setId("lab-per-class");
        gallery.setId("lab-gallery");
        VBox matrix = new VBox(6, Controls.label(i18n, "train.confusion"), new HBox(6, rowNames, confusion));
        VBox classes = new VBox(6, Controls.label(i18n, "train.perClass"), perClass);
        FlowPane top = new FlowPane(24, 16, matrix, classes); // per-class accuracy goes below the matrix when narrow
        VBox body = new VBox(12, top, Controls.label(i18n, "lab.mistakes"), gallery);
        body.visibleProperty()
                .bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null, vm.selectedProperty()));
        body.managedProperty().bind(body.visibleProperty());
        normalize.setId("lab-normalize");
        normalize.textProperty().bind(i18n.bind("train.normalize"));
        normalize.setTooltip(Controls.tip(i18n, "train.normalizeTip"));
        normalize.setWrapText(true);
        normalize.setOnAction(e -> vm.normalize(vm.selectedProperty().get(), normalize.isSelected()));
        normalize.managedProperty().bind(normalize.visibleProperty());
        VBox box = new VBox(12, files(), title, normalize, body);
        box.setPadding(new Insets(12));
        scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> sizeMatrix());
        show(null);
        return scroll;
    }

    /**
     * The confusion matrix's squares: 30 px, or while presenting as large as the screen's height allows, from 44 px on a
     * 1280×720 projector (its counts in type the back row reads; more on a larger screen) to 200.
     */
    private void sizeMatrix() {
        int n = Math.max(1, confusion.values().length);
        double least = Math.ceil(44 * Grids.projectorScale(scroll));
        double cell = ctx.presentation().get()
                ? Math.max(
                        least,
                        Math.min(200, Math.floor((scroll.getViewportBounds().getHeight() - 160) / n)))
                : 30;
        confusion.setCell(cell);
        for (var name : rowNames.getChildren()) ((Label) name).setMinHeight(cell);
    }

    private Node files() {
        Button save = Controls.button(
                "lab-save",
                i18n,
                "train.save",
                () -> ModelFiles.save(owner.getScene().getWindow(), "kernellab.model")
                        .ifPresent(vm::save));
        // one menu for the two ways out to PyTorch, so that the row fits a projector with the lesson text shown
        MenuItem project = new MenuItem(), onnx = new MenuItem();
        project.setId("lab-export-pytorch");
        project.textProperty().bind(i18n.bind("train.exportPyTorch"));
        project.setOnAction(
                e -> ModelFiles.exportFolder(owner.getScene().getWindow()).ifPresent(vm::exportPyTorch));
        onnx.setId("lab-export-onnx");
        onnx.textProperty().bind(i18n.bind("train.exportOnnx"));
        onnx.setOnAction(e -> ModelFiles.saveOnnx(owner.getScene().getWindow()).ifPresent(vm::exportOnnx));
        MenuButton export = new MenuButton("", null, project, onnx);
        export.setId("lab-export");
        export.textProperty().bind(i18n.bind("train.export"));
        Button further = Controls.button("lab-train-further", i18n, "train.further", () -> {
            vm.trainFurther();
            if (vm.noticeProperty().get() == null) toTraining.run();
        });
        further.setTooltip(Controls.tip(i18n, "train.furtherTip"));
        Button layers = Controls.button(
                "lab-layer-table",
                i18n,
                "train.layers",
                () -> ctx.navigation()
                        .open(
                                "famous-networks",
                                Map.of("net", vm.data().input().length == 4 ? "lab3d-run" : "lab-run")));
        layers.setTooltip(Controls.tip(i18n, "train.layersTip"));
        for (Control b : List.of(save, export, further, layers))
            b.disableProperty()
                    .bind(Bindings.createBooleanBinding(
                            () -> vm.selectedProperty().get() == null
                                    || vm.selectedProperty().get().network() == null,
                            vm.selectedProperty()));
        Button load = Controls.button(
                "lab-load",
                i18n,
                "train.load",
                () -> ModelFiles.open(owner.getScene().getWindow()).ifPresent(f -> vm.load(f, r -> {})));
        load.setTooltip(Controls.tip(i18n, "train.loadTip"));
        for (Control b : List.of(save, export, load, further, layers)) b.setMaxWidth(Region.USE_PREF_SIZE);
        Label notice = new Label();
        notice.setId("lab-notice");
        notice.setWrapText(true);
        notice.textProperty()
                .bind(i18n.bind(
                        () -> vm.noticeProperty().get() == null
                                ? ""
                                : i18n.tr(vm.noticeProperty().get()),
                        vm.noticeProperty()));
        Grids.hideWhenEmpty(notice);
        // the buttons wrap on a projector with the lesson text shown; the notice goes below them
        FlowPane buttons = new FlowPane(8, 8, save, export, load, further, layers);
        return new VBox(8, buttons, notice);
    }

    /** A run's results, or an invitation to train; drawn again when the run is tested again. */
    void show(Run run) {
        if (shown != null) shown.evaluationProperty().removeListener(retested);
        shown = run;
        if (run != null) run.evaluationProperty().addListener(retested);
        // how the net reads its pictures: the student says so for a net opened from a file, not for one trained here
        boolean pictures = run != null && run.network() != null && run.net().input().length == 3;
        normalize.setVisible(pictures);
        normalize.setDisable(run == null || run.file() == null);
        normalize.setSelected(pictures && run.network().normalizesInputs());
        Trainer.Evaluation e = run == null ? null : run.evaluationProperty().get();
        perClass.getChildren().clear();
        rowNames.getChildren().clear();
        gallery.getChildren().clear();
        if (e == null || run.data() == null) {
            title.setText(i18n.tr("train.noResults"));
            confusion.setValues(new double[0][0], HeatMap.Scale.COUNTS, 1);
            return;
        }
        int n = e.confusion().length;
        title.setText(i18n.tr(
                "lab.resultsOf",
                run.name(),
                i18n.numbers().percent(e.accuracy()),
                i18n.numbers().grouped(e.predicted().length)));
        double[][] counts = new double[n][n];
        double max = 1;
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) max = Math.max(max, counts[r][c] = e.confusion()[r][c]);
        confusion.setValues(counts, HeatMap.Scale.COUNTS, max);
        for (int c = 0; c < n; c++) classRow(run, e, c);
        sizeMatrix();
        for (int i : vm.mistakes(GALLERY)) gallery.getChildren().add(mistake(run, e, i));
        if (gallery.getChildren().isEmpty()) gallery.getChildren().add(new Label(i18n.tr("lab.noMistakes")));
    }

    private void classRow(Run run, Trainer.Evaluation e, int c) {
        Label name = new Label(c + " · " + vm.className(run, c));
        name.setMinHeight(30);
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.getStyleClass().add("small");
        rowNames.getChildren().add(name);
        ProgressBar b = new ProgressBar(e.classAccuracy(c));
        b.setPrefWidth(140);
        Label named = new Label(vm.className(run, c)),
                value = new Label(i18n.numbers().percent(e.classAccuracy(c)));
        named.setMinWidth(110);
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, named, b, value);
        line.setAlignment(Pos.CENTER_LEFT);
        perClass.getChildren().add(line);
    }

    /** A picture with its caption, or a button that opens a 3D object in the voxel viewer. */
    private Node mistake(Run run, Trainer.Evaluation e, int i) {
        Samples test = run.data().test();
        String caption = i18n.tr(
                "train.errorCaption",
                String.valueOf(i),
                vm.className(run, e.predicted()[i]),
                Math.round(e.confidence()[i] * 100),
                vm.className(run, test.label(i)));
        if (run.data().viewer() != null) {
            Button b = new Button(caption);
            b.getStyleClass().add("small");
            b.setOnAction(ev -> Platform.runLater(
                    () -> ctx.navigation().open("voxels", run.data().viewer().apply(i))));
            return b;
        }
        Node img = test.shape()[0] == 3 ? colour(test, i) : grey(test, i);
        Label text = new Label(caption);
        text.setWrapText(true);
        text.setMaxWidth(120);
        text.getStyleClass().add("small");
        VBox cell = new VBox(3, img, text);
        cell.setPrefWidth(124);
        return cell;
    }

    private static Node colour(Samples test, int i) {
        float[] v = test.floats(i);
        return ColourPicture.of(k -> v[k], test.shape()[1], test.shape()[2], 2.5);
    }

    private static HeatMap grey(Samples test, int i) {
        HeatMap img = new HeatMap(2.5);
        img.setValues(picture(test, i), HeatMap.Scale.GREY, 1);
        return img;
    }

    /** A picture's first channel as rows of grey values. */
    static double[][] picture(Samples s, int i) {
        int h = s.shape()[1], w = s.shape()[2];
        float[] v = s.floats(i);
        double[][] m = new double[h][w];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[y][x] = v[y * w + x];
        return m;
    }
}
