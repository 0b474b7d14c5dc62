package org.kernellab.ui;

import javafx.scene.paint.Color;

/** Light and dark looks: a stylesheet for the controls and a palette for what widgets draw themselves. */
public enum Theme {
    LIGHT("light.css", new Palette(Color.web("#ffffff"), Color.web("#1f2328"), Color.web("#8c959f"), Color.web("#eaeef2"),
            Color.web("#e8590c"), Color.web("#1971c2"), Color.web("#2f9e44"), Color.web("#c92a2a"), Color.web("#1971c2"))),
    DARK("dark.css", new Palette(Color.web("#1e1f22"), Color.web("#e6e6e6"), Color.web("#5c6370"), Color.web("#2b2d31"),
            Color.web("#ff922b"), Color.web("#4dabf7"), Color.web("#69db7c"), Color.web("#ff6b6b"), Color.web("#4dabf7")));

    private final String stylesheet;
    private final Palette palette;

    Theme(String stylesheet, Palette palette) {
        this.stylesheet = stylesheet;
        this.palette = palette;
    }

    public String stylesheet() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    public Palette palette() { return palette; }

    /**
     * Colours for canvas drawing, which CSS does not reach.
     *
     * @param window   the kernel window over the input
     * @param selected the output cell being computed
     * @param negative and {@code positive}: the two ends of the diverging heat colours
     */
    public record Palette(Color background, Color text, Color grid, Color padding, Color window, Color selected,
                          Color done, Color negative, Color positive) {}
}
