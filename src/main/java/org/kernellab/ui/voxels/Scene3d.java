package org.kernellab.ui.voxels;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import org.fxyz3d.geometry.Point3D;
import org.fxyz3d.shapes.primitives.ScatterMesh;
import org.kernellab.mesh.Mesh;
import org.kernellab.mesh.Voxels;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.widgets.Cubes;
import org.kernellab.ui.widgets.HeatMap;

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
        view.setCullFace(CullFace.NONE); // the generated and ModelNet meshes do not agree on winding
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
     * The occupied voxels of the lowest {@code layers} layers (only the faces that can be seen), coloured by height, or
     * by a map over the grid (Grad-CAM: blue where it is 0, orange at its largest) when {@code map} is not null.
     */
    static MeshView voxels(Voxels v, int layers, float[] map) {
        int n = v.size(), top = Math.min(n, layers);
        float max = 1e-12f;
        if (map != null) for (float m : map) max = Math.max(max, m);
        float range = max;
        return Cubes.mesh(n, n, n, SIDE / n, (x, y, z) -> {
            if (z >= top || !v.get(x, y, z)) return -1;
            return map == null
                    ? (int) (255.0 * z / Math.max(1, n - 1))
                    : (int) (255.0 * Math.max(0, map[(x * n + y) * n + z]) / range);
        });
    }

    /** Where the system has no 3D: the lowest {@code layers} layers of voxels as grey slices, one map each. */
    static List<Node> slices(Voxels v, int layers, I18n i18n, ObservableValue<Theme.Palette> palette) {
        List<Node> out = new ArrayList<>();
        int n = v.size();
        for (int z = 0; z < Math.min(n, layers); z++) {
            double[][] layer = new double[n][n];
            for (int x = 0; x < n; x++) for (int y = 0; y < n; y++) layer[x][y] = v.get(x, y, z) ? 1 : 0;
            HeatMap map = new HeatMap(Math.max(2, 96.0 / n));
            map.paletteProperty().bind(palette);
            map.setValues(layer, HeatMap.Scale.GREY, 1);
            out.add(new VBox(2, new Label(i18n.tr("vox.layer", z + 1)), map));
        }
        return out;
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
