package org.kernellab.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;

/** Surface sampling in proportion to area, the course's voxeliser and the aspect-keeping one, and the generated objects. */
class VoxelsTest {
    @Test
    void theCoursesVoxeliserByHand() {
        // x from 0 to 4, y from 0 to 2, z from 0 to 1: each axis stretched to the 8-cell grid
        float[] pts = {0, 0, 0, 4, 2, 1, 2, 1, 0.5f, 1, 0.5f, 0.25f};
        Voxels v = Voxels.of(pts, 8, Voxels.Fit.STRETCH);
        assertTrue(v.get(0, 0, 0));
        assertTrue(v.get(7, 7, 7), "max lands on 8 and is clipped to 7");
        assertTrue(v.get(4, 4, 4));
        assertTrue(v.get(2, 2, 2));
        assertEquals(4, v.occupied());
        Voxels kept = Voxels.of(pts, 8, Voxels.Fit.KEEP_ASPECT);
        // one scale, 8 / 4 = 2 cells per unit; y spans 4 cells centred (offset 2), z spans 2 (offset 3)
        assertTrue(kept.get(0, 2, 3));
        assertTrue(kept.get(7, 6, 5), "x clipped to 7; y 2·2 + 2 = 6; z 1·2 + 3 = 5");
        assertTrue(kept.get(4, 4, 4));
    }

    @Test
    void aFlatObjectDoesNotDivideByZero() {
        float[] flat = {0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1}; // every z = 1: the course's formula divides by zero here
        Voxels v = Voxels.of(flat, 8, Voxels.Fit.STRETCH);
        assertEquals(4, v.occupied());
        for (int x : new int[] {0, 7})
            for (int y : new int[] {0, 7}) assertTrue(v.get(x, y, 4), "in the middle of the flat axis");
        Voxels kept = Voxels.of(flat, 8, Voxels.Fit.KEEP_ASPECT);
        assertTrue(kept.get(0, 0, 4) && kept.get(7, 7, 4));
    }

    @Test
    void samplingFollowsTheArea() {
        // two triangles, of areas 0.5 and 1.5: a quarter of the points must fall on the first
        Mesh m = new Mesh(
                new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 10, 0, 0, 13, 0, 0, 10, 1, 0}, new int[] {0, 1, 2, 3, 4, 5}, 2);
        float[] p = Surface.sample(m, 20_000, 42);
        int first = 0;
        for (int i = 0; i < p.length; i += 3) {
            assertEquals(0, p[i + 2], 0f);
            if (p[i] < 5) {
                first++;
                assertTrue(p[i] + p[i + 1] <= 1.0001f, "inside the triangle");
            }
        }
        // binomial: sd = sqrt(20000 · 0.25 · 0.75) ≈ 61; 4 sd either side
        assertEquals(5000, first, 245);
        float[] again = Surface.sample(m, 20_000, 42);
        assertTrue(Arrays.equals(p, again), "the same seed, the same points");
        Mesh noArea = new Mesh(new float[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 1, 2}, 1);
        assertEquals(30, Surface.sample(noArea, 10, 1).length, "a degenerate mesh still gives points (its vertices)");
    }

    @Test
    void generatedObjectsAreDeterministicReadableAndDiffer(@TempDir Path dir) throws DataException, IOException {
        assertEquals(30, ModelNetLike.write(dir, 2, 5), "2 training and 1 test object for each of 10 classes");
        for (String c : ModelNetLike.CLASSES) {
            Mesh m = MeshFiles.read(dir.resolve(c).resolve("train").resolve(c + "_0001.off"));
            Voxels v = Voxels.of(Surface.sample(m, 2048, 1), 24, Voxels.Fit.STRETCH);
            assertTrue(v.occupied() > 200, c + " fills part of the grid: " + v.occupied());
        }
        assertTrue(
                Arrays.equals(
                        ModelNetLike.make(2, 5, 0).vertices(),
                        ModelNetLike.make(2, 5, 0).vertices()),
                "same seed, same chair");
        assertTrue(
                !Arrays.equals(
                        ModelNetLike.make(2, 5, 0).vertices(),
                        ModelNetLike.make(2, 5, 1).vertices()),
                "another chair");
        try (var files = Files.walk(dir)) {
            assertEquals(30, files.filter(f -> f.toString().endsWith(".off")).count());
        }
    }

    @Test
    void aTrianglesAreaByHeronsFormula() {
        // a triangle in no axis plane: its sides from the coordinates, its area by Heron, not by the cross product
        float[] v = {1, 2, 3, 4, -1, 5, -2, 0.5f, 7};
        Mesh m = new Mesh(v, new int[] {0, 1, 2}, 1);
        double a = dist(v, 0, 1), b = dist(v, 1, 2), c = dist(v, 2, 0), s = (a + b + c) / 2;
        assertEquals(Math.sqrt(s * (s - a) * (s - b) * (s - c)), m.area(0), 1e-9);
        assertArrayEquals(new float[] {-2, -1, 3, 4, 2, 7}, m.bounds(), 0f);
    }

    private static double dist(float[] v, int i, int j) {
        double s = 0;
        for (int a = 0; a < 3; a++) s += Math.pow(v[3 * i + a] - v[3 * j + a], 2);
        return Math.sqrt(s);
    }

    @Test
    void gridsFrom8To64AndOnlyThoseCellsFilled() {
        float[] two = {0, 0, 0, 1, 1, 1};
        for (int size : new int[] {Voxels.MIN_GRID, Voxels.MAX_GRID}) {
            Voxels v = Voxels.of(two, size, Voxels.Fit.STRETCH);
            assertEquals(2, v.occupied());
            assertTrue(v.get(0, 0, 0) && v.get(size - 1, size - 1, size - 1));
            assertFalse(v.get(1, 0, 0) || v.get(0, 0, 1) || v.get(size / 2, size / 2, size / 2));
        }
        for (int size : new int[] {Voxels.MIN_GRID - 1, Voxels.MAX_GRID + 1})
            assertThrows(IllegalArgumentException.class, () -> Voxels.of(two, size, Voxels.Fit.STRETCH));
    }
}
