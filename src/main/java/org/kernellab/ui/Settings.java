package org.kernellab.ui;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.kernellab.i18n.Messages;
import org.kernellab.ui.core.Theme;

/** What the app remembers between runs: language, theme, window size and the last lesson. */
public final class Settings {
    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Settings user() {
        return new Settings(Preferences.userRoot().node("org/kernellab"));
    }

    public Preferences node(String name) {
        return prefs.node(name);
    }

    public Locale language() {
        String lang = prefs.get("language", Messages.defaultLanguage().getLanguage());
        return Messages.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(lang))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public void language(Locale l) {
        prefs.put("language", l.getLanguage());
    }

    public Theme theme() {
        try {
            return Theme.valueOf(prefs.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void theme(Theme t) {
        prefs.put("theme", t.name());
    }

    public double width() {
        return prefs.getDouble("width", 1280);
    }

    public double height() {
        return prefs.getDouble("height", 800);
    }

    public boolean maximized() {
        return prefs.getBoolean("maximized", false);
    }

    public void window(double w, double h, boolean maximized) {
        prefs.putDouble("width", w);
        prefs.putDouble("height", h);
        prefs.putBoolean("maximized", maximized);
    }

    /** Whether the lesson text is shown beside the view. */
    public boolean textShown() {
        return prefs.getBoolean("textShown", true);
    }

    public void textShown(boolean on) {
        prefs.putBoolean("textShown", on);
    }

    /** Whether the lesson navigator is shown on the left. */
    public boolean navigatorShown() {
        return prefs.getBoolean("navigatorShown", true);
    }

    public void navigatorShown(boolean on) {
        prefs.putBoolean("navigatorShown", on);
    }

    /** Where the navigator's divider was left, as a share of the window's width. */
    public double navigatorDivider() {
        return prefs.getDouble("navigatorDivider", 0.2);
    }

    public void navigatorDivider(double at) {
        prefs.putDouble("navigatorDivider", at);
    }

    /** Where the divider between the lesson text and the view was left, as a share of their width. */
    public double textDivider() {
        return prefs.getDouble("textDivider", 0.36);
    }

    public void textDivider(double at) {
        prefs.putDouble("textDivider", at);
    }

    public String lastLesson() {
        return prefs.get("lastLesson", null);
    }

    public void lastLesson(String id) {
        prefs.put("lastLesson", id);
    }

    /** The name the student last put on a progress file. */
    public String studentName() {
        return prefs.get("studentName", "");
    }

    public void studentName(String name) {
        prefs.put("studentName", name);
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: losing them must not stop the app
        }
    }
}
