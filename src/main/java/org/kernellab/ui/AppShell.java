package org.kernellab.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Problem;
import org.kernellab.lesson.Catalog;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.Progress;
import org.kernellab.lesson.SceneFiles;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.script.ScriptStrip;
import org.kernellab.ui.task.FxTaskRunner;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.MarkdownView;

/**
 * The main window's content: top bar (language, theme, presentation), lesson navigator on the left, the
 * lesson's text beside its interactive view in the centre, status bar at the bottom.
 */
public final class AppShell {
    private final AppContext ctx;
    private final Settings settings;
    private final BorderPane root = new BorderPane();
    private final Navigator navigator;
    private final MarkdownView text;
    private final Label lessonTitle = new Label();
    private final StackPane viewArea = new StackPane();
    private final SceneNotice notices;
    private final StatusBar status;
    private final SceneActions actions;
    private final ProgressActions progressActions;
    private final BooleanProperty showTextPane = new SimpleBooleanProperty(true);
    private final BooleanProperty showNavigator = new SimpleBooleanProperty(true);
    private final Catalog catalog;
    private Lesson current;
    private LessonParams pendingParams;
    private Page page;
    private int opened;
    private Consumer<String> documentOpener;

    /** @param scripts the demo scripts beside the lessons, for the navigator */
    public AppShell(
            AppContext ctx,
            Settings settings,
            Catalog catalog,
            List<SceneFiles.Shelved> scripts,
            FxTaskRunner runner,
            ComputeEngine engine) {
        this.ctx = ctx;
        this.settings = settings;
        this.text = new MarkdownView(runner.quiet());
        this.catalog = catalog;
        notices = new SceneNotice(viewArea, ctx.i18n());
        root.setId("shell");
        root.getStyleClass().add("shell");
        navigator = new Navigator(
                catalog, scripts, ctx, this::open, path -> actions().open(path));
        ctx.progress().addListener(navigator::refresh);
        root.setCenter(panes());
        status = new StatusBar(ctx, runner, engine);
        root.setBottom(status);
        actions = new SceneActions(this, ctx, notices, navigator::shelve);
        progressActions = new ProgressActions(this, ctx, settings, catalog);
        VBox top = new VBox(
                new TopBar(ctx, settings, showNavigator, showTextPane, this::showAbout, actions, progressActions),
                new ScriptStrip(actions.script(), ctx.i18n()));
        root.setTop(top);
        ctx.i18n().localeProperty().addListener((o, a, b) -> showText());
        foldWhilePresenting();
        String last = settings.lastLesson();
        Lesson first = catalog.find(last == null ? "" : last)
                .orElse(catalog.lessons().isEmpty() ? null : catalog.lessons().get(0));
        if (first != null) navigator.select(first.id());
        else viewArea.getChildren().setAll(Controls.label(ctx.i18n(), "shell.noLessons"));
    }

    /**
     * The navigator, the lesson's text and its view side by side. The navigator and the text fold away so that a large
     * view gets the whole width; where the student left the dividers is remembered.
     */
    private SplitPane panes() {
        VBox left = new VBox(navigator);
        VBox.setVgrow(navigator, Priority.ALWAYS);
        left.getStyleClass().add("navigator-pane");
        if (!catalog.errors().isEmpty()) left.getChildren().add(LessonErrors.link(catalog, ctx.i18n(), root));
        ScrollPane textScroll = textPane();
        SplitPane lessonSplit = new SplitPane(textScroll, viewPane());
        lessonSplit.setId("lesson-split");
        lessonSplit.setOrientation(Orientation.HORIZONTAL);
        SplitPane main = new SplitPane(left, lessonSplit);
        SplitPane.setResizableWithParent(left, false);
        FoldingPane.install(
                main,
                left,
                showNavigator,
                settings.navigatorShown(),
                settings::navigatorShown,
                settings.navigatorDivider(),
                settings::navigatorDivider);
        FoldingPane.install(
                lessonSplit,
                textScroll,
                showTextPane,
                settings.textShown(),
                settings::textShown,
                settings.textDivider(),
                settings::textDivider);
        return main;
    }

    /** The lesson's title and text, its formulas in the theme's colour and larger while presenting. */
    private ScrollPane textPane() {
        lessonTitle.setId("lesson-title");
        lessonTitle.setWrapText(true);
        lessonTitle.setMinWidth(0);
        lessonTitle.getStyleClass().add("lesson-title");
        text.setId("lesson-text");
        text.mathColorProperty()
                .bind(Bindings.createObjectBinding(
                        () -> ctx.theme().get().palette().text(), ctx.theme()));
        text.mathSizeProperty()
                .bind(Bindings.when(ctx.presentation()).then(26.0).otherwise(17.0));
        VBox content = new VBox(12, lessonTitle, text);
        content.setPadding(new Insets(18));
        ScrollPane textScroll = new ScrollPane(content);
        textScroll.setFitToWidth(true);
        textScroll.getStyleClass().add("lesson-text-pane");
        return textScroll;
    }

    private ScrollPane viewPane() {
        viewArea.setId("lesson-view");
        viewArea.getStyleClass().add("lesson-view");
        ScrollPane viewScroll = new ScrollPane(viewArea);
        viewScroll.getStyleClass().add("lesson-view-pane");
        viewScroll.setFitToWidth(true);
        viewScroll.setFitToHeight(true);
        return viewScroll;
    }

    /**
     * A projector gets the whole width for the view: presentation folds the navigator and the text (F2 brings the text
     * back), and leaving it puts them back as they were.
     */
    private void foldWhilePresenting() {
        boolean[] before = new boolean[2];
        ctx.presentation().addListener((o, a, on) -> {
            if (on) {
                root.getStyleClass().add("presentation");
                before[0] = showNavigator.get();
                before[1] = showTextPane.get();
                showNavigator.set(false);
                showTextPane.set(false);
            } else {
                root.getStyleClass().remove("presentation");
                showNavigator.set(before[0]);
                showTextPane.set(before[1]);
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** The interactive view on screen, null when none could be built. */
    public Page page() {
        return page;
    }

    /** Opens a lesson as if the student had picked it in the navigator. */
    public void select(String lessonId) {
        navigator.select(lessonId);
    }

    /** The lesson text's toggle (F2, the top bar's button). */
    public BooleanProperty textShownProperty() {
        return showTextPane;
    }

    /** How the About dialog opens a folder: the application's host services; without them it only shows the paths. */
    public void setDocumentOpener(Consumer<String> opener) {
        documentOpener = opener;
    }

    /** The lesson on screen, null before any. */
    public Lesson current() {
        return current;
    }

    private void showAbout() {
        AboutDialog.show(root.getScene().getWindow(), ctx, documentOpener);
    }

    /**
     * Brings the app to a scene: its lesson (or the first that shows its view) with the view in the scene's state. What
     * the scene got wrong is listed over the view; the rest is applied. Returns those problems.
     */
    public List<Problem> openScene(LessonScene scene) {
        Lesson l = catalog.forScene(scene.view(), scene.lesson()).orElse(null);
        if (l == null) {
            List<Problem> none = List.of(new Problem(
                    "scene.unknownView", scene.view(), String.join(", ", new TreeSet<>(LessonViews.ids()))));
            notices.show(none);
            return none;
        }
        Map<String, Object> params =
                new HashMap<>(l.params().values()); // what the scene leaves out, as its lesson has it
        params.putAll(scene.params());
        params.put(SceneFields.OPENED, ++opened); // a lab applies it even when it is the scene it last showed
        openWith(l.id(), params);
        return page == null ? List.of() : page.scene().problems();
    }

    /** The view on screen as a scene: its lesson, its view and every setting; null when no view is on screen. */
    public LessonScene scene() {
        if (current == null || page == null) return null;
        return new LessonScene(current.view(), current.id(), page.scene().capture());
    }

    /** Scenes and scripts in and out: copy, paste, open, save, record and play. */
    public SceneActions actions() {
        return actions;
    }

    /** The student's progress file and the teacher's class overview. */
    public ProgressActions progressActions() {
        return progressActions;
    }

    /** A line in the status bar on what was just done. */
    void status(String text) {
        status.note(text);
    }

    /** Opens lesson {@code id} with other starting parameters for its view; its manifest stays as it is. */
    public void openWith(String id, Map<String, Object> params) {
        Lesson l = catalog.find(id).orElse(null);
        if (l == null) return;
        pendingParams = new LessonParams(params);
        if (current != null && current.id().equals(id)) open(l);
        else navigator.select(id);
        pendingParams = null; // a lesson the navigator could not select (hidden in a folded tree) leaves none behind
    }

    /** Shows a lesson: its title and text, and a fresh instance of its interactive view. */
    public void open(Lesson lesson) {
        // every view learns which lesson it belongs to (exercises record progress under it)
        LessonParams params = (pendingParams != null ? pendingParams : lesson.params()).with("lesson", lesson.id());
        pendingParams = null;
        if (page != null) page.dispose();
        page = null;
        current = lesson;
        showText();
        try {
            page = LessonViews.create(lesson.view(), params, ctx);
            viewArea.getChildren().setAll(page.view());
            notices.show(page.scene().problems());
            // a lesson picked with the mouse takes the keyboard (space, arrows); one reached with the
            // arrow keys leaves the focus in the navigator so the student can keep browsing
            if (!navigator.isFocused()) page.view().requestFocus();
        } catch (RuntimeException e) { // bad parameters, or a fault: a message where the view would be, never a trace
            Label err = new Label(ctx.i18n().tr("shell.viewFailed", lesson.id(), String.valueOf(e.getMessage())));
            err.getStyleClass().add("problem");
            err.setWrapText(true);
            viewArea.getChildren().setAll(err);
        }
        ctx.progress().raise(lesson.id(), Progress.Mark.VISITED);
        settings.lastLesson(lesson.id());
        navigator.refresh();
    }

    private void showText() {
        if (current == null) return;
        lessonTitle.setText(current.title(ctx.i18n().locale()));
        text.setMarkdown(current.text(ctx.i18n().locale()));
    }
}
