package org.kernellab.ui.widgets;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;

/**
 * What does not fit the stage in type the back row reads, a page at a time: a button per page, the page shown chosen,
 * and Page Up and Page Down to turn the pages. Shown only while {@code shown} holds and there is more than one page.
 */
public final class Pages extends FlowPane {
    private final ObservableIntegerValue current, count;
    private final IntFunction<StringBinding> name;
    private final IntConsumer turnTo;
    private final StringBinding title;
    private final ToggleGroup group = new ToggleGroup();
    private boolean choosing;

    /**
     * @param current the page shown
     * @param count   how many pages there are
     * @param name    a page's button text
     * @param turnTo  shows a page
     */
    public Pages(
            String id,
            StringBinding title,
            ObservableIntegerValue current,
            ObservableIntegerValue count,
            IntFunction<StringBinding> name,
            IntConsumer turnTo,
            ObservableBooleanValue shown) {
        super(8, 6);
        this.current = current;
        this.count = count;
        this.name = name;
        this.turnTo = turnTo;
        this.title = title;
        setId(id);
        getStyleClass().add("pages");
        setAlignment(Pos.CENTER_LEFT);
        // through a property of its own: bound, the app's presentation flag keeps no hold on this page
        BooleanProperty presenting = new SimpleBooleanProperty();
        presenting.bind(shown);
        visibleProperty().bind(presenting.and(Bindings.greaterThan(count, 1)));
        managedProperty().bind(visibleProperty());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (choosing) return;
            if (now == null && was != null) was.setSelected(true); // a page is always shown
            else if (now != null) turnTo.accept((Integer) now.getUserData());
        });
        current.addListener((o, a, n) -> choose());
        count.addListener((o, a, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Label pages = new Label();
        pages.textProperty().bind(title);
        pages.setMinWidth(Label.USE_PREF_SIZE);
        getChildren().setAll(pages);
        group.getToggles().clear();
        for (int p = 0; p < count.get(); p++) {
            ToggleButton b = new ToggleButton();
            b.setId(getId() + "-" + p);
            b.textProperty().bind(name.apply(p));
            b.setUserData(p);
            b.setToggleGroup(group);
            b.setMinWidth(ToggleButton.USE_PREF_SIZE);
            b.setFocusTraversable(false); // the keys stay with the page
            getChildren().add(b);
        }
        choose();
    }

    private void choose() {
        int p = current.get();
        choosing = true;
        if (p >= 0 && p < group.getToggles().size())
            group.selectToggle(group.getToggles().get(p));
        choosing = false;
    }

    /** Page Up and Page Down on {@code root} turn to the previous and the next page while the pages are shown. */
    public void installKeys(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!isVisible()) return;
            int to = current.get() + (e.getCode() == KeyCode.PAGE_DOWN ? 1 : e.getCode() == KeyCode.PAGE_UP ? -1 : 0);
            if (to == current.get() || to < 0 || to >= count.get()) return;
            turnTo.accept(to);
            e.consume();
        });
    }
}
