package org.kernellab.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
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
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public static String english(String key, Object... args) { return format(Locale.ENGLISH, key, args); }
}
