package org.kernellab.ui.widgets;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kernellab.compute.Problem;
import org.kernellab.ui.core.I18n;

/** Buttons, labels and combo boxes whose text follows the language. */
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

    /** A tooltip whose text follows the language, wrapped to a readable width. */
    public static Tooltip tip(I18n i18n, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    /** Shows each item of {@code box}, in its list and on its button, as {@code text} gives it in the current language. */
    public static <T> void localized(ComboBox<T> box, I18n i18n, Function<T, String> text) {
        box.setCellFactory(l -> new LocalizedCell<>(i18n, text, null));
        LocalizedCell<T> button = new LocalizedCell<>(i18n, text, box);
        box.setButtonCell(button);
        box.promptTextProperty().addListener((o, was, now) -> button.relabel());
    }

    /** A cell that says its item again when the language changes; the language holds it weakly, so it never leaks. */
    private static final class LocalizedCell<T> extends ListCell<T> {
        private final Function<T, String> text;
        /** The box whose button this cell is: with no item chosen it says the box's prompt (a picture file, typing). */
        private final ComboBox<T> box;

        private final ChangeListener<Locale> relabel = (o, a, b) -> relabel();

        LocalizedCell(I18n i18n, Function<T, String> text, ComboBox<T> box) {
            this.text = text;
            this.box = box;
            i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
        }

        void relabel() {
            updateItem(getItem(), isEmpty());
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (item != null && !empty) setText(text.apply(item));
            else setText(box != null ? box.getPromptText() : null);
        }
    }

    /**
     * A page's settings column: {@code box} padded, {@code width} wide, scrolling vertically when the window is short and
     * never narrower than its content's preferred width.
     */
    public static ScrollPane column(VBox box, double width) {
        // the width is given for the normal 14 px type: presentation mode's larger type widens the column alike, read
        // from a hidden label that gets the column's font through CSS
        Label probe = new Label();
        probe.setManaged(false);
        probe.setVisible(false);
        box.getChildren().add(probe);
        DoubleBinding scaled =
                Bindings.createDoubleBinding(() -> width * probe.getFont().getSize() / 14, probe.fontProperty());
        box.setPadding(new Insets(12));
        box.prefWidthProperty().bind(scaled);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.minWidthProperty().bind(scaled.add(15)); // room for the vertical scroll bar
        return scroll;
    }

    /** A tab that cannot be closed, its title bound to {@code key}. */
    public static Tab tab(String id, I18n i18n, String key, Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        t.setClosable(false);
        return t;
    }

    /** A wrapping label bound to {@code key}. */
    public static Label label(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setWrapText(true);
        return l;
    }

    /** A problem's line, "✗" and its message in the language, hidden while there is none. */
    public static Label problem(String id, I18n i18n, ObservableValue<Problem> problem) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("problem");
        l.textProperty()
                .bind(i18n.bind(() -> problem.getValue() == null ? "" : "✗ " + i18n.tr(problem.getValue()), problem));
        Grids.hideWhenEmpty(l);
        return l;
    }

    /** A wrapping label at least as wide as its longest word, in its font: it breaks between words, never inside one. */
    public static void keepWords(Label l) {
        Text probe = new Text();
        Runnable measure = () -> {
            double widest = 0;
            probe.setFont(l.getFont());
            for (String word : (l.getText() == null ? "" : l.getText()).split("\\s+")) {
                probe.setText(word);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            l.setMinWidth(Math.ceil(widest) + 2);
        };
        l.fontProperty().addListener((o, a, b) -> measure.run());
        l.textProperty().addListener((o, a, b) -> measure.run());
        measure.run();
    }
}
