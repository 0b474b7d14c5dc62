package org.kernellab.ui.widgets;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

    /**
     * While {@code presenting}, the cells of {@code grids}, side by side, as large as {@code view}'s width allows and its
     * height less {@code above} pixels (what stands over them); otherwise NaN, each grid fitting its own space. The
     * cells are measured again when {@code values} (what fills the grids) change.
     */
    public static void fitWhile(
            ObservableBooleanValue presenting,
            ScrollPane view,
            ObservableDoubleValue above,
            List<MatrixView> grids,
            Observable values) {
        DoubleBinding cell = Bindings.createDoubleBinding(
                () -> {
                    if (!presenting.get()) return Double.NaN;
                    int cols = 0, rows = 1;
                    for (MatrixView g : grids) {
                        cols += Math.max(3, g.cols());
                        rows = Math.max(rows, g.rows());
                    }
                    double w = (view.getViewportBounds().getWidth() - 28 - 24 * (grids.size() - 1)) / Math.max(1, cols);
                    double h = (view.getViewportBounds().getHeight() - above.get()) / rows;
                    double max = GridStage.maxCell(view);
                    return Math.floor(Math.max(MatrixView.MIN_CELL, Math.min(max, Math.min(w, h))));
                },
                presenting,
                view.viewportBoundsProperty(),
                above,
                values);
        for (MatrixView g : grids) g.cellSizeProperty().bind(cell);
    }

    /**
     * How many times a 1280×720 projector {@code n}'s window is (1 when smaller or not yet shown): what the back row's
     * type and the cells holding it grow by.
     */
    public static double projectorScale(Node n) {
        Scene s = n.getScene();
        return s == null ? 1 : Math.max(1, Math.min(s.getWidth() / 1280, s.getHeight() / 720));
    }

    /** A title above a grid, centred; the column is never squeezed below the grid's own width. */
    public static VBox column(Label title, Node grid) {
        VBox box = new VBox(6, title, grid);
        box.setAlignment(Pos.TOP_CENTER);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
