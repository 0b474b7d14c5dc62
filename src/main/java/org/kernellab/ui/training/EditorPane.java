package org.kernellab.ui.training;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kernellab.model.NetSpec;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.I18n;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;

/** The lab's left column: the net and its training settings, with every layer's shape and parameters as they are edited. */
final class EditorPane {
    private final TrainingViewModel vm;
    private final I18n i18n;
    private final Lifetime life;

    EditorPane(TrainingViewModel vm, I18n i18n, Lifetime life) {
        this.vm = vm;
        this.i18n = i18n;
        this.life = life;
    }

    javafx.scene.layout.Region build() {
        Map<NetSpec.Kind, String[]> kinds = new LinkedHashMap<>();
        kinds.put(NetSpec.Kind.MLP, new String[] {"train-mlp", "train.mlp"});
        kinds.put(NetSpec.Kind.CNN, new String[] {"train-cnn", "train.cnn"});
        Map<Integer, String[]> filterChoices = new LinkedHashMap<>();
        for (int f : new int[] {16, 32, 64}) filterChoices.put(f, new String[] {"train-filters-" + f, "train.filters" + f});
        Map<NetSpec.Optimizer, String[]> optimizers = new LinkedHashMap<>();
        optimizers.put(NetSpec.Optimizer.SGD, new String[] {"train-sgd", "train.sgd"});
        optimizers.put(NetSpec.Optimizer.ADAM, new String[] {"train-adam", "train.adam"});
        Node filters = Segments.of(vm.filters, filterChoices, i18n);
        SliderRow blocks = new SliderRow("train-blocks", i18n.bind("train.blocks"), vm.blocks, 1, 3);
        Label filtersLabel = Controls.label(i18n, "train.filtersLabel");
        for (Node n : new Node[] {filters, blocks, filtersLabel}) n.disableProperty().bind(vm.kind.isEqualTo(NetSpec.Kind.MLP));

        CheckBox dropout = new CheckBox();
        dropout.setId("train-dropout");
        dropout.setWrapText(true);
        dropout.textProperty().bind(i18n.bind(() -> i18n.tr("train.dropout", Math.round(vm.dropout.get() * 100)), vm.dropout));
        dropout.selectedProperty().bindBidirectional(vm.dropoutOn);
        Slider rate = new Slider(0.1, 0.7, vm.dropout.get());
        rate.setMajorTickUnit(0.1);
        rate.setMinorTickCount(0);
        rate.setSnapToTicks(true);
        rate.valueProperty().bindBidirectional(vm.dropout);
        rate.disableProperty().bind(vm.dropoutOn.not());
        Map<NetSpec.DropoutAt, String[]> places = new LinkedHashMap<>();
        for (NetSpec.DropoutAt at : NetSpec.DropoutAt.values()) {
            places.put(at, new String[] {"train-dropout-" + at.name().toLowerCase(java.util.Locale.ROOT), "train.dropoutAt." + at});
        }
        Node where = Segments.column(vm.dropoutAt, places, i18n);
        where.disableProperty().bind(vm.dropoutOn.not().or(vm.kind.isEqualTo(NetSpec.Kind.MLP)));
        CheckBox augment = new CheckBox();
        augment.setId("train-augment");
        augment.setWrapText(true);
        augment.textProperty().bind(i18n.bind("train.augment"));
        augment.selectedProperty().bindBidirectional(vm.augment);

        ComboBox<String> lr = new ComboBox<>();
        lr.setId("train-lr");
        lr.setEditable(true);
        lr.getItems().addAll("0.0001", "0.001", "0.002", "0.01", "0.1", "1");
        lr.valueProperty().bindBidirectional(vm.lr);
        ComboBox<Integer> batch = new ComboBox<>();
        batch.setId("train-batch");
        batch.getItems().addAll(16, 32, 64, 128, 256, 512, 1024);
        batch.valueProperty().bindBidirectional(vm.batch);
        SliderRow epochs = new SliderRow("train-epochs", i18n.bind("train.epochs"), vm.epochs, 1, TrainingViewModel.OVERFIT_EPOCHS);
        ComboBox<Integer> limit = new ComboBox<>();
        limit.setId("train-limit");
        limit.getItems().addAll(0, 20000, 10000, 5000, 2000, TrainingViewModel.OVERFIT_IMAGES, 500);
        Controls.localized(limit, i18n, n -> n == 0 ? i18n.tr("train.limitAll") : Numbers.grouped(n));
        limit.valueProperty().bindBidirectional(vm.limit);

        GridPane layers = new GridPane();
        layers.setId("train-layers");
        layers.setHgap(8);
        layers.getStyleClass().add("small");
        layers.setVgap(2);
        Label total = new Label();
        total.setId("train-parameters");
        total.getStyleClass().add("emphasis");
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        Runnable fill = () -> {
            Summary s = vm.summary();
            layers.getChildren().clear();
            layers.addRow(0, header("train.layer"), header("train.shape"), header("train.params"));
            int row = 1;
            for (Summary.Layer l : s.layers()) {
                Label name = new Label(l.pytorch().replace("nn.", "").replace("kernel_size=", "k=").replace(", ", ","));
                name.getStyleClass().add("code");
                Label params = new Label(Numbers.grouped(l.parameters()));
                layers.addRow(row++, name, new Label(l.shapeText()), params);
                GridPane.setHalignment(params, javafx.geometry.HPos.RIGHT);
            }
            total.setText(s.ok() ? i18n.tr("train.total", Numbers.grouped(s.parameters())) : "");
            problem.setText(s.ok() ? "" : "✗ " + i18n.tr(s.problem()));
        };
        life.onChange(vm.summaryProperty(), x -> fill.run());
        life.onChange(i18n.localeProperty(), l -> fill.run());
        fill.run();
        Grids.hideWhenEmpty(problem);

        Button demo = Controls.button("train-demo", i18n, "train.demo", vm::demoSettings);
        Button course = Controls.button("train-course", i18n, "train.course", vm::courseComparison);
        Button overfit = Controls.button("train-overfit", i18n, "train.overfit", vm::overfittingExperiment);
        Label overfitNote = new Label();
        overfitNote.textProperty().bind(i18n.bind("train.overfitNote"));
        overfitNote.setWrapText(true);
        overfitNote.getStyleClass().add("hint");
        Label demoNote = new Label();
        demoNote.textProperty().bind(i18n.bind("train.demoNote"));
        demoNote.setWrapText(true);
        demoNote.getStyleClass().add("hint");

        VBox box = new VBox(8, Controls.label(i18n, "train.model"), Segments.of(vm.kind, kinds, i18n), filtersLabel, filters, blocks, dropout, rate,
                where, augment,
                Controls.label(i18n, "train.optimizer"), Segments.of(vm.optimizer, optimizers, i18n), Controls.label(i18n, "train.lr"), lr,
                        Controls.label(i18n, "train.batch"), batch, epochs,
                Controls.label(i18n, "train.limit"), limit, layers, total, problem, demo, demoNote, course, overfit, overfitNote);
        return Controls.column(box, 320);
    }


    private Label header(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().add("emphasis");
        return l;
    }
}
