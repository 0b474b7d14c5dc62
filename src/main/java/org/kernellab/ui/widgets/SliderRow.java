package org.kernellab.ui.widgets;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A labelled whole-number slider tied both ways to an integer property, with its value shown. */
public final class SliderRow extends VBox {
    private final Slider slider;

    private final ChangeListener<Number> follow;

    public SliderRow(String id, StringBinding label, IntegerProperty value, int min, int max) {
        getStyleClass().add("slider-row");
        slider = new Slider(min, max, value.get());
        follow = (o, a, n) -> slider.setValue(n.intValue());
        slider.setId(id);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(max - min <= 10);
        slider.setBlockIncrement(1);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, n) -> {
            int v = (int) Math.round(n.doubleValue());
            if (v != value.get()) value.set(v);
        });
        // weakly: the value may belong to a view-model that outlives this row (the training lab's settings)
        value.addListener(new WeakChangeListener<>(follow));

        Label name = new Label();
        name.textProperty().bind(label);
        name.setWrapText(true);
        name.setMinHeight(Label.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId(id + "-value");
        shown.getStyleClass().add("slider-value");
        shown.textProperty().bind(value.asString());
        shown.setMinWidth(24);
        shown.setAlignment(Pos.CENTER_RIGHT);
        HBox line = new HBox(6, slider, shown);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(name, line);
        setSpacing(2);
    }

    public Slider slider() {
        return slider;
    }
}
