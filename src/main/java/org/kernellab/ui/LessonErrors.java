package org.kernellab.ui;

import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextArea;
import org.kernellab.lesson.Catalog;
import org.kernellab.ui.core.I18n;

/** The navigator's link to the lessons that could not be loaded, and why. */
final class LessonErrors {
    private LessonErrors() {}

    /** "⚠ 2 lessons could not be loaded (details)": the details in a dialog over {@code owner}'s window. */
    static Node link(Catalog catalog, I18n i18n, Node owner) {
        Hyperlink link = new Hyperlink();
        link.setId("lesson-errors");
        link.getStyleClass().add("problem");
        link.setWrapText(true);
        link.textProperty()
                .bind(i18n.bind("shell.lessonErrors", catalog.errors().size()));
        link.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.WARNING, "", ButtonType.CLOSE);
            a.setTitle("KernelLab");
            a.setHeaderText(i18n.tr("shell.lessonErrors", catalog.errors().size()));
            TextArea details =
                    new TextArea(catalog.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
            details.setEditable(false);
            details.setWrapText(true);
            a.getDialogPane().setContent(details);
            a.initOwner(owner.getScene().getWindow());
            a.show();
        });
        return link;
    }
}
