package org.kernellab.ui.lab;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Workspace;

/**
 * A lab on screen, the training lab's and the 3D lab's: the net's editor and the training settings beside a stage with
 * Train, pause and cancel, the loss and accuracy curves of every run, the runs table, and a Results tab (confusion
 * matrix, accuracy per class, the surest mistakes). What a lab adds of its own comes in as {@link Extras}.
 */
public final class LabPage {
    /** A lab's own controls: under the settings, beside Train, and under the runs table (where the data come from). */
    public record Extras(List<Node> settings, List<Node> actions, List<Node> below) {}

    /** The lab's tabs: the training (curves and runs) and the selected run's results. */
    public enum Shown {
        TRAINING,
        RESULTS
    }

    private final LabViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Tab resultsTab;
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(Shown.TRAINING);

    public LabPage(LabViewModel vm, AppContext ctx, Lifetime life, Extras extras) {
        this.vm = vm;
        this.i18n = ctx.i18n();
        root.getStyleClass().add("training-lab");
        RunCharts curves = new RunCharts(vm, i18n, life);
        HBox charts = new HBox(8, curves.loss, curves.accuracy);
        HBox.setHgrow(curves.loss, Priority.ALWAYS);
        HBox.setHgrow(curves.accuracy, Priority.ALWAYS);
        Label chartsNote = new Label();
        chartsNote.textProperty().bind(i18n.bind("train.chartsNote"));
        chartsNote.getStyleClass().add("hint");
        chartsNote.setWrapText(true);
        chartsNote.setMinHeight(Region.USE_PREF_SIZE);
        Label notice = new Label();
        notice.setId("lab-message");
        notice.setWrapText(true);
        notice.getStyleClass().add("problem");
        notice.textProperty()
                .bind(i18n.bind(
                        () -> vm.noticeProperty().get() == null
                                ? ""
                                : "✗ " + i18n.tr(vm.noticeProperty().get()),
                        vm.noticeProperty()));
        Grids.hideWhenEmpty(notice);
        VBox trainingTab = new VBox(
                10,
                new RunBar(vm, i18n, life).build(extras.actions()),
                notice,
                charts,
                chartsNote,
                RunsTable.of(vm, i18n, life));
        trainingTab.getChildren().addAll(extras.below());
        VBox.setVgrow(charts, Priority.ALWAYS); // the curves take what the window has to spare
        trainingTab.setPadding(new Insets(10));
        ScrollPane trainingScroll = new ScrollPane(trainingTab);
        trainingScroll.setFitToWidth(true);
        trainingScroll.setFitToHeight(true);

        TabPane tabs = new TabPane();
        ResultsPane results =
                new ResultsPane(vm, ctx, root, () -> tabs.getSelectionModel().select(0));
        resultsTab = Controls.tab("lab-tab-results", i18n, "train.tabResults", results.build());
        tabs.getTabs().addAll(Controls.tab("lab-tab-training", i18n, "train.tabTraining", trainingScroll), resultsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel()
                .selectedIndexProperty()
                .addListener((o, a, b) -> shown.set(Shown.values()[Math.max(0, b.intValue())]));
        shown.addListener((o, a, b) -> tabs.getSelectionModel().select(b.ordinal()));
        root.setCenter(new Workspace(
                new EditorPane(vm, i18n, life).build(extras.settings()), tabs, 520, i18n, ctx.presentation()));

        // the results (a gallery of pictures) are built when they are looked at, not while the next run trains
        Runnable show = () -> {
            if (resultsTab.isSelected()) results.show(vm.selectedProperty().get());
        };
        life.onChange(vm.selectedProperty(), run -> show.run());
        resultsTab.selectedProperty().addListener((o, a, b) -> show.run());
        life.onChange(ctx.palette(), p -> show.run());
        life.onChange(i18n.localeProperty(), l -> show.run());
    }

    public Node view() {
        return root;
    }

    public LabViewModel viewModel() {
        return vm;
    }

    /** The tab on screen. */
    public ObjectProperty<Shown> tabProperty() {
        return shown;
    }
}
