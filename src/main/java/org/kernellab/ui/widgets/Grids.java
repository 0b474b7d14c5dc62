package org.kernellab.ui.widgets;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The titled grid columns the lesson views line up side by side. */
public final class Grids {
    private Grids() {}

    /** A grid's title that follows the language and may wrap rather than widen its column. */
    public static Label title(StringBinding text) {
        Label l = new Label();
        l.getStyleClass().add("grid-title");
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinWidth(0);
        return l;
    }

    /** A message line that takes no room while it has nothing to say. */
    public static void hideWhenEmpty(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    /** Takes {@code nodes} off the page, room and all, while {@code condition} holds (presentation mode). */
    public static void hideWhile(ObservableBooleanValue condition, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(Bindings.not(condition));
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    /** A title above a grid, centred; the column is never squeezed below the grid's own width. */
    public static VBox column(Label title, Node grid) {
        VBox box = new VBox(6, title, grid);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
