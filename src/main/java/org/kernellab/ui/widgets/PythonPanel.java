package org.kernellab.ui.widgets;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.I18n;

/** The PyTorch code for what is on screen, with a button that copies it (the course is taught in PyTorch). */
public final class PythonPanel extends VBox {
    public PythonPanel(String id, ObservableValue<String> code, I18n i18n) {
        getStyleClass().add("python-panel");
        Label title = new Label();
        title.textProperty().bind(i18n.bind("python.title"));
        title.getStyleClass().add("grid-title");
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("python-code");
        text.textProperty().bind(code);
        // code does not wrap (and a label that does not wrap is cheap to lay out on every frame)
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button copy = new Button();
        copy.setId(id + "-copy");
        copy.textProperty().bind(i18n.bind("python.copy"));
        copy.setMinWidth(Button.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox line = new HBox(10, text, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, line);
        setSpacing(4);
    }
}
