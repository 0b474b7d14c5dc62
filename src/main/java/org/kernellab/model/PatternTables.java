package org.kernellab.model;

import java.util.Arrays;

/**
 * A {@link VoxelBlock}'s tables for a k×k×k kernel on 0/1 grids: each kernel plane's k rows of k taps split into groups
 * of at most 10 bits, one table per group, holding for every pattern of its taps the sum of their weights per filter.
 * A cell's value is then one row of each table added; its gradient goes back the same way.
 */
final class PatternTables {
    private static final int TABLE_BITS = 10;
    private final int k, filters;
    /** Kernel rows per table, tables per kernel plane, tables in all. */
    final int rowsPerTable, groups, terms;
    /** What a table a small kernel does not have adds. */
    final float[] zero;
    /** Per table, each pattern's weights summed (the first table also holds the bias); rebuilt from the weights per batch. */
    float[][][] sums;

    PatternTables(int k, int filters) {
        this.k = k;
        this.filters = filters;
        this.rowsPerTable = Math.max(1, Math.min(k, TABLE_BITS / k));
        this.groups = (k + rowsPerTable - 1) / rowsPerTable;
        this.terms = k * groups;
        this.zero = new float[filters];
    }

    /** The kernel rows table {@code table} covers. */
    int rowsIn(int table) {
        return Math.min(rowsPerTable, k - table % groups * rowsPerTable);
    }

    /** The kernel tap (kd, kh, kw as one index) that bit {@code bit} of table {@code table}'s patterns stands for. */
    private int tap(int table, int bit) {
        int kd = table / groups, kh = table % groups * rowsPerTable + bit / k;
        return (kd * k + kh) * k + bit % k;
    }

    /** How many patterns table {@code table} holds: one per set of its taps. */
    int patterns(int table) {
        return 1 << rowsIn(table) * k;
    }

    /** Tables the sums of every pattern's weights, for the batches that follow (until the weights change). */
    void prepare(float[] weights) {
        float[][][] made = new float[terms][][];
        for (int t = 0; t < terms; t++) {
            float[][] table = made[t] = new float[patterns(t)][];
            table[0] = t == 0 ? Arrays.copyOfRange(weights, k * k * k * filters, (k * k * k + 1) * filters) : zero;
            // a pattern's sum: the pattern without its lowest bit, plus that tap
            for (int e = 1; e < table.length; e++) {
                float[] rest = table[e & (e - 1)], sum = table[e] = new float[filters];
                int at = tap(t, Integer.numberOfTrailingZeros(e)) * filters;
                for (int f = 0; f < filters; f++) sum[f] = rest[f] + weights[at + f];
            }
        }
        sums = made;
    }

    /** A cell's value into {@code v} from {@code to}: the table rows of its patterns ({@code pat} from {@code at}) added. */
    void sum(float[] v, int to, int[] pat, int at) {
        float[] a = sums[0][pat[at]],
                b = terms > 1 ? sums[1][pat[at + 1]] : zero,
                c = terms > 2 ? sums[2][pat[at + 2]] : zero;
        for (int f = 0; f < filters; f++) v[to + f] = a[f] + b[f] + c[f];
        for (int t = 3; t < terms; t += 3) { // always in the same order, so that a sum is exactly repeatable
            a = sums[t][pat[at + t]];
            b = t + 1 < terms ? sums[t + 1][pat[at + t + 1]] : zero;
            c = t + 2 < terms ? sums[t + 2][pat[at + t + 2]] : zero;
            for (int f = 0; f < filters; f++) v[to + f] += a[f] + b[f] + c[f];
        }
    }

    /**
     * The weight and bias gradients in the layout of {@link #prepare}'s weights, from the gradient of each table's
     * pattern sums and the bias's.
     */
    float[] gradients(float[][][] patternGradients, float[] bias) {
        // a tap's gradient is the sum over the patterns that hold it
        int taps = k * k * k;
        float[] sum = new float[(taps + 1) * filters];
        for (int t = 0; t < terms; t++) {
            float[][] table = patternGradients[t];
            for (int e = 1; e < table.length; e++) {
                for (int bits = e; bits != 0; bits &= bits - 1) {
                    int at = tap(t, Integer.numberOfTrailingZeros(bits)) * filters;
                    for (int f = 0; f < filters; f++) sum[at + f] += table[e][f];
                }
            }
        }
        System.arraycopy(bias, 0, sum, taps * filters, filters);
        return sum;
    }
}
