package org.kernellab.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A mesh under construction from parts: boxes and cylinders, with faces kept as the polygons an OFF file writes. */
final class Shapes3d {
    final List<float[]> vertices = new ArrayList<>();
    final List<int[]> faces = new ArrayList<>();
    /** Where each part's faces start, so that one can be left out. */
    private final List<Integer> partStarts = new ArrayList<>();

    private int vertex(double x, double y, double z) {
        vertices.add(new float[] {(float) x, (float) y, (float) z});
        return vertices.size() - 1;
    }

    /** A box centred on (x, y) whose bottom is at z, of sides sx, sy, sz: six four-sided faces. */
    Shapes3d box(double x, double y, double z, double sx, double sy, double sz) {
        partStarts.add(faces.size());
        int[] v = new int[8];
        for (int i = 0; i < 8; i++)
            v[i] = vertex(
                    x + ((i & 1) == 0 ? -sx : sx) / 2, y + ((i & 2) == 0 ? -sy : sy) / 2, z + ((i & 4) == 0 ? 0 : sz));
        int[][] quads = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        for (int[] q : quads) faces.add(new int[] {v[q[0]], v[q[1]], v[q[2]], v[q[3]]});
        return this;
    }

    /** A cylinder standing on z, of radius r and height h, with {@code sides} sides: two polygons and the side quads. */
    Shapes3d cylinder(double x, double y, double z, double r, double h, int sides) {
        partStarts.add(faces.size());
        int[] bottom = new int[sides], top = new int[sides];
        for (int i = 0; i < sides; i++) {
            double a = 2 * Math.PI * i / sides;
            bottom[i] = vertex(x + r * Math.cos(a), y + r * Math.sin(a), z);
            top[i] = vertex(x + r * Math.cos(a), y + r * Math.sin(a), z + h);
        }
        int[] down = new int[sides];
        for (int i = 0; i < sides; i++) down[i] = bottom[sides - 1 - i];
        faces.add(down);
        faces.add(top);
        for (int i = 0; i < sides; i++) {
            int j = (i + 1) % sides;
            faces.add(new int[] {bottom[i], bottom[j], top[j], top[i]});
        }
        return this;
    }

    int parts() {
        return partStarts.size();
    }

    /** Leaves part p out (a chair that lost its back, a table with a leg missing): real objects vary like that. */
    void drop(int p) {
        int from = partStarts.get(p), to = p + 1 < partStarts.size() ? partStarts.get(p + 1) : faces.size();
        faces.subList(from, to).clear();
        partStarts.remove(p);
        for (int i = p; i < partStarts.size(); i++) partStarts.set(i, partStarts.get(i) - (to - from));
    }

    /** Turned by {@code angle} about the vertical axis, every vertex moved by up to {@code noise}, as a {@link Mesh}. */
    Mesh build(double angle, double noise, Random rnd) {
        float[] v = new float[vertices.size() * 3];
        double c = Math.cos(angle), s = Math.sin(angle);
        for (int i = 0; i < vertices.size(); i++) {
            float[] p = vertices.get(i);
            v[3 * i] = (float) (c * p[0] - s * p[1] + noise * rnd.nextGaussian());
            v[3 * i + 1] = (float) (s * p[0] + c * p[1] + noise * rnd.nextGaussian());
            v[3 * i + 2] = (float) (p[2] + noise * rnd.nextGaussian());
        }
        int triangles = 0;
        for (int[] f : faces) triangles += f.length - 2;
        int[] t = new int[3 * triangles];
        int k = 0;
        for (int[] f : faces) {
            for (int j = 1; j + 1 < f.length; j++) {
                t[k++] = f[0];
                t[k++] = f[j];
                t[k++] = f[j + 1];
            }
        }
        return new Mesh(v, t, faces.size());
    }
}
