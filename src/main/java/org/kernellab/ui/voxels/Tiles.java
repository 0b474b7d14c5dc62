package org.kernellab.ui.voxels;

import javafx.scene.layout.Pane;

/**
 * The views in as many columns as makes each largest: three in a row on a wide screen, two above one on a narrow
 * one, one under another on a tall one.
 */
final class Tiles extends Pane {
    private static final double GAP = 6;

    @Override
    protected void layoutChildren() {
        var kids = getManagedChildren();
        int n = kids.size();
        if (n == 0) return;
        double w = getWidth() - snappedLeftInset() - snappedRightInset(),
                h = getHeight() - snappedTopInset() - snappedBottomInset();
        int best = 1;
        double side = 0;
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double s = Math.min((w - GAP * (c - 1)) / c, (h - GAP * (rows - 1)) / rows);
            if (s > side) {
                side = s;
                best = c;
            }
        }
        int rows = (n + best - 1) / best;
        double cw = (w - GAP * (best - 1)) / best, ch = (h - GAP * (rows - 1)) / rows;
        for (int i = 0; i < n; i++) {
            kids.get(i)
                    .resizeRelocate(
                            snappedLeftInset() + (i % best) * (cw + GAP),
                            snappedTopInset() + (i / best) * (ch + GAP),
                            cw,
                            ch);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }
}
