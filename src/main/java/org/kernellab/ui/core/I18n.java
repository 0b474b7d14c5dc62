package org.kernellab.ui.core;

import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.kernellab.compute.Problem;
import org.kernellab.i18n.Messages;
import org.kernellab.i18n.Numbers;

/**
 * The selected language as a property, and string bindings on it: every label bound here changes the
 * moment the language does, without a restart.
 */
public final class I18n {
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Messages.defaultLanguage());

    private final ObservableValue<Numbers> numbers = locale.map(Numbers::of);

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** Numbers as the current language writes them (0.5 or 0,5). */
    public Numbers numbers() {
        return numbers.getValue();
    }

    /** Follows the language: for widgets that write numbers themselves. */
    public ObservableValue<Numbers> numbersProperty() {
        return numbers;
    }

    /** The text for {@code key} in the current language. */
    public String tr(String key, Object... args) {
        return Messages.format(locale.get(), key, args);
    }

    public String tr(Problem p) {
        return p.message(locale.get());
    }

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
