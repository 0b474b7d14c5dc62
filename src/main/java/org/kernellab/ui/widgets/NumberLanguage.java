package org.kernellab.ui.widgets;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kernellab.i18n.Numbers;

/** The language numbers are drawn in (0.5 or 0,5): set with the app's language; grids redraw their numbers when it changes. */
public final class NumberLanguage {
    private static final ReadOnlyObjectWrapper<Locale> LANGUAGE = new ReadOnlyObjectWrapper<>(Locale.ENGLISH);

    private NumberLanguage() {}

    public static ReadOnlyObjectProperty<Locale> property() { return LANGUAGE.getReadOnlyProperty(); }

    public static void set(Locale l) {
        Numbers.useLanguage(l);
        LANGUAGE.set(l);
    }
}
