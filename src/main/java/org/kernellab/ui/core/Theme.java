package org.kernellab.ui.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * Light and dark looks. Every colour is written once, in the {@link Palette} below: the controls get it as a
 * stylesheet made from it (looked-up colours that base.css uses), the canvas widgets read it directly.
 */
public enum Theme {
    LIGHT(new Palette(
            c("#ffffff"),
            c("#1f2328"),
            c("#8c959f"),
            c("#eaeef2"),
            c("#e8590c"),
            c("#1971c2"),
            c("#2f9e44"),
            c("#c92a2a"),
            c("#1971c2"),
            c("#eef0f3"),
            c("#f7f8fa"),
            c("#ffffff"),
            c("#57606a"),
            c("#7048e8"),
            c("#e9ecef"),
            c("#d0d7de"))),
    DARK(new Palette(
            c("#1e1f22"),
            c("#e6e6e6"),
            c("#5c6370"),
            c("#2b2d31"),
            c("#ff922b"),
            c("#4dabf7"),
            c("#69db7c"),
            c("#ff6b6b"),
            c("#4dabf7"),
            c("#2b2d31"),
            c("#1e1f22"),
            c("#232428"),
            c("#a0a6b0"),
            c("#b197fc"),
            c("#2b2d31"),
            c("#3c3f45")));

    private final Palette palette;

    Theme(Palette palette) {
        this.palette = palette;
    }

    private static Color c(String web) {
        return Color.web(web);
    }

    /** The theme's colours as a stylesheet (a data URL), to add after base.css. */
    public String stylesheet() {
        Palette p = palette;
        String css = ".root {"
                + " -fx-base: " + web(p.base()) + "; -fx-background: " + web(p.appBackground()) + ";"
                + " -fx-control-inner-background: " + web(p.field()) + "; -fx-accent: " + web(p.selected())
                + "; -fx-focus-color: "
                + web(p.selected()) + ";"
                + " -kl-text: " + web(p.text()) + "; -kl-muted: " + web(p.muted()) + "; -kl-accent: "
                + web(p.selected()) + ";"
                + " -kl-error: " + web(p.negative()) + "; -kl-right: " + web(p.done()) + "; -kl-code: " + web(p.code())
                + ";"
                + " -kl-bar: " + web(p.bar()) + "; -kl-panel: " + web(p.background()) + "; -kl-line: " + web(p.line())
                + "; }";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    public Palette palette() {
        return palette;
    }

    /** A colour as CSS writes it, e.g. {@code #1971c2}. */
    public static String web(Color c) {
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /**
     * The theme's colours: the first nine for what widgets draw on a canvas, the rest for the controls.
     *
     * @param window        the kernel window over the input
     * @param selected      the output cell being computed; also the controls' accent
     * @param done          outputs already computed; also a right answer
     * @param negative      and {@code positive}: the two ends of the diverging heat colours; negative is also an error
     * @param base          the controls' base colour
     * @param appBackground behind the panels
     * @param field         inside text fields and lists
     */
    public record Palette(
            Color background,
            Color text,
            Color grid,
            Color padding,
            Color window,
            Color selected,
            Color done,
            Color negative,
            Color positive,
            Color base,
            Color appBackground,
            Color field,
            Color muted,
            Color code,
            Color bar,
            Color line) {}
}
