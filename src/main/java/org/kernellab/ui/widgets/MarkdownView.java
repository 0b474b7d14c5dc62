package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
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
import javafx.scene.text.TextFlow;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Lesson text: Markdown (headings, paragraphs, emphasis, code, lists, quotes) as JavaFX text, with
 * LaTeX between {@code $…$} (inline) and {@code $$…$$} (display) rendered as math. Re-renders when the
 * text colour or size changes (theme, presentation mode).
 */
public class MarkdownView extends VBox {
    /** CommonMark with GitHub's tables. */
    private static final Parser PARSER = Parser.builder().extensions(java.util.List.of(TablesExtension.create())).build();

    private static final Pattern DISPLAY = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("(?<![\\\\$])\\$(?!\\$)(.+?)(?<!\\\\)\\$");
    // private-use characters mark where each formula was; Markdown passes them through as text
    private static final char OPEN_INLINE = '\uE000', OPEN_DISPLAY = '\uE002', CLOSE = '\uE001';
    private static final Pattern TOKEN = Pattern.compile("([\uE000\uE002])(\\d+)\uE001");

    // JLaTeXMath's first formula takes most of a second (fonts, symbol tables): formulas are drawn on this
    // thread and dropped into the text when ready, so the text never waits for them
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kernellab-math");
        t.setDaemon(true);
        return t;
    });

    private final ObjectProperty<Color> mathColor = new SimpleObjectProperty<>(Color.BLACK);
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private int generation;
    private final DoubleProperty mathSize = new SimpleDoubleProperty(17);
    private String markdown = "";
    private final List<String> formulas = new ArrayList<>();

    public MarkdownView() {
        getStyleClass().add("markdown");
        setSpacing(10);
        mathColor.addListener((o, a, b) -> rebuild());
        mathSize.addListener((o, a, b) -> rebuild());
    }

    public ObjectProperty<Color> mathColorProperty() { return mathColor; }

    public DoubleProperty mathSizeProperty() { return mathSize; }

    public void setMarkdown(String md) {
        this.markdown = md == null ? "" : md;
        rebuild();
    }

    /** Formulas still being drawn for the current text; 0 once every formula is on screen. */
    public ReadOnlyIntegerProperty pendingFormulasProperty() { return pending; }

    private void rebuild() {
        generation++;
        pending.set(0);
        formulas.clear();
        StringBuilder sb = new StringBuilder();
        Matcher d = DISPLAY.matcher(markdown);
        int last = 0;
        while (d.find()) {
            sb.append(markdown, last, d.start()).append("\n\n").append(token(OPEN_DISPLAY, d.group(1))).append("\n\n");
            last = d.end();
        }
        sb.append(markdown.substring(last));
        String withInline = INLINE.matcher(sb.toString()).replaceAll(m -> Matcher.quoteReplacement(token(OPEN_INLINE, m.group(1))));
        org.commonmark.node.Node doc = PARSER.parse(withInline);
        getChildren().setAll(blocks(doc));
    }

    private String token(char kind, String latex) {
        formulas.add(latex.trim());
        return "" + kind + (formulas.size() - 1) + CLOSE;
    }

    private List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) out.add(block);
        }
        return out;
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof TableBlock) return table(n);
        if (n instanceof Heading h) {
            return flow(h, "md-h" + Math.min(3, h.getLevel()));
        } else if (n instanceof Paragraph p) {
            if (p.getFirstChild() instanceof org.commonmark.node.Text t && p.getFirstChild() == p.getLastChild()) {
                Matcher m = TOKEN.matcher(t.getLiteral().trim());
                if (m.matches() && m.group(1).charAt(0) == OPEN_DISPLAY) {
                    HBox box = new HBox();
                    box.setAlignment(Pos.CENTER);
                    box.getStyleClass().add("md-display-math");
                    box.setMinWidth(0); // a wide formula shrinks to the column instead of widening it
                    box.getChildren().add(math(Integer.parseInt(m.group(2)), true, box));
                    return box;
                }
            }
            return flow(p, "md-p");
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(4);
            list.getStyleClass().add("md-list");
            int number = n instanceof OrderedList o ? o.getStartNumber() : 0;
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) continue;
                Label bullet = new Label(n instanceof OrderedList ? (number++) + "." : "•");
                bullet.getStyleClass().add("md-bullet");
                bullet.setMinWidth(22);
                VBox body = new VBox(4);
                body.getChildren().addAll(blocks(item));
                HBox.setHgrow(body, Priority.ALWAYS);
                list.getChildren().add(new HBox(4, bullet, body));
            }
            return list;
        } else if (n instanceof BlockQuote) {
            VBox quote = new VBox(6);
            quote.getStyleClass().add("md-quote");
            quote.getChildren().addAll(blocks(n));
            return quote;
        } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            String code = n instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) n).getLiteral();
            Text t = new Text(code.stripTrailing());
            t.getStyleClass().add("md-code-block-text");
            TextFlow flow = new TextFlow(t);
            flow.getStyleClass().add("md-code-block");
            return flow;
        } else if (n instanceof ThematicBreak) {
            return new Separator();
        }
        return null;
    }

    /** A GitHub table: equal columns as wide as the text allows, each cell wrapping its words. */
    private Node table(org.commonmark.node.Node n) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0, columns = 0;
        for (org.commonmark.node.Node part = n.getFirstChild(); part != null; part = part.getNext()) {
            for (org.commonmark.node.Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                int col = 0;
                for (org.commonmark.node.Node cell = r.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TextFlow f = flow(cell, part instanceof TableHead ? "md-th" : "md-td");
                    f.setMinWidth(0);
                    grid.add(f, col++, row);
                }
                columns = Math.max(columns, col);
                row++;
            }
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(cc);
        }
        grid.setMinWidth(0);
        return grid;
    }

    private TextFlow flow(org.commonmark.node.Node parent, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        inline(parent, flow, List.of());
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, TextFlow flow, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                text(t.getLiteral(), flow, styles);
            } else if (n instanceof Code c) {
                flow.getChildren().add(styled(c.getLiteral(), plus(styles, "md-code")));
            } else if (n instanceof Emphasis) {
                inline(n, flow, plus(styles, "md-em"));
            } else if (n instanceof StrongEmphasis) {
                inline(n, flow, plus(styles, "md-strong"));
            } else if (n instanceof Link) {
                inline(n, flow, plus(styles, "md-link"));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(styled(" ", styles));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(styled("\n", styles));
            } else {
                inline(n, flow, styles);
            }
        }
    }

    private void text(String literal, TextFlow flow, List<String> styles) {
        Matcher m = TOKEN.matcher(literal);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) flow.getChildren().add(styled(literal.substring(last, m.start()), styles));
            flow.getChildren().add(math(Integer.parseInt(m.group(2)), false, null));
            last = m.end();
        }
        if (last < literal.length()) flow.getChildren().add(styled(literal.substring(last), styles));
    }

    /** A holder that receives the formula's image when it is drawn; {@code fitTo} bounds a display formula's width. */
    private Node math(int index, boolean display, Region fitTo) {
        String latex = formulas.get(index);
        StackPane holder = new StackPane();
        holder.getStyleClass().add("md-math-holder");
        holder.setAccessibleText(latex);
        int gen = generation;
        double size = mathSize.get() * (display ? 1.15 : 1.0);
        Color color = mathColor.get();
        pending.set(pending.get() + 1);
        RENDERER.execute(() -> {
            Image img = MathRenderer.render(latex, display, size, color);
            Platform.runLater(() -> {
                if (gen != generation) return; // the text changed meanwhile
                holder.getChildren().setAll(img == null ? error(latex) : image(img, latex, display, fitTo));
                pending.set(pending.get() - 1);
            });
        });
        return holder;
    }

    private static Node image(Image img, String latex, boolean display, Region fitTo) {
        ImageView view = new ImageView(img);
        view.getStyleClass().add("md-math");
        view.setAccessibleText(latex);
        if (fitTo != null) {
            view.setPreserveRatio(true);
            view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(img.getWidth(), Math.max(1, fitTo.getWidth())),
                    fitTo.widthProperty()));
        } else {
            view.setTranslateY(img.getHeight() * 0.2); // sit on the text's baseline
        }
        return view;
    }

    private static Node error(String latex) {
        Text raw = styled(latex, List.of("md-code", "md-math-error"));
        Tooltip.install(raw, new Tooltip("LaTeX error"));
        return raw;
    }

    private static Text styled(String s, List<String> styles) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(styles);
        return t;
    }

    private static List<String> plus(List<String> styles, String s) {
        List<String> l = new ArrayList<>(styles);
        l.add(s);
        return l;
    }
}
