package org.kernellab.ui.script;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kernellab.lesson.LessonLoader;
import org.kernellab.lesson.LessonScript;
import org.kernellab.lesson.LessonScript.Step;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.Controls;

/**
 * The script being prepared, in a window beside the app: its steps in order (add the view on screen, move, delete),
 * each step's title and note in both languages and what it does to the view's settings; play from a step, save, open.
 */
public final class ScriptWindow {
    private final Stage stage = new Stage();
    private final ScriptViewModel vm;
    private final I18n i18n;
    private final ListView<Step> list = new ListView<>();
    private final TextField[] titles = new TextField[LessonLoader.LANGUAGES.size()];
    private final TextArea[] notes = new TextArea[LessonLoader.LANGUAGES.size()];
    private final ChoiceBox<LessonScript.Controls> controls = new ChoiceBox<>();
    private boolean filling;

    /**
     * @param add  adds the view on screen as a step
     * @param save saves the script (asks where when it has no file yet)
     * @param open asks for a script file and opens it
     */
    public ScriptWindow(
            Window owner, ScriptViewModel vm, I18n i18n, Runnable add, Consumer<Window> save, Consumer<Window> open) {
        this.vm = vm;
        this.i18n = i18n;
        stage.initOwner(owner);
        stage.titleProperty().bind(i18n.bind("script.window"));
        list.setId("script-steps");
        list.setItems(vm.steps());
        list.setCellFactory(l -> new StepCell());
        Button addStep = Controls.button("script-add", i18n, "script.add", () -> {
            add.run();
            list.getSelectionModel().selectLast();
        });
        Button up = Controls.button("script-up", i18n, "script.up", () -> select(vm.move(selected(), -1)));
        Button down = Controls.button("script-down", i18n, "script.down", () -> select(vm.move(selected(), 1)));
        Button delete = Controls.button("script-delete", i18n, "script.delete", () -> vm.remove(selected()));
        Button play = Controls.button("script-play", i18n, "script.play", () -> vm.play(Math.max(0, selected())));
        Button saveButton = Controls.button("script-save", i18n, "script.save", () -> save.accept(stage));
        Button openButton = Controls.button("script-open", i18n, "script.open", () -> open.accept(stage));
        for (Button b : List.of(up, down, delete))
            b.disableProperty()
                    .bind(list.getSelectionModel().selectedItemProperty().isNull());
        play.disableProperty().bind(Bindings.isEmpty(vm.steps()));
        VBox buttons = new VBox(6, addStep, up, down, delete, play, saveButton, openButton);
        for (Button b : List.of(addStep, up, down, delete, play, saveButton, openButton))
            b.setMinWidth(Region.USE_PREF_SIZE);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        list.setMinWidth(260);
        list.setPrefWidth(380);
        GridPane details = details();
        HBox top = new HBox(10, list, buttons, details);
        HBox.setHgrow(details, Priority.ALWAYS);
        top.setPadding(new Insets(12));
        stage.setScene(new Scene(top, 1180, 480));
        stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> fill());
        list.getSelectionModel().selectFirst();
        fill();
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The selected step's title and note, one field per language, and what it does to the view's settings. */
    private GridPane details() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int row = 0;
        for (int i = 0; i < titles.length; i++) {
            String lang = LessonLoader.LANGUAGES.get(i);
            titles[i] = new TextField();
            titles[i].setId("script-title-" + lang);
            notes[i] = new TextArea();
            notes[i].setId("script-note-" + lang);
            notes[i].setPrefRowCount(3);
            notes[i].setPrefColumnCount(24); // narrow to start with; the column grows with the window
            titles[i].setPrefColumnCount(24);
            notes[i].setWrapText(true);
            Label t = new Label(), n = new Label();
            t.setMinWidth(Region.USE_PREF_SIZE);
            n.setMinWidth(Region.USE_PREF_SIZE);
            t.textProperty().bind(i18n.bind("script.titleIn", language(lang)));
            n.textProperty().bind(i18n.bind("script.noteIn", language(lang)));
            g.addRow(row++, t, titles[i]);
            g.addRow(row++, n, notes[i]);
            int at = i;
            titles[i].textProperty().addListener(edited(() -> vm.retitle(selected(), lang, titles[at].getText())));
            notes[i].textProperty().addListener(edited(() -> vm.renote(selected(), lang, notes[at].getText())));
        }
        controls.setId("script-controls");
        controls.getItems().setAll(LessonScript.Controls.values());
        controls.setConverter(new StringConverter<>() {
            @Override
            public String toString(LessonScript.Controls c) {
                return c == null ? "" : i18n.tr("script.controls." + c.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public LessonScript.Controls fromString(String s) {
                return null;
            }
        });
        controls.valueProperty().addListener(edited(() -> vm.controls(selected(), controls.getValue())));
        Label c = new Label();
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.textProperty().bind(i18n.bind("script.controls"));
        g.addRow(row, c, controls);
        ColumnConstraints labels = new ColumnConstraints(), fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(220);
        g.getColumnConstraints().setAll(labels, fields);
        g.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(g, Priority.ALWAYS);
        g.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        return g;
    }

    private <T> ChangeListener<T> edited(Runnable r) {
        return (o, a, b) -> {
            if (!filling && selected() >= 0) {
                int keep = selected();
                filling = true;
                r.run();
                list.getSelectionModel().select(keep);
                filling = false;
            }
        };
    }

    private void fill() {
        if (filling) return;
        filling = true;
        int i = selected();
        Step s = i >= 0 && i < vm.steps().size() ? vm.steps().get(i) : null;
        for (int k = 0; k < titles.length; k++) {
            String lang = LessonLoader.LANGUAGES.get(k);
            titles[k].setText(s == null ? "" : s.title().getOrDefault(lang, ""));
            notes[k].setText(s == null ? "" : s.note().getOrDefault(lang, ""));
        }
        controls.setValue(s == null ? null : s.controls());
        filling = false;
    }

    private static String language(String code) {
        return code.equals("es") ? "Español" : "English";
    }

    private int selected() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void select(int i) {
        list.getSelectionModel().select(i);
    }

    /** "3. Sobel on the step input · conv-animator" */
    private final class StepCell extends ListCell<Step> {
        StepCell() {
            setWrapText(true); // a long title wraps to the list's width rather than running past it
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Step s, boolean empty) {
            super.updateItem(s, empty);
            setText(
                    empty || s == null
                            ? null
                            : (getIndex() + 1) + ". " + s.title(i18n.locale()) + "  ·  "
                                    + s.scene().view());
        }
    }
}
