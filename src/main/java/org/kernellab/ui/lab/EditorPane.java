package org.kernellab.ui.lab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Problem;
import org.kernellab.model.LayerTable;
import org.kernellab.model.Training;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;

/**
 * A lab's left column: a net to start from, the net's layers to change, add, move and remove (or its JSON form to edit),
 * every layer's output shape and parameters as they are edited, and the training settings.
 */
final class EditorPane {
    private final LabViewModel vm;
    private final I18n i18n;
    private final Lifetime life;

    EditorPane(LabViewModel vm, I18n i18n, Lifetime life) {
        this.vm = vm;
        this.i18n = i18n;
        this.life = life;
    }

    /** The column, with the lab's own controls ({@code extras}) after the training settings. */
    Region build(List<Node> extras) {
        VBox box = new VBox(
                8,
                Controls.label(i18n, "lab.start"),
                presets(),
                Controls.label(i18n, "lab.layers"),
                new LayerRows(vm.editor(), i18n, life).build(),
                json(),
                table());
        box.getChildren().addAll(settings());
        box.getChildren().addAll(extras);
        return Controls.column(box, 360);
    }

    private Node presets() {
        FlowPane p = new FlowPane(6, 6);
        for (LabData.Preset preset : vm.data().presets()) {
            String id = "lab-" + preset.key().substring(preset.key().lastIndexOf('.') + 1);
            Button b = Controls.button(
                    id,
                    i18n,
                    preset.key(),
                    () -> vm.editor()
                            .set(vm.data().presets().stream()
                                    .filter(x -> x.key().equals(preset.key()))
                                    .findFirst()
                                    .orElse(preset)
                                    .net()));
            b.setMaxWidth(Region.USE_PREF_SIZE);
            p.getChildren().add(b);
        }
        return p;
    }

    /** The net as PyTorch's words write it, to read, copy or change; applied on the button. */
    private Node json() {
        TextArea text = new TextArea();
        text.setId("lab-json");
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.getStyleClass().add("code");
        Label problem = new Label();
        problem.setId("lab-json-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        Grids.hideWhenEmpty(problem);
        Runnable show = () -> {
            String j = vm.editor().json();
            if (j != null && !text.isFocused()) text.setText(j.replace("}, {", "},\n{"));
        };
        life.onChange(vm.editor().tableProperty(), t -> show.run());
        show.run();
        Button apply = Controls.button("lab-json-apply", i18n, "lab.applyJson", () -> {
            Problem p = vm.editor().apply(text.getText());
            problem.setText(p == null ? "" : "✗ " + i18n.tr(p));
        });
        TitledPane pane = new TitledPane();
        pane.textProperty().bind(i18n.bind("lab.json"));
        pane.setContent(new VBox(6, text, apply, problem));
        pane.setExpanded(false);
        pane.setId("lab-json-pane");
        return pane;
    }

    /** Each layer's output shape and parameters, the total, or why the net does not fit its input. */
    private Node table() {
        GridPane layers = new GridPane();
        layers.setId("lab-layers");
        layers.setHgap(8);
        layers.setVgap(2);
        layers.getStyleClass().add("small");
        Label total = new Label(), problem = new Label();
        total.setId("lab-parameters");
        total.getStyleClass().add("emphasis");
        problem.setId("lab-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        Grids.hideWhenEmpty(problem);
        Runnable fill = () -> {
            NetEditor.Table t = vm.editor().table();
            layers.getChildren().clear();
            layers.addRow(0, header("train.layer"), header("train.shape"), header("train.params"));
            int row = 1;
            for (LayerTable.Row r : t.rows()) {
                Label name = new Label(r.pytorch()
                        .replace("nn.", "")
                        .replace("kernel_size=", "k=")
                        .replace(", ", ","));
                name.getStyleClass().add("code");
                Label params = new Label(i18n.numbers().grouped(r.parameters()));
                layers.addRow(row++, name, new Label(shape(r.shape())), params);
                GridPane.setHalignment(params, HPos.RIGHT);
            }
            total.setText(t.ok() ? i18n.tr("train.total", i18n.numbers().grouped(t.parameters())) : "");
            problem.setText(t.ok() ? "" : "✗ " + i18n.tr(t.problem()));
        };
        life.onChange(vm.editor().tableProperty(), x -> fill.run());
        life.onChange(i18n.localeProperty(), l -> fill.run());
        fill.run();
        return new VBox(4, layers, total, problem);
    }

    /** One sample's output shape, without the batch: 16×26×26. */
    static String shape(int[] s) {
        return String.join(
                "×", Arrays.stream(s).skip(1).mapToObj(String::valueOf).toList());
    }

    private List<Node> settings() {
        ComboBox<String> lr = new ComboBox<>();
        lr.setId("lab-lr");
        lr.setEditable(true);
        lr.getItems().addAll("0.0001", "0.001", "0.002", "0.01", "0.1", "1");
        lr.valueProperty().bindBidirectional(vm.lrProperty());
        ComboBox<Integer> batch = new ComboBox<>();
        batch.setId("lab-batch");
        batch.getItems().addAll(8, 16, 32, 64, 128, 256, 512, 1024);
        batch.valueProperty().bindBidirectional(vm.batchProperty());
        SliderRow epochs = new SliderRow("lab-epochs", i18n.bind("train.epochs"), vm.epochsProperty(), 1, 40);
        Map<Training.Optimizer, String[]> optimizers = new LinkedHashMap<>();
        optimizers.put(Training.Optimizer.SGD, new String[] {"lab-sgd", "train.sgd"});
        optimizers.put(Training.Optimizer.ADAM, new String[] {"lab-adam", "train.adam"});
        return List.of(
                Controls.label(i18n, "train.optimizer"),
                Segments.of(vm.optimizerProperty(), optimizers, i18n),
                Controls.label(i18n, "train.lr"),
                lr,
                Controls.label(i18n, "train.batch"),
                batch,
                epochs);
    }

    private Label header(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().add("emphasis");
        return l;
    }
}
