package org.kernellab.i18n;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's translated strings (English and Spanish), usable without JavaFX so that the compute layer
 * and the command line can explain themselves. Every text goes through {@link MessageFormat}, so a
 * literal apostrophe is written twice in the bundles.
 */
public final class Messages {
    public static final String BUNDLE = "org.kernellab.i18n.messages";
    public static final List<Locale> LANGUAGES = List.of(new Locale("es"), Locale.ENGLISH);

    private Messages() {}

    /** Spanish for a Spanish-speaking OS, English otherwise. */
    public static Locale defaultLanguage() {
        return "es".equals(Locale.getDefault().getLanguage()) ? LANGUAGES.get(0) : Locale.ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        // no fallback to the JVM's default locale: English is the base bundle, whatever the OS says
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(Locale locale, String key, Object... args) {
        // a MessageFormat costs a parse and, for numbers, a DecimalFormat: made once per thread, language and key
        // (they are not thread-safe), since views format their texts on every change
        MessageFormat f = FORMATS.get().computeIfAbsent(locale.toLanguageTag() + '|' + key, k -> {
            try {
                return new MessageFormat(bundle(locale).getString(key), locale);
            } catch (MissingResourceException e) {
                return null;
            }
        });
        return f == null ? "!" + key + "!" : f.format(args);
    }

    private static final ThreadLocal<Map<String, MessageFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    public static String english(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
    }
}
