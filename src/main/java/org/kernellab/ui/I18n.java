package org.kernellab.ui;

import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Problem;
import org.kernellab.i18n.Messages;
import org.kernellab.ui.widgets.NumberLanguage;

/**
 * The selected language as a property, and string bindings on it: every label bound here changes the
 * moment the language does, without a restart.
 */
public final class I18n {
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Messages.defaultLanguage());

    public I18n() {
        // numbers first (the first invalidation listener runs before any binding's), so that every text the change
        // recomputes already writes them the new way
        NumberLanguage.set(locale.get());
        locale.addListener((javafx.beans.InvalidationListener) o -> NumberLanguage.set(locale.get()));
    }

    public ObjectProperty<Locale> localeProperty() { return locale; }

    public Locale locale() { return locale.get(); }

    /** The text for {@code key} in the current language. */
    public String tr(String key, Object... args) { return Messages.format(locale.get(), key, args); }

    public String tr(Problem p) { return p.message(locale.get()); }

    /** A double as Java writes it (the shortest text that reads back the same), with the language's decimal mark. */
    public String exact(double v) {
        String s = Double.toString(v);
        return "es".equals(locale().getLanguage()) ? s.replace('.', ',') : s;
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> tr(key, args), locale);
    }

    /** A binding that follows the language and the given values; {@code text} is re-run on any change. */
    public StringBinding bind(Callable<String> text, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = locale;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(text, all);
    }
}
