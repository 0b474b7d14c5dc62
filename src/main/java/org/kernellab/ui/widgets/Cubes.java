package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/**
 * A grid of cubes as one triangle mesh (never a node per cube): only the faces between a filled cell and an empty one
 * are made, each coloured through a ramp from blue (0) to orange (255). Grid (x, y, z) with z up is drawn as screen
 * (x, −z, y), centred on the origin.
 */
public final class Cubes {
    /** The colour of cell (x, y, z) on the ramp, 0–255, or −1 for an empty cell. */
    @FunctionalInterface
    public interface Colour {
        int at(int x, int y, int z);
    }

    private static final int[][] DIRS = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};

    private Cubes() {}

    public static MeshView mesh(int nx, int ny, int nz, double cell, Colour colour) {
        TriangleMesh tm = new TriangleMesh();
        for (int h = 0; h < 256; h++) tm.getTexCoords().addAll((h + 0.5f) / 256f, 0.5f);
        List<Float> pts = new ArrayList<>();
        List<Integer> faces = new ArrayList<>();
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++) {
                    int c = colour.at(x, y, z);
                    if (c < 0) continue;
                    for (int[] d : DIRS) {
                        int ax = x + d[0], ay = y + d[1], az = z + d[2];
                        boolean open = ax < 0
                                || ay < 0
                                || az < 0
                                || ax >= nx
                                || ay >= ny
                                || az >= nz
                                || colour.at(ax, ay, az) < 0;
                        if (open) quad(pts, faces, new double[] {x, y, z}, d, cell, nx, ny, nz, c);
                    }
                }
            }
        }
        float[] p = new float[pts.size()];
        for (int i = 0; i < p.length; i++) p[i] = pts.get(i);
        tm.getPoints().setAll(p);
        tm.getFaces().setAll(faces.stream().mapToInt(Integer::intValue).toArray());
        MeshView view = new MeshView(tm);
        PhongMaterial m = new PhongMaterial();
        m.setDiffuseMap(RAMP);
        view.setMaterial(m);
        return view;
    }

    /** The screen position of grid corner (x, y, z) of an nx × ny × nz grid of cells of side {@code cell}. */
    public static double[] screen(double x, double y, double z, int nx, int ny, int nz, double cell) {
        return new double[] {(x - nx / 2.0) * cell, -(z - nz / 2.0) * cell, (y - ny / 2.0) * cell};
    }

    /** One face of cell c facing direction d: four corners, two triangles. */
    private static void quad(
            List<Float> pts,
            List<Integer> faces,
            double[] c,
            int[] d,
            double cell,
            int nx,
            int ny,
            int nz,
            int colour) {
        int base = pts.size() / 3;
        int axis = d[0] != 0 ? 0 : d[1] != 0 ? 1 : 2, u = (axis + 1) % 3, w = (axis + 2) % 3;
        for (int k = 0; k < 4; k++) {
            double[] q = c.clone();
            q[axis] += d[axis] > 0 ? 1 : 0;
            q[u] += (k == 1 || k == 2) ? 1 : 0;
            q[w] += (k >= 2) ? 1 : 0;
            for (double v : screen(q[0], q[1], q[2], nx, ny, nz, cell)) pts.add((float) v);
        }
        int[] order = d[axis] > 0 ? new int[] {0, 1, 2, 0, 2, 3} : new int[] {0, 2, 1, 0, 3, 2};
        for (int k : order) {
            faces.add(base + k);
            faces.add(colour);
        }
    }

    /** Blue (low) through green to orange (high), 256 texels. */
    private static final WritableImage RAMP = new WritableImage(256, 1);

    static {
        for (int i = 0; i < 256; i++) RAMP.getPixelWriter().setColor(i, 0, Color.hsb(230 - 200 * i / 255.0, 0.75, 0.9));
    }
}
