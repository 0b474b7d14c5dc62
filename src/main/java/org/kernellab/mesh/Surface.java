package org.kernellab.mesh;

import java.util.Arrays;
import java.util.Random;

/**
 * Points sampled uniformly on a mesh's surface: a triangle is picked with a probability proportional to its area, then
 * a point uniformly inside it (barycentric coordinates with the square-root trick). With a seed, the same points.
 */
public final class Surface {
    private Surface() {}

    /** {@code n} points, x, y, z one after the other. A mesh of no area at all (every triangle flat) gives its vertices. */
    public static float[] sample(Mesh mesh, int n, long seed) {
        Random rnd = new Random(seed);
        int t = mesh.triangleCount();
        double[] cumulative = new double[t];
        double total = 0;
        for (int i = 0; i < t; i++) cumulative[i] = total += mesh.area(i);
        float[] v = mesh.vertices();
        int[] tri = mesh.triangles();
        float[] out = new float[3 * n];
        for (int k = 0; k < n; k++) {
            if (total == 0) {
                System.arraycopy(v, 3 * rnd.nextInt(mesh.vertexCount()), out, 3 * k, 3);
                continue;
            }
            int i = Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
            i = Math.min(t - 1, i < 0 ? -i - 1 : i);
            while (i > 0 && cumulative[i] == cumulative[i - 1]) i--; // never a triangle of no area
            double r1 = Math.sqrt(rnd.nextDouble()), r2 = rnd.nextDouble();
            double wa = 1 - r1, wb = r1 * (1 - r2), wc = r1 * r2;
            int a = 3 * tri[3 * i], b = 3 * tri[3 * i + 1], c = 3 * tri[3 * i + 2];
            for (int ax = 0; ax < 3; ax++) out[3 * k + ax] = (float) (wa * v[a + ax] + wb * v[b + ax] + wc * v[c + ax]);
        }
        return out;
    }
}
