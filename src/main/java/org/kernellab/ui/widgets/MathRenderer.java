package org.kernellab.ui.widgets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/** LaTeX to an image with JLaTeXMath, so formulas in lesson text show as math, not as source. */
public final class MathRenderer {
    /** A formula drawn: its image and its baseline, in pixels from the image's top. */
    public record Drawn(Image image, double baseline) {}

    private MathRenderer() {}

    /**
     * @param display display style (a formula on its own line) rather than inline text style
     * @param size    the font size in pixels the formula should match
     * @param rgb     its colour, 0xRRGGBB
     * @return the image, or null when the LaTeX does not parse (the caller shows the source instead)
     */
    public static Image render(String latex, boolean display, double size, int rgb) {
        Drawn d = draw(latex, display, size, rgb);
        return d == null ? null : d.image();
    }

    /** As {@link #render}, with where the formula's baseline lies; null when the LaTeX does not parse. */
    public static Drawn draw(String latex, boolean display, double size, int rgb) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(latex)
                    .createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, (float) size);
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
        icon.setForeground(new Color(rgb));
        int w = Math.max(1, icon.getIconWidth()), h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return new Drawn(SwingFXUtils.toFXImage(img, null), Math.max(0, h - icon.getIconDepth()));
    }
}
