package org.kernellab.i18n;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as the course writes them: whole numbers bare, others with up to two decimals, a real minus sign. */
public final class Numbers {
    private Numbers() {}

    // DecimalFormat is slow to build and not thread-safe: one per thread, and whole numbers skip it
    private static final ThreadLocal<DecimalFormat> DECIMALS = ThreadLocal.withInitial(() -> new DecimalFormat("0.##",
            DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** A fraction as a percentage with one decimal: 0.8832 → 88.3%. */
    public static String percent(double fraction) { return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100); }

    /** A count with thousands grouped, as the tables show them: 113,386. */
    public static String grouped(long n) { return String.format(java.util.Locale.ROOT, "%,d", n); }

    public static String format(double v) {
        if (Double.isNaN(v)) return "—";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return v < 0 ? "−" + (long) -v : String.valueOf((long) Math.abs(v));
        String s = DECIMALS.get().format(v);
        if (s.equals("-0")) s = "0";
        return s.replace('-', '−');
    }

    /** A factor inside a sum of products: negative numbers in brackets, "(−1)". */
    public static String factor(double v) {
        String s = format(v);
        return v < 0 && !s.equals("0") ? "(" + s + ")" : s;
    }
}
