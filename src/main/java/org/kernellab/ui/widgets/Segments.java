package org.kernellab.ui.widgets;

import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import org.controlsfx.control.SegmentedButton;
import org.kernellab.ui.I18n;

/** A row of buttons choosing one value of a property; one is always chosen. */
public final class Segments {
    private Segments() {}

    /** @param choices each value with {id, message key} of its button, in order */
    public static <T> SegmentedButton of(ObjectProperty<T> value, Map<T, String[]> choices, I18n i18n) {
        ToggleGroup group = new ToggleGroup();
        SegmentedButton buttons = new SegmentedButton();
        buttons.setToggleGroup(group);
        choices.forEach((v, idKey) -> {
            ToggleButton b = new ToggleButton();
            b.setId(idKey[0]);
            b.textProperty().bind(i18n.bind(idKey[1]));
            b.setUserData(v);
            b.setSelected(v.equals(value.get()));
            buttons.getButtons().add(b);
        });
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true); // clicking the chosen button keeps it chosen
            else {
                @SuppressWarnings("unchecked") T v = (T) now.getUserData();
                value.set(v);
            }
        });
        return buttons;
    }
}
