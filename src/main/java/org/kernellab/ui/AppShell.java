package org.kernellab.ui;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.kernellab.i18n.Messages;
import org.kernellab.lesson.Catalog;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.task.FxTaskRunner;
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
    private final BooleanProperty showTextPane = new SimpleBooleanProperty(true);
    private final BooleanProperty showNavigator = new SimpleBooleanProperty(true);
    private final Catalog catalog;
    private Lesson current;
    private LessonParams pendingParams;
    private Page page;
    private Consumer<String> documentOpener;

    public AppShell(AppContext ctx, Settings settings, Catalog catalog, FxTaskRunner runner, ComputeEngine engine) {
        this.ctx = ctx;
        this.settings = settings;
        this.text = new MarkdownView(runner.quiet());
        this.catalog = catalog;
        root.setId("shell");
        root.getStyleClass().add("shell");
        root.setTop(topBar());

        navigator = new Navigator(catalog, ctx, this::open);
        ctx.progress().addListener(navigator::refresh);
        VBox left = new VBox(navigator);
        VBox.setVgrow(navigator, Priority.ALWAYS);
        left.getStyleClass().add("navigator-pane");
        if (!catalog.errors().isEmpty()) left.getChildren().add(errorsLink(catalog));

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
        ScrollPane textScroll = new ScrollPane(new VBox(12, lessonTitle, text));
        textScroll.setFitToWidth(true);
        textScroll.getStyleClass().add("lesson-text-pane");
        ((VBox) textScroll.getContent()).setPadding(new Insets(18));

        viewArea.setId("lesson-view");
        viewArea.getStyleClass().add("lesson-view");
        ScrollPane viewScroll = new ScrollPane(viewArea);
        viewScroll.getStyleClass().add("lesson-view-pane");
        viewScroll.setFitToWidth(true);
        viewScroll.setFitToHeight(true);

        SplitPane lessonSplit = new SplitPane(textScroll, viewScroll);
        lessonSplit.setId("lesson-split");
        lessonSplit.setOrientation(Orientation.HORIZONTAL);
        SplitPane main = new SplitPane(left, lessonSplit);
        SplitPane.setResizableWithParent(left, false);
        // the navigator and the text fold away so that a large view gets the whole width; where the student left the
        // dividers is remembered
        fold(
                main,
                left,
                0,
                showNavigator,
                settings.navigatorShown(),
                settings::navigatorShown,
                settings.navigatorDivider(),
                settings::navigatorDivider);
        fold(
                lessonSplit,
                textScroll,
                0,
                showTextPane,
                settings.textShown(),
                settings::textShown,
                settings.textDivider(),
                settings::textDivider);
        root.setCenter(main);
        root.setBottom(new StatusBar(ctx, runner, engine));

        ctx.i18n().localeProperty().addListener((o, a, b) -> showText());
        // a projector gets the whole width for the view: presentation folds the navigator and the text (F2 brings the
        // text back), and leaving it puts them back as they were
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

        String last = settings.lastLesson();
        Lesson first = catalog.find(last == null ? "" : last)
                .orElse(catalog.lessons().isEmpty() ? null : catalog.lessons().get(0));
        if (first != null) navigator.select(first.id());
        else showEmpty(catalog);
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

    /** Shows or folds the lesson text, as the top bar's toggle does. */
    public void showText(boolean on) {
        showTextPane.set(on);
    }

    /** The lesson text's toggle (F2), for the window's keys. */
    public BooleanProperty textShownProperty() {
        return showTextPane;
    }

    /**
     * Puts {@code pane} at {@code index} of {@code split} while {@code shown} is true, remembering the divider where the
     * student leaves it (as {@code save} keeps it) and bringing it back there.
     */
    private static void fold(
            SplitPane split,
            Node pane,
            int index,
            BooleanProperty shown,
            boolean initially,
            Consumer<Boolean> saveShown,
            double divider,
            DoubleConsumer save) {
        double[] at = {divider};
        ChangeListener<Number> track = (o, a, b) -> {
            if (split.getItems().contains(pane)
                    && split.getScene() != null
                    && split.getScene().getWindow() != null
                    && split.getScene().getWindow().isShowing()) {
                at[0] = b.doubleValue();
                save.accept(at[0]);
            }
        };
        Runnable show = () -> {
            if (shown.get() && !split.getItems().contains(pane)) {
                split.getItems().add(index, pane);
                split.setDividerPositions(at[0]);
                split.getDividers().get(index).positionProperty().addListener(track);
            } else if (!shown.get()) {
                split.getItems().remove(pane);
            }
        };
        shown.set(initially);
        if (shown.get()) {
            split.setDividerPositions(at[0]);
            split.getDividers().get(index).positionProperty().addListener(track);
        } else {
            split.getItems().remove(pane);
        }
        shown.addListener((o, a, on) -> {
            saveShown.accept(on);
            show.run();
        });
    }

    /** How the About dialog opens a folder: the application's host services; without them it only shows the paths. */
    public void setDocumentOpener(Consumer<String> opener) {
        documentOpener = opener;
    }

    /** The lesson on screen, null before any. */
    public Lesson current() {
        return current;
    }

    private Node topBar() {
        Label title = new Label("KernelLab");
        title.getStyleClass().add("app-title");

        ToggleGroup languages = new ToggleGroup();
        SegmentedButton langButtons = new SegmentedButton();
        langButtons.setToggleGroup(languages);
        langButtons.setId("language-switch");
        for (Locale l : Messages.LANGUAGES) {
            ToggleButton b = new ToggleButton(l.getLanguage().equals("es") ? "Español" : "English");
            b.setId("lang-" + l.getLanguage());
            b.setUserData(l);
            b.setSelected(l.equals(ctx.i18n().locale()));
            langButtons.getButtons().add(b);
        }
        languages.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one language is always chosen
                return;
            }
            Locale l = (Locale) now.getUserData();
            ctx.i18n().localeProperty().set(l);
            settings.language(l);
        });

        ToggleButton dark = new ToggleButton();
        dark.setId("theme-toggle");
        dark.textProperty().bind(ctx.i18n().bind("top.dark"));
        dark.setSelected(ctx.theme().get() == Theme.DARK);
        dark.selectedProperty().addListener((o, a, on) -> {
            ctx.theme().set(on ? Theme.DARK : Theme.LIGHT);
            settings.theme(ctx.theme().get());
        });
        ctx.theme().addListener((o, a, t) -> dark.setSelected(t == Theme.DARK));

        ToggleButton navToggle = new ToggleButton();
        navToggle.setId("navigator-toggle");
        navToggle.textProperty().bind(ctx.i18n().bind("top.lessons"));
        navToggle.selectedProperty().bindBidirectional(showNavigator);

        ToggleButton textToggle = new ToggleButton();
        textToggle.setId("text-toggle");
        textToggle.textProperty().bind(ctx.i18n().bind("top.text"));
        textToggle.selectedProperty().bindBidirectional(showTextPane);

        ToggleButton present = new ToggleButton();
        present.setId("presentation-toggle");
        present.textProperty().bind(ctx.i18n().bind("top.presentation"));
        present.selectedProperty().bindBidirectional(ctx.presentation());

        // the app's icon, not a word, and not while presenting: the bar has no room for one more in Spanish there
        Button about = new Button();
        about.visibleProperty().bind(ctx.presentation().not());
        about.managedProperty().bind(about.visibleProperty());
        about.setId("about-button");
        ImageView icon = new ImageView(AppIcon.of(64));
        icon.setFitWidth(20);
        icon.setFitHeight(20);
        icon.setSmooth(true);
        about.setGraphic(icon);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(ctx.i18n().bind("about.title"));
        about.setTooltip(tip);
        about.accessibleTextProperty().bind(ctx.i18n().bind("about.title"));
        about.setOnAction(e -> AboutDialog.show(root.getScene().getWindow(), ctx, documentOpener));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, langButtons, navToggle, textToggle, dark, present, about);
        for (Node n : bar.getChildren()) if (n instanceof Region r && n != spacer) r.setMinWidth(Region.USE_PREF_SIZE);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /** Opens lesson {@code id} with other starting parameters for its view; its manifest stays as it is. */
    public void openWith(String id, Map<String, Object> params) {
        Lesson l = catalog.find(id).orElse(null);
        if (l == null) return;
        pendingParams = new LessonParams(params);
        if (current != null && current.id().equals(id)) open(l);
        else navigator.select(id);
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
            // a lesson picked with the mouse takes the keyboard (space, arrows); one reached with the
            // arrow keys leaves the focus in the navigator so the student can keep browsing
            if (!navigator.isFocused()) page.view().requestFocus();
        } catch (IllegalArgumentException e) {
            Label err = new Label(ctx.i18n().tr("shell.viewFailed", lesson.id(), e.getMessage()));
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

    private void showEmpty(Catalog catalog) {
        Label none = new Label();
        none.textProperty().bind(ctx.i18n().bind("shell.noLessons"));
        viewArea.getChildren().setAll(none);
    }

    private Node errorsLink(Catalog catalog) {
        Hyperlink link = new Hyperlink();
        link.setId("lesson-errors");
        link.getStyleClass().add("problem");
        link.setWrapText(true);
        link.textProperty()
                .bind(ctx.i18n().bind("shell.lessonErrors", catalog.errors().size()));
        link.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.WARNING, "", ButtonType.CLOSE);
            a.setTitle("KernelLab");
            a.setHeaderText(ctx.i18n().tr("shell.lessonErrors", catalog.errors().size()));
            TextArea details =
                    new TextArea(catalog.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
            details.setEditable(false);
            details.setWrapText(true);
            a.getDialogPane().setContent(details);
            a.initOwner(root.getScene().getWindow());
            a.show();
        });
        return link;
    }
}
