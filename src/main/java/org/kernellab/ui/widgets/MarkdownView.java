package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Lesson text: Markdown (headings, paragraphs, emphasis, code, lists, quotes) as JavaFX text, with
 * LaTeX between {@code $…$} (inline) and {@code $$…$$} (display) rendered as math. Re-renders when the
 * text colour or size changes (theme, presentation mode).
 */
public class MarkdownView extends VBox {
    /** CommonMark with GitHub's tables. */
    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private static final Pattern DISPLAY = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("(?<![\\\\$])\\$(?!\\$)(.+?)(?<!\\\\)\\$");
    // private-use characters mark where each formula was; Markdown passes them through as text
    static final char OPEN_INLINE = '\uE000', OPEN_DISPLAY = '\uE002', CLOSE = '\uE001';
    static final Pattern TOKEN = Pattern.compile("([\uE000\uE002])(\\d+)\uE001");
    /** Where a formula's image keeps the size of type it was drawn in. */
    private static final String MATH_SIZE = "md-math-size";

    // JLaTeXMath's first formula takes most of a second (fonts, symbol tables): formulas are drawn on this
    // executor and dropped into the text when ready, so the text never waits for them
    private final Executor renderer;

    private final ObjectProperty<Color> mathColor = new SimpleObjectProperty<>(Color.BLACK);
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private int generation;
    private final DoubleProperty mathSize = new SimpleDoubleProperty(17);
    private String markdown = "";
    private final List<String> formulas = new ArrayList<>();

    public MarkdownView(Executor renderer) {
        this.renderer = renderer;
        getStyleClass().add("markdown");
        setSpacing(10);
        mathColor.addListener((o, a, b) -> rebuild());
        mathSize.addListener((o, a, b) -> rebuild());
    }

    public ObjectProperty<Color> mathColorProperty() {
        return mathColor;
    }

    public DoubleProperty mathSizeProperty() {
        return mathSize;
    }

    public void setMarkdown(String md) {
        this.markdown = md == null ? "" : md;
        rebuild();
    }

    /** Formulas still being drawn for the current text; 0 once every formula is on screen. */
    public ReadOnlyIntegerProperty pendingFormulasProperty() {
        return pending;
    }

    private void rebuild() {
        generation++;
        pending.set(0);
        formulas.clear();
        StringBuilder sb = new StringBuilder();
        Matcher d = DISPLAY.matcher(markdown);
        int last = 0;
        while (d.find()) {
            sb.append(markdown, last, d.start())
                    .append("\n\n")
                    .append(token(OPEN_DISPLAY, d.group(1)))
                    .append("\n\n");
            last = d.end();
        }
        sb.append(markdown.substring(last));
        String withInline =
                INLINE.matcher(sb.toString()).replaceAll(m -> Matcher.quoteReplacement(token(OPEN_INLINE, m.group(1))));
        getChildren().setAll(new MarkdownBlocks(this::math).blocks(PARSER.parse(withInline)));
    }

    private String token(char kind, String latex) {
        formulas.add(latex.trim());
        return "" + kind + (formulas.size() - 1) + CLOSE;
    }

    /** A holder that receives the formula's image when it is drawn; {@code fitTo} bounds a display formula's width. */
    private Region math(int index, boolean display, Region fitTo) {
        String latex = formulas.get(index);
        StackPane holder = new StackPane();
        holder.getStyleClass().add("md-math-holder");
        holder.setAccessibleText(latex);
        int gen = generation;
        double size = mathSize.get() * (display ? 1.15 : 1.0);
        Color c = mathColor.get();
        int rgb = (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
        List<MathPieces.Piece> pieces = display ? MathPieces.split(latex) : List.of();
        if (display) {
            holder.setMinWidth(0);
            HBox.setHgrow(holder, Priority.ALWAYS);
        }
        pending.set(pending.get() + 1);
        renderer.execute(() -> {
            List<MathRenderer.Drawn> drawn = display
                    ? DisplayMath.draw(latex, pieces, size, rgb)
                    : Optional.ofNullable(MathRenderer.draw(latex, false, size, rgb))
                            .map(List::of)
                            .orElse(null);
            Platform.runLater(() -> {
                if (gen != generation) return; // the text changed meanwhile
                holder.getChildren()
                        .setAll(
                                drawn == null
                                        ? error(latex)
                                        : display
                                                ? DisplayMath.layout(pieces, drawn, latex, size, fitTo)
                                                : inline(drawn.get(0).image(), latex, size));
                pending.set(pending.get() - 1);
            });
        });
        return holder;
    }

    /** An inline formula, sitting on the text's baseline. */
    private static ImageView inline(Image img, String latex, double size) {
        ImageView view = mathImage(img, latex, size);
        view.setTranslateY(img.getHeight() * 0.2);
        return view;
    }

    /** A formula's image, drawn in type {@code size} pixels tall. */
    static ImageView mathImage(Image img, String latex, double size) {
        ImageView view = new ImageView(img);
        view.getStyleClass().add("md-math");
        view.setAccessibleText(latex);
        view.getProperties().put(MATH_SIZE, size);
        return view;
    }

    /**
     * The size of type, in pixels, that a formula's image shows its math in: the size it was drawn in, less any shrinking
     * to fit its column; 0 for a node that is no formula.
     */
    public static double shownSize(ImageView formula) {
        if (!(formula.getProperties().get(MATH_SIZE) instanceof Double size) || formula.getImage() == null) return 0;
        return size * formula.getLayoutBounds().getWidth() / formula.getImage().getWidth();
    }

    private static Text error(String latex) {
        Text raw = styled(latex, List.of("md-code", "md-math-error"));
        Tooltip.install(raw, new Tooltip("LaTeX error"));
        return raw;
    }

    static Text styled(String s, List<String> styles) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(styles);
        return t;
    }
}
