package org.kernellab.ui.widgets;

import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.kernellab.ui.core.I18n;

/** Buttons choosing one value of a property, in a row or a column; one is always chosen. */
public final class Segments {
    private Segments() {}

    /** @param choices each value with {id, message key} of its button, in order */
    public static <T> SegmentedButton of(ObjectProperty<T> value, Map<T, String[]> choices, I18n i18n) {
        ToggleGroup group = new ToggleGroup();
        SegmentedButton buttons = new SegmentedButton();
        buttons.setToggleGroup(group);
        choices.forEach((v, idKey) -> buttons.getButtons().add(choice(new ToggleButton(), v, idKey, value, i18n)));
        follow(group, value, buttons);
        return buttons;
    }

    /** The same as a column of radio buttons whose labels wrap: for long names or a narrow settings column. */
    public static <T> VBox column(ObjectProperty<T> value, Map<T, String[]> choices, I18n i18n) {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        choices.forEach((v, idKey) -> {
            RadioButton b = choice(new RadioButton(), v, idKey, value, i18n);
            b.setWrapText(true);
            b.setToggleGroup(group);
            box.getChildren().add(b);
        });
        follow(group, value, box);
        return box;
    }

    private static <T, B extends ButtonBase & Toggle> B choice(
            B b, T v, String[] idKey, ObjectProperty<T> value, I18n i18n) {
        b.setId(idKey[0]);
        b.textProperty().bind(i18n.bind(idKey[1]));
        b.setUserData(v);
        b.setSelected(v.equals(value.get()));
        return b;
    }

    /**
     * The buttons set the value, and show it when it is set elsewhere (another page's buttons, a lesson): the value
     * holds that listener weakly and {@code owner} strongly, so a value that outlives the page does not keep it.
     */
    private static <T> void follow(ToggleGroup group, ObjectProperty<T> value, Node owner) {
        ChangeListener<T> shown = (o, was, now) -> {
            for (Toggle t : group.getToggles()) if (Objects.equals(t.getUserData(), now)) t.setSelected(true);
        };
        owner.getProperties().put(Segments.class, shown);
        value.addListener(new WeakChangeListener<>(shown));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true); // clicking the chosen button keeps it chosen
            else {
                @SuppressWarnings("unchecked")
                T v = (T) now.getUserData();
                value.set(v);
            }
        });
    }
}
