package org.kernellab.ui;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The first pane of a split, there while {@code shown} is true and folded away while it is false, so that the rest
 * gets the whole width. Whether it is shown and where the student leaves its divider are remembered, and it comes
 * back there.
 */
final class FoldingPane {
    private final SplitPane split;
    private final Node pane;
    private final BooleanProperty shown;
    private final DoubleConsumer saveDivider;
    private double divider;
    private final ChangeListener<Number> track = (o, a, b) -> dividerMoved(b.doubleValue());

    private FoldingPane(SplitPane split, Node pane, BooleanProperty shown, double divider, DoubleConsumer saveDivider) {
        this.split = split;
        this.pane = pane;
        this.shown = shown;
        this.divider = divider;
        this.saveDivider = saveDivider;
    }

    /**
     * @param initially   whether {@code pane} is shown at first
     * @param saveShown   keeps whether it is shown
     * @param divider     where its divider was left
     * @param saveDivider keeps where the student leaves it
     */
    static void install(
            SplitPane split,
            Node pane,
            BooleanProperty shown,
            boolean initially,
            Consumer<Boolean> saveShown,
            double divider,
            DoubleConsumer saveDivider) {
        FoldingPane fold = new FoldingPane(split, pane, shown, divider, saveDivider);
        shown.set(initially);
        if (shown.get()) fold.placeDivider();
        else split.getItems().remove(pane);
        shown.addListener((o, a, on) -> {
            saveShown.accept(on);
            fold.showOrFold();
        });
    }

    private void showOrFold() {
        if (shown.get() && !split.getItems().contains(pane)) {
            split.getItems().add(0, pane);
            placeDivider();
        } else if (!shown.get()) {
            split.getItems().remove(pane);
        }
    }

    private void placeDivider() {
        split.setDividerPositions(divider);
        split.getDividers().get(0).positionProperty().addListener(track);
    }

    /** Only the student's moves count: not those of a split being laid out before its window shows. */
    private void dividerMoved(double at) {
        if (split.getItems().contains(pane)
                && split.getScene() != null
                && split.getScene().getWindow() != null
                && split.getScene().getWindow().isShowing()) {
            divider = at;
            saveDivider.accept(at);
        }
    }
}
