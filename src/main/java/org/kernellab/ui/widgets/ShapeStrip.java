package org.kernellab.ui.widgets;

import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A tensor's shape through a network, one block per shape: a block's height grows with the picture's side (square
 * root, so 224 and 7 both stay visible) and its width with the number of channels (logarithm); a flat vector is a thin
 * bar as tall as its length's digits. The strip wraps onto more lines where the width is short.
 */
public final class ShapeStrip extends FlowPane {
    /** One block: a shape without the batch, (C, H, W), (C, D, H, W) or (features), and a caption under it. */
    public record Entry(int[] shape, String caption) {}

    private static final double MAX_HEIGHT = 110, FLAT_WIDTH = 8;

    public ShapeStrip() {
        super(6, 10);
        getStyleClass().add("shape-strip");
        setAlignment(Pos.BOTTOM_LEFT);
        setRowValignment(VPos.BOTTOM);
    }

    public void show(List<Entry> entries) {
        int largest = 1;
        for (Entry e : entries) if (e.shape().length > 1) largest = Math.max(largest, e.shape()[e.shape().length - 1]);
        getChildren().clear();
        for (Entry e : entries) getChildren().add(block(e, largest));
    }

    private static VBox block(Entry e, int largest) {
        int[] s = e.shape();
        Region box = new Region();
        double w, h;
        if (s.length == 1) {
            w = FLAT_WIDTH;
            h = Math.min(MAX_HEIGHT, 12 * Math.log10(Math.max(10, s[0])));
            box.getStyleClass().add("shape-flat");
        } else {
            w = 6 + 5 * Math.log(Math.max(1, s[0])) / Math.log(2);
            h = Math.max(4, MAX_HEIGHT * Math.sqrt(s[s.length - 1] / (double) largest));
            box.getStyleClass().add(s.length == 4 ? "shape-volume" : "shape-block");
        }
        box.setMinSize(w, h);
        box.setPrefSize(w, h);
        box.setMaxSize(w, h);
        Label size = new Label(text(s));
        size.getStyleClass().addAll("small", "code");
        size.setMinWidth(Region.USE_PREF_SIZE);
        Label caption = new Label(e.caption());
        caption.getStyleClass().addAll("small", "hint");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        VBox v = new VBox(3, box, size, caption);
        v.setAlignment(Pos.BOTTOM_CENTER);
        return v;
    }

    /** 64×55×55, as the layer tables write a shape without its batch. */
    public static String text(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : "×").append(shape[i]);
        return sb.toString();
    }
}
