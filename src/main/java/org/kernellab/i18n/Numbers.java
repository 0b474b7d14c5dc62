package org.kernellab.i18n;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the course writes them on screen: whole numbers bare, others with up to two decimals, a real minus sign,
 * in the language shown: 0.5 and 10,000 in English, 0,5 and 10.000 in Spanish (with "; " between numbers in a list,
 * since the comma is taken). A value per language: the window's language service hands out the current one; the
 * command line keeps {@link #ENGLISH}.
 */
public final class Numbers {
    public static final Numbers ENGLISH = new Numbers(Locale.ENGLISH);
    public static final Numbers SPANISH = new Numbers(new Locale("es"));

    private final Locale language;

    private Numbers(Locale language) {
        this.language = language;
    }

    /** Numbers as {@code l} writes them. */
    public static Numbers of(Locale l) {
        return "es".equals(l.getLanguage()) ? SPANISH : ENGLISH;
    }

    // DecimalFormat is slow to build and not thread-safe: one per thread, and whole numbers skip it
    private static final ThreadLocal<DecimalFormat> DECIMALS =
            ThreadLocal.withInitial(() -> new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** Whether the language writes decimals with a comma (Spanish): then lists of numbers are separated by "; ". */
    public boolean decimalComma() {
        return "es".equals(language.getLanguage());
    }

    /** Between two numbers of a list: ", " or, where the comma is the decimal mark, "; ". */
    public String listSeparator() {
        return decimalComma() ? "; " : ", ";
    }

    /** A fraction as a percentage with one decimal: 0.8832 → 88.3% (88,3 % in Spanish). */
    public String percent(double fraction) {
        String s = String.format(Locale.ROOT, "%.1f", fraction * 100);
        return decimalComma() ? s.replace('.', ',') + " %" : s + "%";
    }

    /** A count with thousands grouped, as the tables show them: 113,386 (113.386 in Spanish). */
    public String grouped(long n) {
        String s = String.format(Locale.ROOT, "%,d", n);
        return decimalComma() ? s.replace(',', '.') : s;
    }

    /** A file's size with one decimal in the unit that suits it: 29.5 MB (29,5 MB in Spanish), 812 B. */
    public String bytes(long n) {
        if (n < 1000) return n + " B";
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n / 1000.0;
        int u = 0;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String s = String.format(Locale.ROOT, "%.1f", v);
        return (decimalComma() ? s.replace('.', ',') : s) + " " + units[u];
    }

    /** A duration in whole seconds, minutes and hours: "45 s", "3 min 20 s", "1 h 5 min". */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) return s + " s";
        if (s < 3600) return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    public String format(double v) {
        if (Double.isNaN(v)) return "—";
        if (v == Math.rint(v) && Math.abs(v) < 1e15)
            return v < 0 ? "−" + (long) -v : String.valueOf((long) Math.abs(v));
        String s = DECIMALS.get().format(v);
        if (s.equals("-0")) s = "0";
        s = s.replace('-', '−');
        return decimalComma() ? s.replace('.', ',') : s;
    }

    /** A factor inside a sum of products: negative numbers in brackets, "(−1)". */
    public String factor(double v) {
        String s = format(v);
        return v < 0 && !s.equals("0") ? "(" + s + ")" : s;
    }
}
