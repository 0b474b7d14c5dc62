package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.model.LayerTable;
import org.kernellab.model.LayerText;
import org.kernellab.model.Net;

/**
 * The size arithmetic against exact big-integer arithmetic, over every kind of value from 0 to 2³¹ − 1 (a seeded random
 * sweep, so a failure repeats): an answer is either the exact output size or a refusal with a reason, never a size that
 * wrapped around.
 */
class ShapesPropertyTest {
    static final int[] EDGES = {
        Shapes.LIMIT, Shapes.LIMIT + 1, 1 << 30, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE, 0, 1
    };
    final Random rnd = new Random(20261123);

    /** A value of every kind: small (where most sizes are valid), anywhere up to 2³¹ − 1, or an edge. */
    int size() {
        return switch (rnd.nextInt(3)) {
            case 0 -> rnd.nextInt(43) - 2;
            case 1 -> rnd.nextInt(Integer.MAX_VALUE);
            default -> EDGES[rnd.nextInt(EDGES.length)];
        };
    }

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    /** ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1, exactly; null when the window does not fit. */
    static BigInteger exact(int i, int k, int s, int p, int d) {
        BigInteger num = big(i).add(big(2).multiply(big(p)))
                .subtract(big(d).multiply(big(k - 1L)))
                .subtract(BigInteger.ONE);
        if (num.signum() < 0) return null;
        return num.divide(big(s)).add(BigInteger.ONE);
    }

    static boolean inRange(int i, int k, int s, int p, int d) {
        for (int v : List.of(i, k, s, d)) if (v < 1 || v > Shapes.LIMIT) return false;
        return p >= 0 && p <= Shapes.LIMIT;
    }

    @Test
    void convSizeIsExactOrRefused() {
        for (int n = 0; n < 20_000; n++) convCase(size(), size(), size(), size(), size());
    }

    static void convCase(int i, int k, int s, int p, int d) {
        AxisSize a = Shapes.conv(i, k, s, p, d);
        BigInteger want = inRange(i, k, s, p, d) ? exact(i, k, s, p, d) : null;
        if (want == null) {
            assertFalse(a.ok(), "refused: " + a.formula());
            assertFalse(
                    a.problem().english().contains("−"),
                    "no negative sizes in the reason: " + a.problem().english());
        } else {
            assertTrue(a.ok(), a.problem() == null ? "" : a.problem().english());
            assertEquals(want.intValueExact(), a.output());
            assertTrue(a.formula().endsWith("= " + a.output()), a.formula());
        }
    }

    @Test
    void poolSizeIsExactOrRefused() {
        for (int n = 0; n < 20_000; n++) poolCase(size(), size(), size(), size(), rnd.nextBoolean());
    }

    /**
     * PyTorch's pooling_output_shape: ⌊(i + 2p − (k − 1) − 1 [+ s − 1 in ceil mode]) / s⌋ + 1, rounding toward −∞, so that in
     * ceil mode a window overhanging the padded input can still give one output; then a last window starting in the
     * right padding is dropped. Null when nothing is left.
     */
    static BigInteger pooled(int i, int k, int s, int p, boolean ceil) {
        BigInteger num = big(i).add(big(2).multiply(big(p))).subtract(big(k)).add(big(ceil ? s - 1L : 0));
        BigInteger[] qr = num.divideAndRemainder(big(s));
        BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        BigInteger want = floor.add(BigInteger.ONE);
        if (ceil
                && want.signum() > 0
                && want.subtract(BigInteger.ONE).multiply(big(s)).compareTo(big(i).add(big(p))) >= 0) {
            want = want.subtract(BigInteger.ONE);
        }
        return want.signum() > 0 ? want : null;
    }

    static void poolCase(int i, int k, int s, int p, boolean ceil) {
        AxisSize a = Shapes.pool(i, k, s, p, ceil);
        BigInteger want = inRange(i, k, s, p, 1) && 2L * p <= k ? pooled(i, k, s, p, ceil) : null;
        if (want == null) {
            assertFalse(a.ok());
            return;
        }
        assertTrue(a.ok(), a.problem() == null ? "" : a.problem().english());
        assertEquals(want.intValueExact(), a.output());
    }

    @Test
    void transposedSizeIsExactOrRefused() {
        for (int n = 0; n < 20_000; n++) transposedCase(size(), size(), size(), size(), size());
    }

    static void transposedCase(int i, int k, int s, int p, int d) {
        AxisSize a = Shapes.transposed(i, k, s, p, d);
        BigInteger want = big(i - 1L)
                .multiply(big(s))
                .subtract(big(2).multiply(big(p)))
                .add(big(d).multiply(big(k - 1L)))
                .add(BigInteger.ONE);
        if (!inRange(i, k, s, p, d) || want.signum() < 1 || want.compareTo(big(Shapes.LIMIT)) > 0) {
            assertFalse(a.ok());
        } else {
            assertTrue(a.ok(), a.problem() == null ? "" : a.problem().english());
            assertEquals(want.intValueExact(), a.output());
        }
    }

    @Test
    void chainShapesNeverWrapAround() {
        for (int n = 0; n < 3_000; n++) chainCase(size(), size(), size(), size());
    }

    static void chainCase(int h, int c, int k, int f) {
        try {
            List<LayerTable.Row> r = Net.of(
                            new int[] {c, h, h},
                            List.of(
                                    LayerText.parse("conv:out=" + f + ",k=" + k, 2),
                                    LayerText.parse("flatten", 2),
                                    LayerText.parse("linear:out=" + f, 2)))
                    .table(1);
            for (LayerTable.Row x : r) {
                for (int d : x.shape()) assertTrue(d >= 1, "a positive size");
                assertTrue(x.parameters() >= 0, "a non-negative parameter count");
            }
            BigInteger features = big(f).multiply(big(h - k + 1L)).multiply(big(h - k + 1L));
            assertEquals(features.longValueExact(), r.get(1).shape()[1]);
        } catch (ComputeException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }
}
