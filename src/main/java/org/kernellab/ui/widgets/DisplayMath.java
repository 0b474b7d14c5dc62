package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A display formula in the size of its type whatever its column's width: drawn in pieces ({@link MathPieces}) that are
 * set on one line where it fits and wrap like words where it does not, lined up on their baselines and centred. Only a
 * single piece wider than the whole column is drawn smaller.
 */
final class DisplayMath {
    private DisplayMath() {}

    /** The pieces of {@code latex} drawn (off the FX thread); the whole formula as one piece if a piece does not parse. */
    static List<MathRenderer.Drawn> draw(String latex, List<MathPieces.Piece> pieces, double size, int rgb) {
        List<MathRenderer.Drawn> out = new ArrayList<>();
        for (MathPieces.Piece p : pieces) {
            MathRenderer.Drawn d = MathRenderer.draw(p.latex(), true, size, rgb);
            if (d == null) {
                MathRenderer.Drawn whole = MathRenderer.draw(latex, true, size, rgb);
                return whole == null ? null : List.of(whole);
            }
            out.add(d);
        }
        return out;
    }

    /** The drawn pieces set in a flow as wide as {@code column}; {@code pieces} says which stand a wide space apart. */
    static Region layout(
            List<MathPieces.Piece> pieces, List<MathRenderer.Drawn> drawn, String latex, double size, Region column) {
        FlowPane flow = new FlowPane(size * 0.28, size * 0.4);
        flow.getStyleClass().add("md-math-flow");
        flow.setAlignment(Pos.CENTER);
        flow.setRowValignment(VPos.BASELINE);
        flow.setMinWidth(0);
        flow.setAccessibleText(latex);
        for (int i = 0; i < drawn.size(); i++) {
            MathRenderer.Drawn d = drawn.get(i);
            Piece piece = new Piece(MarkdownView.mathImage(d.image(), latex, size), d.baseline());
            piece.image.setPreserveRatio(true);
            piece.image
                    .fitWidthProperty()
                    .bind(Bindings.createDoubleBinding(
                            () -> Math.min(d.image().getWidth(), Math.max(1, column.getWidth())),
                            column.widthProperty()));
            if (drawn.size() == pieces.size() && pieces.get(i).spaced())
                FlowPane.setMargin(piece, new Insets(0, 0, 0, size * 0.7));
            flow.getChildren().add(piece);
        }
        return flow;
    }

    /** One piece's image, whose baseline is the formula's, not its bottom edge. */
    private static final class Piece extends StackPane {
        private final ImageView image;
        private final double baseline;

        Piece(ImageView image, double baseline) {
            super(image);
            this.image = image;
            this.baseline = baseline;
            setMinWidth(0);
        }

        @Override
        public double getBaselineOffset() {
            double h = image.getImage().getHeight();
            return snappedTopInset()
                    + (h > 0 ? baseline * image.getLayoutBounds().getHeight() / h : 0);
        }
    }
}
