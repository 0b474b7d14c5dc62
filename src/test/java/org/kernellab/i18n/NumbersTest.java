package org.kernellab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Numbers in each language's style: 0.002 and 10,000 in English, 0,002 and 10.000 in Spanish. */
class NumbersTest {
    @AfterEach void english() { Numbers.useLanguage(Locale.ENGLISH); }

    @Test void englishAndSpanishStyle() {
        Numbers.useLanguage(Locale.ENGLISH);
        assertEquals("0.5", Numbers.format(0.5));
        assertEquals("−6.3", Numbers.format(-6.3));
        assertEquals("(−1.25)", Numbers.factor(-1.25));
        assertEquals("10,000", Numbers.grouped(10_000));
        assertEquals("88.3%", Numbers.percent(0.8832));
        assertEquals(", ", Numbers.listSeparator());
        Numbers.useLanguage(new Locale("es"));
        assertEquals("0,5", Numbers.format(0.5));
        assertEquals("−6,3", Numbers.format(-6.3));
        assertEquals("10.000", Numbers.grouped(10_000));
        assertEquals("113.386", Numbers.grouped(113_386));
        assertEquals("88,3 %", Numbers.percent(0.8832));
        assertEquals("; ", Numbers.listSeparator());
        assertEquals("7", Numbers.format(7), "whole numbers stay bare");
    }
}
