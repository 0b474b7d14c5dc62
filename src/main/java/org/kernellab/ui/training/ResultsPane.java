package org.kernellab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.data.Dataset;
import org.kernellab.model.Trainer;
import org.kernellab.ui.AppContext;
import org.kernellab.ui.I18n;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.ModelFiles;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.i18n.Numbers;

/** What a trained net gets wrong: the confusion matrix with named classes, accuracy per class and the surest mistakes. */
final class ResultsPane {
    private static final int GALLERY = 40;

    private final TrainingViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Node owner;
    private final HeatMap confusion = new HeatMap(34);
    private final VBox perClass = new VBox(3);
    private final FlowPane gallery = new FlowPane(8, 8);
    private final Label resultsTitle = new Label();

    /** @param owner a node of the page, whose window the file dialogs belong to */
    ResultsPane(TrainingViewModel vm, AppContext ctx, Node owner) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.owner = owner;
    }

    Node build() {
        resultsTitle.setId("train-results-title");
        resultsTitle.getStyleClass().add("grid-title");
        confusion.setId("train-confusion");
        confusion.paletteProperty().bind(ctx.palette());
        perClass.setId("train-per-class");
        gallery.setId("train-gallery");
        Button save = Controls.button("train-save", i18n, "train.save", () -> {
            ModelFiles.save(owner.getScene().getWindow(), ModelFiles.Kind.CNN, "kernellab-cnn.model").ifPresent(vm::save);
        });
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || vm.selectedProperty().get().network() == null, vm.selectedProperty()));
        Button load = Controls.button("train-load", i18n, "train.load", () -> {
            ModelFiles.open(owner.getScene().getWindow(), ModelFiles.Kind.CNN).ifPresent(vm::load);
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

    void showResults(Run run) {
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
        for (int i : e.surestMistakes(test, GALLERY)) {
            HeatMap img = new HeatMap(2.5);
            img.setValues(test.image(i).toMatrix(), HeatMap.Scale.GREY, 1);
            Label text = new Label(i18n.tr("train.errorCaption", String.valueOf(i), i18n.tr("data.class." + e.predicted()[i]),
                    Math.round(e.confidence()[i] * 100),
                    i18n.tr("data.class." + test.label(i))));
            text.setWrapText(true);
            text.setMaxWidth(120);
            text.getStyleClass().add("small");
            VBox cell = new VBox(3, img, text);
            cell.setPrefWidth(124);
            gallery.getChildren().add(cell);
        }
    }
}
