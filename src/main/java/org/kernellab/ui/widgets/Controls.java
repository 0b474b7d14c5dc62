package org.kernellab.ui.widgets;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.kernellab.ui.I18n;

/** Buttons and labels whose text follows the language. */
public final class Controls {
    private Controls() {}

    /** A button as wide as its column, with an id for tests and its text bound to {@code key}. */
    public static Button button(String id, I18n i18n, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.setOnAction(e -> action.run());
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    /** A wrapping label bound to {@code key}. */
    public static Label label(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setWrapText(true);
        return l;
    }
}
