package org.kernellab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers in each language's style: 0.002 and 10,000 in English, 0,002 and 10.000 in Spanish. */
class NumbersTest {
    @Test
    void englishAndSpanishStyle() {
        Numbers en = Numbers.of(Locale.ENGLISH), es = Numbers.of(new Locale("es"));
        assertEquals("0.5", en.format(0.5));
        assertEquals("−6.3", en.format(-6.3));
        assertEquals("(−1.25)", en.factor(-1.25));
        assertEquals("10,000", en.grouped(10_000));
        assertEquals("88.3%", en.percent(0.8832));
        assertEquals(", ", en.listSeparator());
        assertEquals("0,5", es.format(0.5));
        assertEquals("−6,3", es.format(-6.3));
        assertEquals("10.000", es.grouped(10_000));
        assertEquals("113.386", es.grouped(113_386));
        assertEquals("88,3 %", es.percent(0.8832));
        assertEquals("; ", es.listSeparator());
        assertEquals("7", es.format(7), "whole numbers stay bare");
    }
}
