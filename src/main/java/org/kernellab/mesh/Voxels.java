package org.kernellab.mesh;

/**
 * An occupancy grid of {@code size}³ cells, [x][y][z] in that order: a cell is 1 when a point falls in it.
 *
 * @param cells {@code size³} values, 0 or 1, x slowest and z fastest
 */
public record Voxels(int size, byte[] cells, int occupied) {
    public static final int MIN_GRID = 8, MAX_GRID = 64;

    /** How points are fitted to the grid. */
    public enum Fit {
        /** The course's: each axis stretched on its own to fill the grid, so a flat table becomes a cube. */
        STRETCH,
        /** One scale for all axes (the longest side fills the grid), centred: shapes keep their proportions. */
        KEEP_ASPECT
    }

    public boolean get(int x, int y, int z) {
        return cells[(x * size + y) * size + z] != 0;
    }

    /**
     * The course's voxeliser, {@code ⌊(p − min) / (max − min) · size⌋} clipped to {@code 0..size−1} per axis; an axis
     * with no extent (a flat object: max = min, where the course divides by zero) puts its points in the middle.
     */
    public static Voxels of(float[] points, int size, Fit fit) {
        if (size < MIN_GRID || size > MAX_GRID)
            throw new IllegalArgumentException("grid " + size + " outside " + MIN_GRID + ".." + MAX_GRID);
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE},
                max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < points.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], points[i + a]);
                max[a] = Math.max(max[a], points[i + a]);
            }
        }
        double[] scale = new double[3], offset = new double[3];
        double longest = 0;
        for (int a = 0; a < 3; a++) longest = Math.max(longest, (double) max[a] - min[a]);
        for (int a = 0; a < 3; a++) {
            double extent = (double) max[a] - min[a];
            if (fit == Fit.STRETCH) {
                scale[a] = extent > 0 ? size / extent : 0;
                offset[a] = extent > 0 ? 0 : size / 2.0;
            } else {
                scale[a] = longest > 0 ? size / longest : 0;
                offset[a] = (size - extent * scale[a]) / 2; // centred along the shorter sides
            }
        }
        byte[] cells = new byte[size * size * size];
        int occupied = 0;
        for (int i = 0; i < points.length; i += 3) {
            int[] c = new int[3];
            for (int a = 0; a < 3; a++) {
                c[a] = (int) Math.floor((points[i + a] - min[a]) * scale[a] + offset[a]);
                c[a] = Math.max(0, Math.min(size - 1, c[a]));
            }
            int at = (c[0] * size + c[1]) * size + c[2];
            if (cells[at] == 0) {
                cells[at] = 1;
                occupied++;
            }
        }
        return new Voxels(size, cells, occupied);
    }
}
