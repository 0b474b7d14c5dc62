package org.kernellab.ui.core;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * The subscriptions a page (or its view-model) holds on things that live longer than it: the language, the theme,
 * the workbench's data and network. {@link #end()} drops them all when the student leaves the page, so a closed page
 * is never kept alive, or redrawn, by the app.
 */
public final class Lifetime {
    private Subscription all = Subscription.EMPTY;

    /** {@code action} on every change of {@code value} (not at once). */
    public <T> void onChange(ObservableValue<T> value, Consumer<? super T> action) {
        BiConsumer<T, T> changed = (was, now) -> action.accept(now);
        add(value.subscribe(changed));
    }

    /** {@code listener} on every change of {@code list}. */
    public <T> void onList(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** {@code action} whenever {@code o} changes or becomes invalid. */
    public void onInvalid(Observable o, Runnable action) {
        add(o.subscribe(action));
    }

    public void add(Subscription s) {
        all = all.and(s);
    }

    public void end() {
        all.unsubscribe();
        all = Subscription.EMPTY;
    }
}
