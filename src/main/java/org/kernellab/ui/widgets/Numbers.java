package org.kernellab.ui.widgets;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as the course writes them: whole numbers bare, others with up to two decimals, a real minus sign. */
public final class Numbers {
    private Numbers() {}

    public static String format(double v) {
        if (Double.isNaN(v)) return "—";
        DecimalFormat f = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(v);
        if (s.equals("-0")) s = "0";
        return s.replace('-', '−');
    }

    /** A factor inside a sum of products: negative numbers in brackets, "(−1)". */
    public static String factor(double v) {
        String s = format(v);
        return v < 0 && !s.equals("0") ? "(" + s + ")" : s;
    }
}
