package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every lesson on a projector's 1280×720, in both languages (Spanish in the dark theme), with the lesson text beside the
 * view (presentation mode: PresentationTest), each of its tabs once its content is there: no label shows its text cut short with an
 * ellipsis, no control lies outside the window where no scroll bar reaches it, nothing scrolls sideways and no table hides
 * columns past its edge; no grid draws a number under 11 px, and no formula of the lesson text is smaller than its text;
 * and the lesson's params, a scene, open with every field known and valid.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutTest {
    AppHarness harness;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        harness = new AppHarness(stage);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void everyLessonFitsAProjectorInBothLanguages(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> ids = AppHarness.lessonIds();
        // started in Spanish, whose words are longer, in the dark theme a projector is often set to; then switched live
        // to English and the light theme, as a teacher might mid-class
        robot.interact(() -> {
            try {
                harness.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            stage.hide(); // shown again with the new app, whose engine starts when its window is shown
            harness = new AppHarness(stage, Locale.forLanguageTag("es"), Theme.DARK);
            stage.setWidth(1280);
            stage.setHeight(720);
            harness.app.shell().textShownProperty().set(true);
        });
        AppHarness.waitFor(() -> harness.app.engine().stateProperty().get() == ComputeEngine.State.READY);
        int pages = 0;
        for (Locale language : List.of(Locale.forLanguageTag("es"), Locale.ENGLISH)) {
            robot.interact(() -> {
                harness.app.ctx().i18n().localeProperty().set(language);
                harness.app.ctx().theme().set(language == Locale.ENGLISH ? Theme.LIGHT : Theme.DARK);
            });
            // presentation mode's layout: PresentationTest, on the same lessons at 1280×720 and larger
            for (String id : ids) {
                robot.interact(() -> harness.app.shell().select(id));
                pages += everyTab(robot, language.getLanguage() + " " + id, problems);
            }
        }
        assertTrue(pages >= 2 * ids.size(), pages + " pages and tabs looked at");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** Waits for the page's content (its background work done, its formulas drawn), then looks at each tab. */
    private int everyTab(FxRobot robot, String where, List<String> problems) throws Exception {
        harness.settle();
        harness.withARun(robot, 1); // one epoch gives the runs table its row and the results their numbers
        robot.interact(() -> {
            problems.addAll(problems(harness.app.scene(), where));
            // the lesson's params are a scene: each of its fields known and valid
            harness.app.shell().page().scene().problems().forEach(p -> problems.add(where + ": " + p.english()));
        });
        return 1 + harness.otherTabs(robot, where, tab -> problems.addAll(problems(harness.app.scene(), tab)));
    }

    @Test
    void presentationShowsTheStepInTypeForTheBackRow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            harness.app.ctx().presentation().set(true);
        });
        AppHarness.waitFor(() -> harness.app.engine().stateProperty().get() == ComputeEngine.State.READY);
        String[][] steps = {
            {"what-is-a-convolution", "#conv-intro-products"},
            {"convolution-animator", "#animator-products"},
            {"pooling", "#pool-step"},
            {"channels", "#channels-total"},
            {"conv3d-steps", "#c3-products"}
        };
        for (String[] s : steps) {
            robot.interact(() -> harness.app.shell().select(s[0]));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> harness.app.scene().getRoot().layout());
            WaitForAsyncUtils.waitForFxEvents();
            Labeled products = robot.lookup(s[1]).queryAs(Labeled.class);
            assertTrue(
                    products.isVisible() && products.getFont().getSize() >= 28,
                    s[0] + ": " + products.getFont().getSize() + " px");
        }
    }

    /** What a student would see cut: labels ending in an ellipsis, controls past the window's edge. */
    static List<String> problems(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        for (int pass = 0;
                pass < 3;
                pass++) { // a layout that reflows (a drawer folding, a panel moving) settles in a pass or two
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
        visit(scene.getRoot(), scene, where, out);
        // no number under 11 px in any mode, no formula smaller than the text around it
        out.addAll(PresentationTest.smallNumbers(scene.getRoot(), MatrixView.MIN_NUMBER, where));
        out.addAll(PresentationTest.smallFormulas(scene.lookup("#lesson-text"), where));
        return out;
    }

    private static void visit(Node n, Scene scene, String where, List<String> out) {
        if (!n.isVisible()) return;
        label(n, where, out);
        if (n instanceof Control c && outside(c, scene)) {
            out.add(where + ": " + describe(c) + " lies outside the window at " + c.localToScene(c.getLayoutBounds()));
        }
        if (n instanceof ScrollPane sp) {
            // what a scroll pane holds can be scrolled into view: only the pane itself must fit, and the lesson view
            // and the settings columns scroll only down, never sideways
            sideways(sp, where, out);
            if (sp.getContent() != null) visitInside(sp.getContent(), scene, where, out);
            return;
        }
        if (n instanceof TableView<?> t) columns(t, where, out);
        if (n instanceof VirtualFlow<?>) { // a list or table: its cells scroll inside it
            for (Node c : ((Parent) n).getChildrenUnmodifiable()) visitInside(c, scene, where, out);
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visit(c, scene, where, out);
    }

    private static void visitInside(Node n, Scene scene, String where, List<String> out) {
        if (!n.isVisible()) return;
        label(n, where, out);
        if (n instanceof ScrollPane sp) {
            if (outside(sp, scene)) out.add(where + ": " + describe(sp) + " lies outside the window");
            sideways(sp, where, out);
            if (sp.getContent() != null) visitInside(sp.getContent(), scene, where, out);
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visitInside(c, scene, where, out);
    }

    private static void label(Node n, String where, List<String> out) {
        if (!(n instanceof Labeled l)) return;
        if (cut(l)) out.add(where + ": \"" + l.getText() + "\" shows as \"" + shown(l) + "\" (" + describe(l) + ")");
        else if (squeezed(l))
            out.add(where + ": \"" + l.getText() + "\" is squeezed to a word per line (" + describe(l) + ")");
    }

    /** A table whose columns are wider than the table: its last columns hide past its right edge. */
    private static void columns(TableView<?> t, String where, List<String> out) {
        double columns = t.getVisibleLeafColumns().stream()
                .mapToDouble(TableColumn::getWidth)
                .sum();
        double room = t.getWidth() - t.snappedLeftInset() - t.snappedRightInset();
        if (room > 0 && columns > room + 1) {
            out.add(where + ": " + describe(t) + "'s columns need " + Math.round(columns - room) + " px more than its "
                    + Math.round(room) + " px");
        }
    }

    /**
     * A scroll pane whose content is wider than its view: the student would have to scroll sideways or, where the pane
     * has no horizontal bar, could never see the content's right side.
     */
    private static void sideways(ScrollPane sp, String where, List<String> out) {
        if (sp.getContent() == null || sp.getViewportBounds().getWidth() <= 0) return;
        double over = sp.getContent().getLayoutBounds().getWidth()
                - sp.getViewportBounds().getWidth();
        if (over > 1) {
            String how = sp.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                    ? " is cut at its right edge by "
                    : " scrolls sideways by ";
            out.add(where + ": " + describe(sp) + " around " + describe(sp.getContent()) + how + Math.round(over)
                    + " px"
                    + widest(sp.getContent()) + " | " + ancestors(sp) + " | too wide: "
                    + tooWide(sp.getContent(), sp.getViewportBounds().getWidth()));
        }
    }

    /** The deepest nodes whose minimum width is more than {@code width}: what keeps the content from narrowing. */
    private static String tooWide(Node n, double width) {
        if (!(n instanceof Parent p)) return describe(n) + " min " + Math.round(n.minWidth(-1));
        for (Node c : p.getChildrenUnmodifiable()) {
            if (c.isManaged() && c.minWidth(-1) > width + 1) return describe(n) + " > " + tooWide(c, width);
        }
        return describe(n) + " min " + Math.round(n.minWidth(-1));
    }

    /** The pane's ancestors with their widths: where the width went. */
    private static String ancestors(Node n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6 && n != null; i++, n = n.getParent()) {
            b.append(describe(n))
                    .append(' ')
                    .append(Math.round(n.getLayoutBounds().getWidth()))
                    .append(" < ");
        }
        return b.toString();
    }

    /** The path to what makes a pane wide: its widest child, then that one's, a few levels down. */
    private static String widest(Node n) {
        StringBuilder path = new StringBuilder();
        for (int depth = 0;
                depth < 6
                        && n instanceof Parent p
                        && !p.getChildrenUnmodifiable().isEmpty();
                depth++) {
            Node w = p.getChildrenUnmodifiable().stream()
                    .max(Comparator.comparingDouble(c -> c.getLayoutBounds().getWidth()))
                    .get();
            path.append(" > ")
                    .append(describe(w))
                    .append(' ')
                    .append(Math.round(w.getLayoutBounds().getWidth()));
            n = w;
        }
        return path.toString();
    }

    /** A wrapped text of three words or more shown one word per line: its column is too narrow. */
    private static boolean squeezed(Labeled l) {
        if (!l.isWrapText() || l.getText() == null || l.getWidth() <= 0) return false;
        String[] words = l.getText().trim().split("\\s+");
        if (words.length < 3) return false;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                double line = t.getFont().getSize() * 1.2;
                return t.getLayoutBounds().getHeight() >= line * words.length * 0.95;
            }
        }
        return false;
    }

    private static boolean cut(Labeled l) {
        String text = l.getText(), shown = shown(l);
        if (text == null || text.isEmpty() || shown == null || shown.equals(text)) return false;
        String e = l.getEllipsisString();
        return shown.endsWith(e == null || e.isEmpty() ? "..." : e) || shown.endsWith("…");
    }

    /** The text a Labeled's skin draws: a Text child holding the (possibly shortened) string. */
    private static String shown(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable())
            if (c instanceof Text t && c.getStyleClass().contains("text")) return t.getText();
        return null;
    }

    private static boolean outside(Control c, Scene scene) {
        Bounds b = c.localToScene(c.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) return false;
        return b.getMinX() < -1
                || b.getMinY() < -1
                || b.getMaxX() > scene.getWidth() + 1
                || b.getMaxY() > scene.getHeight() + 1;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }
}
