package org.kernellab.ui.voxels;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import org.fxyz3d.geometry.Point3D;
import org.fxyz3d.shapes.primitives.ScatterMesh;
import org.kernellab.mesh.Mesh;
import org.kernellab.mesh.Voxels;

/**
 * The three views of an object as JavaFX 3D nodes, each one mesh (never a node per point or per voxel), fitted to a
 * cube of side {@link #SIDE} centred on the origin. ModelNet's z axis is up; JavaFX's y axis points down.
 */
final class Scene3d {
    static final double SIDE = 200;

    private Scene3d() {}

    /** The mesh's triangles, in one colour. */
    static MeshView mesh(Mesh m, Color colour) {
        float[] b = m.bounds();
        TriangleMesh tm = new TriangleMesh();
        float[] v = m.vertices();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i += 3) put(out, i, v[i], v[i + 1], v[i + 2], b);
        tm.getPoints().setAll(out);
        tm.getTexCoords().setAll(0, 0);
        int[] t = m.triangles();
        int[] faces = new int[t.length * 2];
        for (int i = 0; i < t.length; i++) faces[2 * i] = t[i];
        tm.getFaces().setAll(faces);
        MeshView view = new MeshView(tm);
        view.setMaterial(new PhongMaterial(colour));
        view.setCullFace(javafx.scene.shape.CullFace.NONE); // the generated and ModelNet meshes do not agree on winding
        return view;
    }

    /** The sampled points as one scatter mesh (FXyz3D), coloured by height. */
    static ScatterMesh points(float[] p, float[] bounds) {
        List<Point3D> data = new ArrayList<>(p.length / 3);
        float[] xyz = new float[3];
        for (int i = 0; i < p.length; i += 3) {
            put(xyz, 0, p[i], p[i + 1], p[i + 2], bounds);
            data.add(new Point3D(xyz[0], xyz[1], xyz[2]));
        }
        ScatterMesh s = new ScatterMesh(data, true, SIDE / 90, 0);
        s.setTextureModeVertices3D(256, q -> -q.y); // up is −y on screen: higher points, warmer colours
        return s;
    }

    /**
     * The occupied voxels of the lowest {@code layers} layers as one triangle mesh, only the faces between a voxel and an
     * empty cell (the inside is never drawn), coloured by height through a colour ramp.
     */
    static MeshView voxels(Voxels v, int layers) {
        int n = v.size();
        double cell = SIDE / n;
        TriangleMesh tm = new TriangleMesh();
        for (int h = 0; h < 256; h++) tm.getTexCoords().addAll((h + 0.5f) / 256f, 0.5f);
        List<Float> pts = new ArrayList<>();
        List<Integer> faces = new ArrayList<>();
        int[][] dirs = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < Math.min(n, layers); z++) {
                    if (!v.get(x, y, z)) continue;
                    int colour = (int) (255.0 * z / Math.max(1, n - 1));
                    for (int[] d : dirs) {
                        int nx = x + d[0], ny = y + d[1], nz = z + d[2];
                        boolean open = nx < 0 || ny < 0 || nz < 0 || nx >= n || ny >= n || nz >= Math.min(n, layers) || !v.get(nx, ny, nz);
                        if (open) quad(pts, faces, x, y, z, d, cell, n, colour);
                    }
                }
            }
        }
        float[] p = new float[pts.size()];
        for (int i = 0; i < p.length; i++) p[i] = pts.get(i);
        int[] f = faces.stream().mapToInt(Integer::intValue).toArray();
        tm.getPoints().setAll(p);
        tm.getFaces().setAll(f);
        MeshView view = new MeshView(tm);
        PhongMaterial m = new PhongMaterial();
        m.setDiffuseMap(ramp());
        view.setMaterial(m);
        return view;
    }

    /** One face of voxel (x, y, z) facing direction d: four corners, two triangles. */
    private static void quad(List<Float> pts, List<Integer> faces, int x, int y, int z, int[] d, double cell, int n, int colour) {
        int base = pts.size() / 3;
        int axis = d[0] != 0 ? 0 : d[1] != 0 ? 1 : 2;
        int u = (axis + 1) % 3, w = (axis + 2) % 3;
        double[] c = {x, y, z};
        for (int k = 0; k < 4; k++) {
            double[] q = c.clone();
            q[axis] += d[axis] > 0 ? 1 : 0;
            q[u] += (k == 1 || k == 2) ? 1 : 0;
            q[w] += (k >= 2) ? 1 : 0;
            // grid (x, y, z up) to screen (x, −z, y), centred
            pts.add((float) ((q[0] - n / 2.0) * cell));
            pts.add((float) (-(q[2] - n / 2.0) * cell));
            pts.add((float) ((q[1] - n / 2.0) * cell));
        }
        int[] order = d[axis] > 0 ? new int[] {0, 1, 2, 0, 2, 3} : new int[] {0, 2, 1, 0, 3, 2};
        for (int k : order) {
            faces.add(base + k);
            faces.add(colour);
        }
    }

    /** Blue (low) through green to orange (high): the height colours, as a texture of 256 texels. */
    private static WritableImage ramp() {
        WritableImage img = new WritableImage(256, 1);
        for (int i = 0; i < 256; i++) img.getPixelWriter().setColor(i, 0, Color.hsb(230 - 200 * i / 255.0, 0.75, 0.9));
        return img;
    }

    /** Point (x, y, z) of a ModelNet object to screen space, fitted to the cube by its bounds. */
    private static void put(float[] out, int at, float x, float y, float z, float[] b) {
        double longest = Math.max(1e-9, Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2])));
        double s = SIDE / longest;
        out[at] = (float) ((x - (b[0] + b[3]) / 2) * s);
        out[at + 1] = (float) (-(z - (b[2] + b[5]) / 2) * s);
        out[at + 2] = (float) ((y - (b[1] + b[4]) / 2) * s);
    }
}
