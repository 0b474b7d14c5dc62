package org.kernellab.ui.train3d;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kernellab.i18n.Numbers;
import org.kernellab.model.Trainer;
import org.kernellab.ui.AppContext;
import org.kernellab.ui.I18n;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.HeatMap;

/** What a 3D run got right and wrong: the confusion matrix with class names, accuracy per class, and its mistakes. */
final class Results3DPane {
    private final Train3DViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Label resultsTitle;
    private final HeatMap confusion = new HeatMap(30);
    private final VBox rowNames = new VBox(), perClass = new VBox(3);
    private final FlowPane mistakes = new FlowPane(6, 6);

    Results3DPane(Train3DViewModel vm, AppContext ctx, Label title) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.resultsTitle = title;
        resultsTitle.setId("t3-results");
        resultsTitle.getStyleClass().add("grid-title");
        confusion.setId("t3-confusion");
        confusion.paletteProperty().bind(ctx.palette());
        mistakes.setId("t3-mistakes");
    }

    /** The matrix with its class names, beside the accuracy per class. */
    Node top() {
        HBox matrix = new HBox(6, rowNames, confusion);
        return new FlowPane(24, 12, new VBox(6, Controls.label(i18n, "train.confusion"), matrix), new VBox(6, Controls.label(i18n, "train.perClass"),
                perClass));
    }

    FlowPane mistakes() { return mistakes; }

    /** The shown run's results, or an invitation to train. */
    void show() {
        Run3D run = vm.shownProperty().get();
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
            name.setMinWidth(Label.USE_PREF_SIZE);
            name.getStyleClass().add("small");
            rowNames.getChildren().add(name);
            ProgressBar b = new ProgressBar(e.classAccuracy(c));
            b.setPrefWidth(140);
            Label named = new Label(cls(run, c)), value = new Label(Numbers.percent(e.classAccuracy(c)));
            for (Label l : new Label[] {named, value}) l.setMinWidth(Label.USE_PREF_SIZE);
            HBox line = new HBox(8, named, b, value);
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
    private String cls(Run3D run, int c) {
        String folder = Train3DViewModel.className(run, c), t = i18n.tr("vox.class." + folder);
        return t.startsWith("!") ? folder : t;
    }
}
