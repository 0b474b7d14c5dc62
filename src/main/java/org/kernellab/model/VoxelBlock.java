package org.kernellab.model;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The first block of a 3D net (convolution, an optional 2×2×2 max pooling, ReLU) on occupancy grids. A grid holds only
 * 0 and 1, so a convolution's output is its bias plus the weights of the taps that read a 1: for a 3×3×3 kernel, the 9
 * taps of one kernel plane see one of 2⁹ patterns, and the sum of each pattern's weights is tabled once per batch. An
 * output cell is then three table rows added, and a cell whose window holds no 1 (most of a grid) is the bias alone.
 * ND4J's conv3d has no such shortcut for one input channel: its backward pass cost 17 ms per batch of 32, more than the
 * rest of the net together. The tests hold this against ND4J's conv3d and maxpool3d and against finite differences.
 *
 * <p>Grids are read as one 64-bit mask per row along the last axis (grids are at most 64 wide). Only the output cells
 * the next layer reads are computed ({@code side} per axis), so a pooling that drops a last odd row drops its work too.
 * Larger kernels split a plane's rows into groups of at most 10 bits, one table each ({@link PatternTables}).
 */
final class VoxelBlock {
    private final int grid, k, stride, pad, filters, pool, side, convSide, cells, children;
    /** The tables' kernel rows per table, tables per kernel plane and tables in all, for the loops that read patterns. */
    private final int rowsPerTable, groups, terms;
    /** Input rows (per axis) and bits along a row that one pooled cell's children read. */
    private final int spanSide;

    private final long windowMask, spanMask;
    private final PatternTables tables;

    /**
     * @param side the pooled (or, without pooling, convolved) cells per axis to compute: at most the block's full output
     */
    VoxelBlock(int grid, int filters, int kernel, int stride, int padding, boolean pooled, int side) {
        if (grid > 64) throw new IllegalArgumentException("grids up to 64 wide, not " + grid);
        this.grid = grid;
        this.k = kernel;
        this.stride = stride;
        this.pad = padding;
        this.filters = filters;
        this.pool = pooled ? 2 : 1;
        this.side = side;
        this.convSide = side * pool;
        this.cells = side * side * side * filters;
        this.children = pool * pool * pool;
        this.tables = new PatternTables(kernel, filters);
        this.rowsPerTable = tables.rowsPerTable;
        this.groups = tables.groups;
        this.terms = tables.terms;
        this.spanSide = (pool - 1) * stride + k;
        this.windowMask = (1L << k) - 1;
        this.spanMask = (1L << spanSide) - 1;
    }

    /** Values per grid in the output ({@code side³ × filters}, NDHWC). */
    int outputSize() {
        return cells;
    }

    /** One thread's scratch space, reused from batch to batch. */
    final class Work {
        /** The bits a pooled cell's children read, one row of the input at a time. */
        final long[] span = new long[spanSide * spanSide];
        /** The patterns of the span's row groups, per plane, first row and shift along the row (children share them). */
        final int[] planes = new int[spanSide * pool * groups * pool];

        final float[] best = new float[filters],
                value = new float[filters],
                db = new float[filters],
                gradient = new float[cells];
        final int[] winner = new int[filters];
        /** Per table, the gradient of each pattern's sum. */
        final float[][][] gradientTables = new float[terms][][];

        Work() {
            for (int t = 0; t < terms; t++) gradientTables[t] = new float[tables.patterns(t)][filters];
        }
    }

    /**
     * What the forward pass keeps of one grid for the backward pass: its row masks and active cells, the pooled cells
     * some child of which saw a 1, with their children's table patterns, and which child won each filter's maximum.
     */
    final class Grid {
        final long[] rows = new long[grid * grid], active = new long[convSide * convSide];
        final byte[] winners = new byte[cells];
        int[] reached = new int[256], patterns = new int[256 * children * terms];
        int count;

        /** Room for one more reached cell's patterns; returns where they go. */
        int add(int cell) {
            if (count == reached.length) {
                reached = Arrays.copyOf(reached, 2 * count);
                patterns = Arrays.copyOf(patterns, 2 * count * children * terms);
            }
            reached[count] = cell;
            return count++ * children * terms;
        }
    }

    /** The arrays of a batch (or of a thread's share of one) of up to {@code capacity} grids, reused while it fits. */
    final class Batch {
        final int capacity;
        final float[] out;
        final Grid[] grids;
        final Work work = new Work();
        int n;

        Batch(int capacity) {
            this.capacity = capacity;
            out = new float[capacity * cells];
            grids = new Grid[capacity];
            for (int i = 0; i < capacity; i++) grids[i] = new Grid();
        }
    }

    /** Tables the sums of every pattern's weights, for the batches that follow (until the weights change). */
    void prepare(float[] weights) {
        tables.prepare(weights);
    }

    /**
     * Convolves, pools and rectifies grids {@code index[from..from+n)} of {@code voxels} with the {@link #prepare}d
     * weights, into {@code b.out} and into {@code dst} (the next layer's input, NDHWC).
     */
    void forward(Batch b, int n, byte[] voxels, int[] index, int from, FloatBuffer dst) {
        b.n = n;
        for (int i = 0; i < n; i++) {
            occupancy(b.grids[i], voxels, index[from + i] * grid * grid * grid);
            forwardGrid(b.work, b.grids[i], b.out, i * cells);
        }
        dst.put(0, b.out, 0, n * cells);
    }

    /** Row masks of one grid, and per conv row the cells whose window holds an occupied cell. */
    private void occupancy(Grid g, byte[] voxels, int src) {
        for (int r = 0, at = src; r < grid * grid; r++, at += grid) {
            long bits = 0;
            for (int z = 0; z < grid; z++) bits |= (long) (voxels[at + z] & 1) << z;
            g.rows[r] = bits;
        }
        long cellsMask = convSide == 64 ? -1L : (1L << convSide) - 1;
        for (int d = 0; d < convSide; d++) {
            for (int h = 0; h < convSide; h++) {
                long any = 0;
                for (int kd = 0; kd < k; kd++) {
                    for (int kh = 0; kh < k; kh++) any |= row(g, d * stride + kd - pad, h * stride + kh - pad);
                }
                long reached = 0;
                if (stride == 1) { // cell x reads bits x − pad .. x − pad + k − 1
                    for (int kw = 0; kw < k; kw++) reached |= from(any, kw - pad);
                } else {
                    for (int x = 0; any != 0 && x < convSide; x++)
                        if (window(any, x * stride - pad) != 0) reached |= 1L << x;
                }
                g.active[d * convSide + h] = reached & cellsMask;
            }
        }
    }

    private long row(Grid g, int x, int y) {
        return x < 0 || y < 0 || x >= grid || y >= grid ? 0 : g.rows[x * grid + y];
    }

    /** Bits {@code z0 .. z0+k−1} of a row (positions outside the grid read 0). */
    private long window(long row, int z0) {
        return from(row, z0) & windowMask;
    }

    /** A row's bits from {@code z0} on, as bit 0 up (positions outside the grid read 0). */
    private static long from(long row, int z0) {
        return z0 >= 0 ? (z0 >= 64 ? 0 : row >>> z0) : (-z0 >= 64 ? 0 : row << -z0);
    }

    private boolean anyActive(Grid g, int qd, int qh, int qw) {
        long childMask = pool == 2 ? 3L : 1L;
        for (int cd = 0; cd < pool; cd++) {
            for (int ch = 0; ch < pool; ch++) {
                if ((g.active[(qd * pool + cd) * convSide + qh * pool + ch] >>> (qw * pool) & childMask) != 0)
                    return true;
            }
        }
        return false;
    }

    /** Pooled cell (qd, qh, qw)'s children's table patterns into {@code pat} from {@code at}, child after child. */
    private void patterns(Work w, Grid g, int qd, int qh, int qw, int[] pat, int at) {
        int x0 = qd * pool * stride - pad, y0 = qh * pool * stride - pad, z0 = qw * pool * stride - pad;
        for (int i = 0; i < spanSide; i++) {
            for (int j = 0; j < spanSide; j++) w.span[i * spanSide + j] = from(row(g, x0 + i, y0 + j), z0) & spanMask;
        }
        // each input plane's row groups, for each first row and shift a child reads them from
        for (int x = 0, e = 0; x < spanSide; x++) {
            for (int ch = 0; ch < pool; ch++) {
                for (int j = 0; j < groups; j++) {
                    int first = x * spanSide + ch * stride + j * rowsPerTable, rows = tables.rowsIn(j);
                    for (int cw = 0; cw < pool; cw++, e++) {
                        int bits = 0;
                        for (int r = 0; r < rows; r++)
                            bits |= (int) (w.span[first + r] >>> (cw * stride) & windowMask) << (r * k);
                        w.planes[e] = bits;
                    }
                }
            }
        }
        for (int c = 0; c < children; c++, at += terms) {
            int cd = (c >> 2) % 2 * (pool - 1), ch = (c >> 1) % 2 * (pool - 1), cw = c % 2 * (pool - 1);
            if ((g.active[(qd * pool + cd) * convSide + qh * pool + ch] >>> (qw * pool + cw) & 1) == 0) {
                Arrays.fill(pat, at, at + terms, 0);
                continue;
            }
            for (int t = 0; t < terms; t++)
                pat[at + t] = w.planes[(((cd * stride + t / groups) * pool + ch) * groups + t % groups) * pool + cw];
        }
    }

    private void forwardGrid(Work w, Grid g, float[] out, int base) {
        float[][][] sums = tables.sums;
        float[] zero = tables.zero, bias = sums[0][0];
        g.count = 0;
        for (int qd = 0, o = 0; qd < side; qd++) {
            for (int qh = 0; qh < side; qh++) {
                for (int qw = 0; qw < side; qw++, o += filters) {
                    if (!anyActive(g, qd, qh, qw)) { // every child is the bias alone
                        for (int f = 0; f < filters; f++) out[base + o + f] = Math.max(bias[f], 0f);
                        continue;
                    }
                    int at = g.add(o);
                    patterns(w, g, qd, qh, qw, g.patterns, at);
                    tables.sum(w.best, 0, g.patterns, at);
                    Arrays.fill(w.winner, 0);
                    for (int c = 1; c < children; c++) {
                        int p = at + c * terms;
                        float[] t0 = sums[0][g.patterns[p]], t1 = terms > 1 ? sums[1][g.patterns[p + 1]] : zero;
                        float[] t2 = terms > 2 ? sums[2][g.patterns[p + 2]] : zero;
                        if (terms > 3) tables.sum(w.value, 0, g.patterns, p);
                        for (int f = 0; f < filters; f++) {
                            // strictly greater (ties go to the first child, as in ND4J and PyTorch), without a branch
                            // to
                            // mispredict: the sign of best − value is 1 exactly when value > best (x − x is +0)
                            float best = w.best[f], value = terms > 3 ? w.value[f] : t0[f] + t1[f] + t2[f];
                            w.winner[f] ^= (w.winner[f] ^ c) & -(Float.floatToRawIntBits(best - value) >>> 31);
                            w.best[f] = Math.max(best, value);
                        }
                    }
                    for (int f = 0; f < filters; f++) {
                        out[base + o + f] = Math.max(w.best[f], 0f);
                        g.winners[o + f] = (byte) w.winner[f];
                    }
                }
            }
        }
    }

    /**
     * The block's weight and bias gradients from the gradient of its output ({@code src}, NDHWC), for the grids of the
     * batch's last forward pass, into {@code grads} in the layout of {@link #prepare}'s weights.
     */
    void backward(Batch b, FloatBuffer src, FloatBuffer grads) {
        Work w = b.work;
        for (float[][] table : w.gradientTables) for (float[] row : table) Arrays.fill(row, 0f);
        Arrays.fill(w.db, 0f);
        for (int i = 0; i < b.n; i++) {
            src.get(i * cells, w.gradient, 0, cells);
            backwardGrid(w, b.grids[i], b.out, i * cells);
        }
        grads.put(0, tables.gradients(w.gradientTables, w.db));
    }

    private void backwardGrid(Work w, Grid grid, float[] out, int base) {
        float[] g = w.gradient;
        for (int o = 0; o < cells; o += filters) {
            for (int f = 0; f < filters; f++) {
                if (out[base + o + f] <= 0) g[o + f] = 0f; // ReLU passes no gradient where it cut
                w.db[f] += g[o + f];
            }
        }
        // only the reached cells' winners saw a 1: each filter's gradient goes to its winner's patterns
        for (int j = 0; j < grid.count; j++) {
            int o = grid.reached[j], at = j * children * terms;
            for (int f = 0; f < filters; f++) {
                float gf = g[o + f];
                if (gf == 0) continue;
                for (int t = 0, p = at + grid.winners[o + f] * terms; t < terms; t++, p++) {
                    if (grid.patterns[p] != 0) w.gradientTables[t][grid.patterns[p]][f] += gf;
                }
            }
        }
    }
}
