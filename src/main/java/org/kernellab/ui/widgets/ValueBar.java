package org.kernellab.ui.widgets;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A number above a bar whose length is its share of the largest (0 to 1): tables that show where a quantity lies. */
public final class ValueBar extends VBox {
    public ValueBar(String text, double share, double fullWidth, String barStyle) {
        super(1);
        Label number = new Label(text);
        number.getStyleClass().add("small");
        number.setMinWidth(Region.USE_PREF_SIZE);
        Region bar = new Region();
        bar.getStyleClass().add(barStyle);
        double w = share <= 0 ? 0 : Math.max(2, share * fullWidth);
        bar.setMinSize(w, 7);
        bar.setPrefSize(w, 7);
        bar.setMaxSize(w, 7);
        getChildren().addAll(number, bar);
        setMinWidth(fullWidth);
    }
}
