package org.kernellab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.mesh.Mesh;
import org.kernellab.mesh.MeshFiles;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.Surface;
import org.kernellab.mesh.Voxels;

/**
 * {@code voxelize --mesh FILE [--grid 24] [--points 2048] [--seed S] [--keep-aspect]} and
 * {@code generate3d --out DIR [--per-class N] [--seed S]}: the 3D chapter's objects from the command line.
 */
final class Objects3d {
    private Objects3d() {}

    static Map<String, Object> voxelize(List<String> args) throws DataException {
        Options o = new Options(
                "voxelize", args, Set.of("--mesh", "--grid", "--points", "--seed"), Set.of("--keep-aspect"), Set.of());
        Path file = path(o, "--mesh");
        int grid = o.integer("--grid", 24, Voxels.MIN_GRID, Voxels.MAX_GRID);
        int points = o.integer("--points", 2048, 1, 1_000_000);
        int seed = o.integer("--seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Mesh mesh = MeshFiles.read(file);
        Voxels v = Voxels.of(
                Surface.sample(mesh, points, seed),
                grid,
                o.flag("--keep-aspect") ? Voxels.Fit.KEEP_ASPECT : Voxels.Fit.STRETCH);
        float[] b = mesh.bounds();
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("vertices", mesh.vertexCount());
        res.put("faces", mesh.faces());
        res.put("triangles", mesh.triangleCount());
        res.put("grid", grid);
        res.put("occupied", v.occupied());
        res.put(
                "bounds",
                List.of(
                        List.of(round(b[0]), round(b[1]), round(b[2])),
                        List.of(round(b[3]), round(b[4]), round(b[5]))));
        return res;
    }

    static Map<String, Object> generate(List<String> args) throws DataException {
        Options o = new Options("generate3d", args, Set.of("--out", "--per-class", "--seed"), Set.of(), Set.of());
        Path out = path(o, "--out");
        int perClass = o.integer("--per-class", 40, 1, 10_000);
        int seed = o.integer("--seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int files = ModelNetLike.write(out, perClass, seed);
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("out", out.toString());
        res.put("classes", ModelNetLike.CLASSES);
        res.put("train_per_class", perClass);
        res.put("test_per_class", Math.max(1, perClass / 4));
        res.put("files", files);
        return res;
    }

    /** A float coordinate as the file wrote it (to 6 decimals), not with the binary noise of float → double. */
    private static double round(float v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static Path path(Options o, String name) {
        return TrainCommand.path(o, name);
    }
}
