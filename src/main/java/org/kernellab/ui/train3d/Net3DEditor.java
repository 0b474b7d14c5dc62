package org.kernellab.ui.train3d;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.LayerChain;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Lifetime;
import org.kernellab.ui.widgets.Controls;

/** The 3D lab's net editor: the student's blocks, the layer table that follows every edit, and the exercise's check. */
final class Net3DEditor {
    private final Train3DViewModel vm;
    private final I18n i18n;
    private final Lifetime life;
    private final Label problem;
    private final GridPane layers = new GridPane();

    /** @param problem where a net that cannot be built says why */
    Net3DEditor(Train3DViewModel vm, I18n i18n, Lifetime life, Label problem) {
        this.vm = vm;
        this.i18n = i18n;
        this.life = life;
        this.problem = problem;
        layers.setId("t3-layers");
        layers.setHgap(8);
        layers.getStyleClass().add("small");
    }

    GridPane layers() { return layers; }

    /** The student's own net, a row per block; shown when "Yours" is chosen. */
    Node blocks() {
        GridPane g = new GridPane();
        g.setId("t3-editor");
        g.setHgap(4);
        g.setVgap(4);
        String[] heads = {"t3.filters", "t3.kernel", "t3.stride", "t3.padding", "t3.pool"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label();
            head.textProperty().bind(i18n.bind(heads[c]));
            head.setMinWidth(Label.USE_PREF_SIZE);
            g.add(head, c + 1, 0);
        }
        for (int r = 0; r < vm.yours.size(); r++) {
            BlockEdit b = vm.yours.get(r);
            g.add(new Label(String.valueOf(r + 1)), 0, r + 1);
            g.add(spinner("t3-b" + r + "-out", b.out, 1, 256), 1, r + 1);
            g.add(spinner("t3-b" + r + "-k", b.kernel, 1, 7), 2, r + 1);
            g.add(spinner("t3-b" + r + "-s", b.stride, 1, 3), 3, r + 1);
            g.add(spinner("t3-b" + r + "-p", b.padding, 0, 3), 4, r + 1);
            javafx.scene.control.CheckBox pool = new javafx.scene.control.CheckBox();
            pool.setId("t3-b" + r + "-pool");
            pool.selectedProperty().bindBidirectional(b.pool);
            g.add(pool, 5, r + 1);
            for (javafx.beans.value.ObservableValue<?> o : b.settings()) life.onChange(o, x -> fillLayers());
        }
        g.visibleProperty().bind(vm.net.isEqualTo(Train3DViewModel.Net.YOURS));
        g.managedProperty().bind(g.visibleProperty());
        return g;
    }

    private static javafx.scene.control.Spinner<Integer> spinner(String id, javafx.beans.property.IntegerProperty value, int min, int max) {
        javafx.scene.control.Spinner<Integer> s = new javafx.scene.control.Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(70);
        javafx.beans.property.ObjectProperty<Integer> boxed = value.asObject();
        s.getProperties().put("model", boxed); // the bidirectional binding holds both ends weakly: the spinner keeps this one
        s.getValueFactory().valueProperty().bindBidirectional(boxed);
        return s;
    }

    /** The exercise: does the edited net end in features of [32, 128, 4, 4, 4]? ND4J runs it and says. */
    Node exercise() {
        Button check = Controls.button("t3-check", i18n, "t3.check", vm::checkTarget);
        Label answer = new Label();
        answer.setId("t3-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(i18n.bind(() -> {
            Object c = vm.checkedProperty().get();
            if (c == null) return "";
            if (c instanceof org.kernellab.compute.Problem p) return "✗ " + i18n.tr(p);
            String shape = java.util.Arrays.toString((int[]) c).replace(" ", "");
            return i18n.tr(Train3DViewModel.solves(c) ? "t3.solved" : "t3.notYet", shape);
        }, vm.checkedProperty()));
        return new VBox(4, check, answer);
    }

    /** Every layer of the edited net with its shape and parameters, from the compute core; or why there is no net. */
    void fillLayers() {
        layers.getChildren().clear();
        problem.setText("");
        try {
            int row = 0;
            long total = 0;
            for (LayerChain.Result r : vm.layers()) {
                Label name = new Label(r.pytorch().replace("nn.", "").replace("kernel_size=", "k=").replace(", ", ","));
                name.getStyleClass().add("code");
                Label shape = new Label(java.util.Arrays.toString(r.shape()).replace(" ", "")), params = new Label(Numbers.grouped(r.parameters()));
                for (Label l : new Label[] {name, shape, params}) l.setMinWidth(Label.USE_PREF_SIZE); // numbers are never cut
                layers.addRow(row++, name, shape, params);
                total += r.parameters();
            }
            Label sum = new Label(i18n.tr("train.total", Numbers.grouped(total)));
            sum.setMinWidth(Label.USE_PREF_SIZE);
            layers.add(sum, 0, row, 3, 1);
        } catch (ComputeException e) {
            problem.setText("✗ " + i18n.tr(e.problem()));
        }
    }
}
