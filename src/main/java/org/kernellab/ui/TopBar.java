package org.kernellab.ui;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;
import org.kernellab.i18n.Messages;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.Theme;

/** The top bar: the app's name, the language, the panes that fold, the dark theme, presentation mode and About. */
final class TopBar extends HBox {
    private final AppContext ctx;
    private final Settings settings;

    /**
     * @param showNavigator whether the lesson navigator is shown
     * @param showText      whether the lesson's text is shown
     * @param about         opens the About dialog
     */
    TopBar(
            AppContext ctx,
            Settings settings,
            BooleanProperty showNavigator,
            BooleanProperty showText,
            Runnable about,
            SceneActions scenes,
            ProgressActions progress) {
        super(10);
        this.ctx = ctx;
        this.settings = settings;
        Label title = new Label("KernelLab");
        title.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren()
                .addAll(
                        title,
                        spacer,
                        fileMenu(scenes, progress),
                        languages(),
                        toggle("navigator-toggle", "top.lessons", showNavigator),
                        toggle("text-toggle", "top.text", showText),
                        dark(),
                        toggle("presentation-toggle", "top.presentation", ctx.presentation()),
                        about(about));
        for (Node n : getChildren()) if (n instanceof Region r && n != spacer) r.setMinWidth(Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("top-bar");
    }

    /** Español or English: one is always chosen, and the choice is remembered. */
    private SegmentedButton languages() {
        ToggleGroup languages = new ToggleGroup();
        SegmentedButton buttons = new SegmentedButton();
        buttons.setToggleGroup(languages);
        buttons.setId("language-switch");
        for (Locale l : Messages.LANGUAGES) {
            ToggleButton b = new ToggleButton(l.getLanguage().equals("es") ? "Español" : "English");
            b.setId("lang-" + l.getLanguage());
            b.setUserData(l);
            b.setSelected(l.equals(ctx.i18n().locale()));
            buttons.getButtons().add(b);
        }
        languages.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
                return;
            }
            Locale l = (Locale) now.getUserData();
            ctx.i18n().localeProperty().set(l);
            settings.language(l);
        });
        return buttons;
    }

    private ToggleButton toggle(String id, String key, BooleanProperty on) {
        ToggleButton t = new ToggleButton();
        t.setId(id);
        t.textProperty().bind(ctx.i18n().bind(key));
        t.selectedProperty().bindBidirectional(on);
        return t;
    }

    /** The dark theme, remembered. */
    private ToggleButton dark() {
        ToggleButton dark = new ToggleButton();
        dark.setId("theme-toggle");
        dark.textProperty().bind(ctx.i18n().bind("top.dark"));
        dark.setSelected(ctx.theme().get() == Theme.DARK);
        dark.selectedProperty().addListener((o, a, on) -> {
            ctx.theme().set(on ? Theme.DARK : Theme.LIGHT);
            settings.theme(ctx.theme().get());
        });
        ctx.theme().addListener((o, a, t) -> dark.setSelected(t == Theme.DARK));
        return dark;
    }

    /** Scenes, scripts and progress files: what goes in and out of the app. */
    private MenuButton fileMenu(SceneActions scenes, ProgressActions progress) {
        MenuButton menu = new MenuButton("☰");
        menu.setId("file-menu");
        // not while presenting, as About: no room in Spanish at 1280 px (the keys still copy, paste and step)
        menu.visibleProperty().bind(ctx.presentation().not());
        menu.managedProperty().bind(menu.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(ctx.i18n().bind("menu.file"));
        menu.setTooltip(tip);
        menu.accessibleTextProperty().bind(ctx.i18n().bind("menu.file"));
        menu.getItems()
                .addAll(
                        item("menu-copy-scene", "menu.copyScene", "Shortcut+Shift+C", scenes::copy),
                        item("menu-paste-scene", "menu.pasteScene", "Shortcut+Shift+V", scenes::paste),
                        item(
                                "menu-save-scene",
                                "menu.saveScene",
                                null,
                                () -> scenes.saveScene(getScene().getWindow())),
                        item(
                                "menu-open",
                                "menu.open",
                                "Shortcut+O",
                                () -> scenes.open(getScene().getWindow())),
                        new SeparatorMenuItem(),
                        item("menu-add-step", "menu.addStep", null, scenes::addToScript),
                        item("menu-script", "menu.script", null, scenes::showScript),
                        new SeparatorMenuItem(),
                        item(
                                "menu-export-progress",
                                "menu.exportProgress",
                                null,
                                () -> progress.export(getScene().getWindow())),
                        item(
                                "menu-class-overview",
                                "menu.classOverview",
                                null,
                                () -> progress.overview(getScene().getWindow())));
        return menu;
    }

    private MenuItem item(String id, String key, String keys, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(ctx.i18n().bind(key));
        if (keys != null) i.setAccelerator(KeyCombination.keyCombination(keys));
        i.setOnAction(e -> action.run());
        return i;
    }

    /** The app's icon, not a word, and not while presenting: the bar has no room for one more in Spanish there. */
    private Button about(Runnable show) {
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
        about.setOnAction(e -> show.run());
        return about;
    }
}
