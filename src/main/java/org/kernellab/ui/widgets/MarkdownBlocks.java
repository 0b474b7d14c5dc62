package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
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
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** A parsed Markdown document as JavaFX regions: one per block, text in flows, formulas in holders. */
final class MarkdownBlocks {
    /** Makes the holder a formula's image is dropped into once drawn. */
    interface MathHolders {
        Region holder(int formula, boolean display, Region fitTo);
    }

    private final MathHolders math;

    MarkdownBlocks(MathHolders math) {
        this.math = math;
    }

    List<Region> blocks(Node parent) {
        List<Region> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Region block = block(n);
            if (block != null) out.add(block);
        }
        return out;
    }

    private Region block(Node n) {
        if (n instanceof TableBlock) return table(n);
        if (n instanceof Heading h) {
            return flow(h, "md-h" + Math.min(3, h.getLevel()));
        } else if (n instanceof Paragraph p) {
            if (p.getFirstChild() instanceof Text t && p.getFirstChild() == p.getLastChild()) {
                Matcher m = MarkdownView.TOKEN.matcher(t.getLiteral().trim());
                if (m.matches() && m.group(1).charAt(0) == MarkdownView.OPEN_DISPLAY) {
                    HBox box = new HBox();
                    box.setAlignment(Pos.CENTER);
                    box.getStyleClass().add("md-display-math");
                    box.setMinWidth(0); // a wide formula shrinks to the column instead of widening it
                    box.getChildren().add(math.holder(Integer.parseInt(m.group(2)), true, box));
                    return box;
                }
            }
            return flow(p, "md-p");
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(4);
            list.getStyleClass().add("md-list");
            int number = n instanceof OrderedList o ? o.getStartNumber() : 0;
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
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
            TextFlow flow = new TextFlow(MarkdownView.styled(code.stripTrailing(), List.of("md-code-block-text")));
            flow.getStyleClass().add("md-code-block");
            return flow;
        } else if (n instanceof ThematicBreak) {
            return new Separator();
        }
        return null;
    }

    /** A GitHub table: equal columns as wide as the text allows, each cell wrapping its words. */
    private Region table(Node n) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0, columns = 0;
        for (Node part = n.getFirstChild(); part != null; part = part.getNext()) {
            for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                int col = 0;
                for (Node cell = r.getFirstChild(); cell != null; cell = cell.getNext()) {
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

    private TextFlow flow(Node parent, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        inline(parent, flow, List.of());
        return flow;
    }

    private void inline(Node parent, TextFlow flow, List<String> styles) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                text(t.getLiteral(), flow, styles);
            } else if (n instanceof Code c) {
                flow.getChildren().add(MarkdownView.styled(c.getLiteral(), plus(styles, "md-code")));
            } else if (n instanceof Emphasis) {
                inline(n, flow, plus(styles, "md-em"));
            } else if (n instanceof StrongEmphasis) {
                inline(n, flow, plus(styles, "md-strong"));
            } else if (n instanceof Link) {
                inline(n, flow, plus(styles, "md-link"));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(MarkdownView.styled(" ", styles));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(MarkdownView.styled("\n", styles));
            } else {
                inline(n, flow, styles);
            }
        }
    }

    private void text(String literal, TextFlow flow, List<String> styles) {
        Matcher m = MarkdownView.TOKEN.matcher(literal);
        int last = 0;
        while (m.find()) {
            if (m.start() > last)
                flow.getChildren().add(MarkdownView.styled(literal.substring(last, m.start()), styles));
            flow.getChildren().add(math.holder(Integer.parseInt(m.group(2)), false, null));
            last = m.end();
        }
        if (last < literal.length()) flow.getChildren().add(MarkdownView.styled(literal.substring(last), styles));
    }

    private static List<String> plus(List<String> styles, String s) {
        List<String> l = new ArrayList<>(styles);
        l.add(s);
        return l;
    }
}
