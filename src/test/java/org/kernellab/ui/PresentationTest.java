package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SubScene;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.Chart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.MarkdownView;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every lesson in presentation mode as a projector shows it, at 1280×720 (Spanish in the dark theme) and 1920×1080
 * (English in the light one), each of its tabs: every number a grid, matrix or heat
 * map draws is in type the back row reads (18 px at 1280×720, more on a larger screen); the stage's content (its grids,
 * maps, pictures, charts and text, not its buttons) spans at least 80% of the stage's width or of its height, not a
 * corner of it; nothing is cut or outside the window (LayoutTest's checks); and with the lesson text brought back (F2),
 * no formula is set smaller than the text around it.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    /** A projector: its size, and the language and theme the class uses. */
    record Screen(int width, int height, Locale language, Theme theme) {
        /** The smallest number the back row reads on this screen: 18 px at 1280×720, growing with the screen. */
        double minNumber() {
            return Math.floor(18 * Math.min(width / 1280.0, height / 720.0));
        }

        @Override
        public String toString() {
            return width + "×" + height + " " + language.getLanguage() + " "
                    + theme.name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<Screen> SCREENS = List.of(
            new Screen(1280, 720, Locale.forLanguageTag("es"), Theme.DARK),
            new Screen(1920, 1080, Locale.ENGLISH, Theme.LIGHT));
    /** The share of the stage's width or height its content must span. */
    static final double USE = 0.8;

    AppHarness harness;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        harness =
                new AppHarness(stage, SCREENS.get(0).language(), SCREENS.get(0).theme());
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        // back inside the headless screen (1600×1000): a 1920×1080 stage left behind overflows its frame buffer when
        // the
        // next class in this JVM draws
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        harness.close();
    }

    @Test
    void everyLessonFillsTheProjectorInTypeTheBackRowReads(FxRobot robot) throws Exception {
        List<String> ids = AppHarness.lessonIds();
        robot.interact(() -> harness.app.ctx().presentation().set(true));
        AppHarness.waitFor(() -> harness.app.engine().stateProperty().get() == ComputeEngine.State.READY);
        List<String> problems = new ArrayList<>(), report = new ArrayList<>();
        int looked = 0;
        for (Screen screen : SCREENS) {
            robot.interact(() -> {
                stage.setWidth(screen.width());
                stage.setHeight(screen.height());
                harness.app.ctx().i18n().localeProperty().set(screen.language());
                harness.app.ctx().theme().set(screen.theme());
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(
                    screen.width() + "×" + screen.height(),
                    Math.round(harness.app.scene().getWidth()) + "×"
                            + Math.round(harness.app.scene().getHeight()),
                    "the window takes the projector's size");
            for (String id : ids) {
                robot.interact(() -> harness.app.shell().select(id));
                looked += everyTab(robot, screen, screen + " " + id, problems, report);
                formulas(robot, screen + " " + id, problems);
            }
        }
        System.out.println("Presentation mode, per lesson and tab: the smallest number drawn, the stage's content's "
                + "span\n" + String.join("\n", report));
        assertTrue(looked >= SCREENS.size() * ids.size(), looked + " pages and tabs looked at");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** The page and each of its tabs, once its content is there. */
    private int everyTab(FxRobot robot, Screen screen, String where, List<String> problems, List<String> report)
            throws Exception {
        harness.settle();
        robot.interact(() -> {
            measure(harness.app.scene(), screen, where, problems, report);
            problems.addAll(LayoutTest.problems(harness.app.scene(), where)); // and nothing cut or out of the window
        });
        harness.withARun(robot, 1); // its tabs with a run's results: the confusion matrix's counts are numbers too
        return 1
                + harness.otherTabs(robot, where, tab -> {
                    measure(harness.app.scene(), screen, tab, problems, report);
                    problems.addAll(LayoutTest.problems(harness.app.scene(), tab));
                });
    }

    /** The lesson text brought back beside the stage, as F2 does: its formulas in the size of its type or larger. */
    private void formulas(FxRobot robot, String where, List<String> problems) throws Exception {
        robot.interact(() -> harness.app.shell().textShownProperty().set(true));
        harness.settle();
        robot.interact(() -> {
            Scene scene = harness.app.scene();
            layout(scene);
            Node text = scene.lookup("#lesson-text");
            problems.addAll(smallFormulas(text, where));
            harness.app.shell().textShownProperty().set(false);
        });
    }

    private static void layout(Scene scene) {
        for (int pass = 0; pass < 3; pass++) { // a layout that reflows settles in a pass or two
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
    }

    /** The numbers' type and the stage's use, as problems where they fall short and as a line of the report. */
    static void measure(Scene scene, Screen screen, String where, List<String> problems, List<String> report) {
        layout(scene);
        Node view = scene.lookup("#lesson-view");
        List<String> small = smallNumbers(view, screen.minNumber(), where);
        problems.addAll(small);
        Bounds area = stageArea(scene);
        Bounds used = content(stageRoot(scene), area);
        double w = used == null ? 0 : used.getWidth() / area.getWidth(),
                h = used == null ? 0 : used.getHeight() / area.getHeight();
        if (w < USE && h < USE) {
            problems.add(String.format(
                    Locale.ROOT,
                    "%s: the stage's content spans %.0f%% of its width and %.0f%% of its height (%.0f×%.0f of %.0f×%.0f)",
                    where,
                    w * 100,
                    h * 100,
                    used == null ? 0 : used.getWidth(),
                    used == null ? 0 : used.getHeight(),
                    area.getWidth(),
                    area.getHeight()));
        }
        double smallest = smallestNumber(view);
        report.add(String.format(
                Locale.ROOT,
                "%s: numbers %s, content %.0f%% × %.0f%%",
                where,
                smallest == Double.MAX_VALUE ? "none" : String.format(Locale.ROOT, "≥ %.1f px", smallest),
                w * 100,
                h * 100));
    }

    /** Grids, matrices and heat maps showing numbers in type under {@code min} pixels. */
    static List<String> smallNumbers(Node root, double min, String where) {
        List<String> out = new ArrayList<>();
        for (Node n : visible(root)) {
            double size = numberSize(n);
            if (size > 0 && size < min - 0.01)
                out.add(String.format(
                        Locale.ROOT,
                        "%s: %s draws its numbers in %.1f px type, under %.0f px",
                        where,
                        describe(n),
                        size,
                        min));
        }
        return out;
    }

    private static double smallestNumber(Node root) {
        double min = Double.MAX_VALUE;
        for (Node n : visible(root)) if (numberSize(n) > 0) min = Math.min(min, numberSize(n));
        return min;
    }

    private static double numberSize(Node n) {
        if (n instanceof MatrixView m) return m.numberSize();
        if (n instanceof HeatMap h) return h.numberSize();
        return 0;
    }

    /** Formulas of the lesson text drawn smaller than the text of their paragraph. */
    static List<String> smallFormulas(Node text, String where) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        double body = 0; // the paragraphs' type, for formulas on their own line
        for (Node n : text.lookupAll(".md-p .md-text"))
            body = Math.max(body, ((Text) n).getFont().getSize());
        for (Node n : text.lookupAll(".md-math")) {
            ImageView formula = (ImageView) n;
            double around = body;
            for (Node p = formula.getParent(); p != null && p != text; p = p.getParent()) {
                if (p instanceof TextFlow flow) {
                    around = flow.getChildren().stream()
                            .filter(t -> t instanceof Text)
                            .mapToDouble(t -> ((Text) t).getFont().getSize())
                            .max()
                            .orElse(body);
                    break;
                }
            }
            double shown = MarkdownView.shownSize(formula);
            if (shown < around - 0.5)
                out.add(String.format(
                        Locale.ROOT,
                        "%s: the formula %s shows in %.1f px type beside %.1f px text",
                        where,
                        formula.getAccessibleText(),
                        shown,
                        around));
        }
        return out;
    }

    /**
     * What of the lesson view the window shows, less the settings' drawer strip: the space the stage has.
     */
    static Bounds stageArea(Scene scene) {
        Node root = stageRoot(scene);
        Bounds b = root.localToScene(root.getLayoutBounds());
        Node view = scene.lookup("#lesson-view");
        for (Node p = view.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                b = intersect(b, sp.localToScene(sp.getLayoutBounds()));
                break;
            }
        }
        return intersect(b, new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
    }

    /** The stage: beside the settings (or under their drawer's strip) where the page has a workspace, else the whole view. */
    static Node stageRoot(Scene scene) {
        Node stage = scene.lookup("#lesson-view .workspace-stage");
        return stage != null && stage.isVisible() ? stage : scene.lookup("#lesson-view");
    }

    /**
     * The box around what the stage shows inside {@code area}: its grids, maps, pictures, charts and 3D views, and its
     * text (the text drawn, not the label's box); not its buttons, sliders, scroll bars or fields.
     */
    static Bounds content(Node root, Bounds area) {
        List<Bounds> found = new ArrayList<>();
        collect(root, area, found);
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Bounds b : found) {
            x0 = Math.min(x0, b.getMinX());
            y0 = Math.min(y0, b.getMinY());
            x1 = Math.max(x1, b.getMaxX());
            y1 = Math.max(y1, b.getMaxY());
        }
        return found.isEmpty() ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static void collect(Node n, Bounds area, List<Bounds> found) {
        if (!n.isVisible() || n.getOpacity() == 0 || chrome(n)) return;
        boolean whole = n instanceof MatrixView
                || n instanceof HeatMap
                || n instanceof Chart
                || n instanceof SubScene
                || n instanceof ImageView
                || n instanceof Canvas
                || n instanceof TableView<?>
                || n instanceof ListView<?>
                || n instanceof Text
                || n instanceof Shape
                || (n instanceof Region r // a drawn box: a bar, a block of a shape
                        && r.getChildrenUnmodifiable().isEmpty()
                        && r.getBackground() != null
                        && !r.getBackground().getFills().isEmpty());
        if (whole) {
            Bounds b = intersect(n.localToScene(n.getBoundsInLocal()), area);
            if (b != null && b.getWidth() > 0 && b.getHeight() > 0) found.add(b);
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, area, found);
    }

    /** Controls and their strips: what a teacher works with, not what the class looks at. */
    private static boolean chrome(Node n) {
        return n instanceof ButtonBase
                || n instanceof Slider
                || n instanceof ScrollBar
                || n instanceof TextInputControl
                || n instanceof ComboBoxBase<?>
                || n instanceof Spinner<?>
                || n.getStyleClass().contains("step-controls")
                || n.getStyleClass().contains("drawer-strip")
                || n.getStyleClass().contains("drawer")
                || n.getStyleClass().contains("tab-header-area");
    }

    private static List<Node> visible(Node root) {
        List<Node> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<Node> out) {
        if (!n.isVisible()) return;
        out.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, out);
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX()), y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX()), y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 <= x0 || y1 <= y0 ? null : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }
}
