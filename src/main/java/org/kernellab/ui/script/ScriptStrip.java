package org.kernellab.ui.script;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.LessonScript.Step;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.Controls;

/**
 * The strip over the lesson while a script plays: the step's number and title, previous and next (Page Up and Page Down,
 * ← and → from a presenter's clicker), the teacher's note on demand, and the way out.
 */
public final class ScriptStrip extends VBox {
    private final BooleanBinding playing;

    public ScriptStrip(ScriptViewModel vm, I18n i18n) {
        playing = vm.isPlaying();
        setId("script-strip");
        getStyleClass().add("script-strip");
        Label where = new Label();
        where.setId("script-step");
        where.getStyleClass().add("script-step");
        where.setWrapText(true);
        where.setMinWidth(0);
        where.textProperty()
                .bind(i18n.bind(
                        () -> {
                            int i = vm.playingProperty().get();
                            if (i < 0 || i >= vm.steps().size()) return "";
                            Step s = vm.steps().get(i);
                            return i18n.tr("script.stepOf", i + 1, vm.steps().size(), s.title(i18n.locale()));
                        },
                        vm.playingProperty(),
                        vm.steps()));
        Button previous = Controls.button("script-previous", i18n, "script.previous", vm::previous);
        Button next = Controls.button("script-next", i18n, "script.next", vm::next);
        previous.disableProperty().bind(vm.playingProperty().lessThanOrEqualTo(0));
        next.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.playingProperty().get() >= vm.steps().size() - 1, vm.playingProperty(), vm.steps()));
        ToggleButton showNote = new ToggleButton();
        showNote.setId("script-note-toggle");
        showNote.textProperty().bind(i18n.bind("script.note"));
        Button stop = Controls.button("script-stop", i18n, "script.stop", vm::stop);
        HBox.setHgrow(where, Priority.ALWAYS);
        where.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, where, previous, next, showNote, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (ButtonBase b : new ButtonBase[] {previous, next, showNote, stop}) b.setMinWidth(USE_PREF_SIZE);
        Label note = new Label();
        note.setId("script-note");
        note.setWrapText(true);
        note.textProperty()
                .bind(i18n.bind(
                        () -> {
                            int i = vm.playingProperty().get();
                            return i < 0 || i >= vm.steps().size()
                                    ? ""
                                    : vm.steps().get(i).note(i18n.locale());
                        },
                        vm.playingProperty(),
                        vm.steps()));
        note.visibleProperty()
                .bind(showNote.selectedProperty().and(note.textProperty().isNotEmpty()));
        note.managedProperty().bind(note.visibleProperty());
        showNote.disableProperty().bind(note.textProperty().isEmpty());
        getChildren().addAll(bar, note);
        setPadding(new Insets(6, 12, 6, 12));
        setSpacing(4);
        visibleProperty().bind(playing);
        managedProperty().bind(playing);
    }
}
