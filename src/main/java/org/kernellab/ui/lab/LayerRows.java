package org.kernellab.ui.lab;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;

/**
 * The edited net as rows, one per layer: its torch.nn name, the settings the kind has (spinners), and buttons to move
 * it up or down or remove it; under the rows, a menu that adds a layer at the end.
 */
final class LayerRows {
    private final NetEditor editor;
    private final I18n i18n;
    private final VBox rows = new VBox(4);

    LayerRows(NetEditor editor, I18n i18n, Lifetime life) {
        this.editor = editor;
        this.i18n = i18n;
        rows.setId("lab-layers-edit");
        life.onList(editor.layers(), (ListChangeListener<LayerEdit>) c -> fill());
        life.onChange(i18n.localeProperty(), l -> fill());
        fill();
    }

    Node build() {
        MenuButton add = new MenuButton();
        add.setId("lab-add-layer");
        add.textProperty().bind(i18n.bind("lab.addLayer"));
        for (String kind : LayerEdit.KINDS) {
            MenuItem item = new MenuItem(kind + suffix(kind));
            item.setId("lab-add-" + kind.toLowerCase(Locale.ROOT));
            item.setOnAction(e -> editor.add(kind, editor.layers().size()));
            add.getItems().add(item);
        }
        return new VBox(6, rows, add);
    }

    /** "2d" or "3d" for the kinds that have axes, in the lab's dimension. */
    private String suffix(String kind) {
        boolean axes = List.of("Conv", "BatchNorm", "MaxPool", "AvgPool", "AdaptiveAvgPool")
                .contains(kind);
        return axes ? (editor.input().length - 1) + "d" : "";
    }

    private void fill() {
        rows.getChildren().clear();
        for (int i = 0; i < editor.layers().size(); i++)
            rows.getChildren().add(row(i, editor.layers().get(i)));
    }

    private Node row(int i, LayerEdit e) {
        Label name = new Label((i + 1) + " · " + e.kind() + suffix(e.kind()));
        name.getStyleClass().add("code");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(
                4,
                name,
                gap,
                small("lab-up-" + i, "↑", "lab.up", () -> editor.move(i, -1)),
                small("lab-down-" + i, "↓", "lab.down", () -> editor.move(i, 1)),
                small("lab-remove-" + i, "✕", "lab.remove", () -> editor.remove(i)));
        head.setAlignment(Pos.CENTER_LEFT);
        FlowPane settings = new FlowPane(8, 4);
        if (e.has("out"))
            settings.getChildren()
                    .add(setting(
                            i,
                            "out",
                            e.kind().equals("Conv") ? "lab.filters" : "lab.units",
                            spinner(e.out(), 1, 4096)));
        if (e.has("kernel")) settings.getChildren().add(setting(i, "kernel", "lab.kernel", spinner(e.kernel(), 1, 11)));
        if (e.has("stride")) settings.getChildren().add(setting(i, "stride", "lab.stride", spinner(e.stride(), 1, 5)));
        if (e.has("padding"))
            settings.getChildren().add(setting(i, "padding", "lab.padding", spinner(e.padding(), 0, 5)));
        if (e.has("p")) settings.getChildren().add(setting(i, "p", "lab.p", probability(e)));
        VBox box = new VBox(2, head);
        if (!settings.getChildren().isEmpty()) box.getChildren().add(settings);
        box.getStyleClass().add("layer-row");
        return box;
    }

    private Button small(String id, String text, String tipKey, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("small");
        b.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind(tipKey));
        b.setTooltip(tip);
        b.setOnAction(x -> action.run());
        return b;
    }

    private Node setting(int i, String what, String key, Spinner<?> spinner) {
        spinner.setId("lab-" + what + "-" + i);
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("small");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox h = new HBox(4, l, spinner);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Spinner<Integer> spinner(IntegerProperty value, int min, int max) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                min, max, Math.max(min, Math.min(max, value.get()))));
        s.setEditable(true);
        s.setPrefWidth(76);
        s.valueProperty().addListener((o, a, b) -> value.set(b));
        return s;
    }

    private static Spinner<Double> probability(LayerEdit e) {
        Spinner<Double> s =
                new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 0.95, e.p().get(), 0.05));
        s.setEditable(true);
        s.setPrefWidth(76);
        s.valueProperty().addListener((o, a, b) -> e.p().set(b));
        return s;
    }
}
