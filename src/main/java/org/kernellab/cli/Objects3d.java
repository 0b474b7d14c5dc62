package org.kernellab.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.install.UserDirs;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.model.Net3DSpec;
import org.kernellab.model.NetSpec;
import org.kernellab.model.Network3D;
import org.kernellab.model.Trainer;
import org.kernellab.model.Trainer3D;
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
        Options o = new Options("voxelize", args, Set.of("--mesh", "--grid", "--points", "--seed"), Set.of("--keep-aspect"), Set.of());
        Path file = path(o, "--mesh");
        int grid = o.integer("--grid", 24, Voxels.MIN_GRID, Voxels.MAX_GRID);
        int points = o.integer("--points", 2048, 1, 1_000_000);
        int seed = o.integer("--seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Mesh mesh = MeshFiles.read(file);
        Voxels v = Voxels.of(Surface.sample(mesh, points, seed), grid, o.flag("--keep-aspect") ? Voxels.Fit.KEEP_ASPECT : Voxels.Fit.STRETCH);
        float[] b = mesh.bounds();
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("vertices", mesh.vertexCount());
        res.put("faces", mesh.faces());
        res.put("triangles", mesh.triangleCount());
        res.put("grid", grid);
        res.put("occupied", v.occupied());
        res.put("bounds", List.of(List.of(round(b[0]), round(b[1]), round(b[2])), List.of(round(b[3]), round(b[4]), round(b[5]))));
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
    private static double round(float v) { return Math.round(v * 1e6) / 1e6; }

    /**
     * {@code train3d [--data DIR] [--classes N] [--net course|modified] --epochs N --batch B --lr LR [--grid G] [--points P]
     * [--seed S] [--threads T] [--keep-aspect]}: one JSON line per epoch, then a final one with the confusion matrix.
     */
    static void train(List<String> args, java.io.PrintStream out) throws DataException {
        Options o = new Options("train3d", args, Set.of("--data", "--classes", "--net", "--epochs", "--batch", "--lr", "--grid", "--points", "--seed",
                "--threads", "--dropout", "--save"), Set.of("--keep-aspect"), Set.of());
        o.required("--epochs");
        o.required("--batch");
        o.required("--lr");
        String net = o.optional("--net") == null ? "course" : o.optional("--net");
        if (!net.equals("course") && !net.equals("modified")) throw new CliException("cli.badNet", net);
        int classes = o.integer("--classes", 4, 2, 40), grid = o.integer("--grid", 24, Voxels.MIN_GRID, Voxels.MAX_GRID);
        int seed = o.integer("--seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE), threads = o.integer("--threads", 0, 1, 256);
        Net3DSpec spec = new Net3DSpec(net.equals("course") ? Net3DSpec.course() : Net3DSpec.modified(), grid, classes, o.decimal("--dropout", 0.5,
                0, 1),
                o.decimal("--lr", Double.NaN, 0, 10), o.integer("--batch", 0, 1, 4096), o.integer("--epochs", 0, 1, NetSpec.MAX_EPOCHS), seed);
        // checked before anything trains: a script must not see epochs and then a failure to save
        Path save = o.optional("--save") == null ? null : org.kernellab.model.NetworkFile.checkTarget(o.optional("--save"));
        ModelNetData.Settings settings = new ModelNetData.Settings(classes, grid, o.integer("--points", 2048, 1, 1_000_000), seed,
                o.flag("--keep-aspect"));
        long t0 = System.nanoTime();
        VoxelSet data = o.optional("--data") == null ? ModelNetData.builtIn(settings, (d, t) -> { }, () -> false)
                : ModelNetData.folder(path(o, "--data"), settings, cacheFolder(), (d, t) -> { }, () -> false);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        if (data.classes().size() < classes) throw new CliException("cli.fewClasses", classes, data.classes().size());
        if (threads > 0) Trainer.useThreads(threads);
        Trainer.Evaluation[] last = new Trainer.Evaluation[1];
        try (Network3D network = new Network3D(spec)) {
            double seconds = Trainer3D.train(network, data, new Trainer.Listener() {
                @Override public void epoch(Trainer.Epoch e) {
                    last[0] = e.test();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("epoch", e.epoch());
                    m.put("train_seconds", Math.round(e.trainSeconds() * 1000) / 1000.0);
                    m.put("samples_per_second", Math.round(e.imagesPerSecond() * 10) / 10.0);
                    m.put("train_accuracy", Math.round(e.trainAccuracy() * 10000) / 10000.0);
                    m.put("test_accuracy", Math.round(e.testAccuracy() * 10000) / 10000.0);
                    m.put("test_loss", Math.round(e.testLoss() * 10000) / 10000.0);
                    out.println(Json.write(m));
                }
            });
            if (save != null) {
                try {
                    org.kernellab.model.NetworkFile.save(network, save);
                } catch (java.io.IOException e) {
                    throw new DataException("model.saveNotWritable", save, DataException.why(e)).causedBy(e);
                }
            }
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("final", true);
            end.put("test_accuracy", Math.round(last[0].accuracy() * 10000) / 10000.0);
            end.put("train_seconds", Math.round(seconds * 1000) / 1000.0);
            end.put("load_seconds", Math.round(loadSeconds * 1000) / 1000.0);
            end.put("peak_rss_mb", Trainer.peakRssMb());
            end.put("parameters", network.parameters());
            end.put("classes", data.classes());
            end.put("confusion", last[0].confusion());
            end.put("train_objects", data.trainSize());
            end.put("test_objects", data.testSize());
            end.put("skipped", data.skipped().size());
            end.put("data", data.source());
            out.println(Json.write(end));
        }
    }

    /** Where voxelised ModelNet folders are kept between runs. */
    static Path cacheFolder() { return UserDirs.current().voxels(); }

    private static Path path(Options o, String name) {
        String v = o.required(name);
        try {
            if (v.isBlank()) throw new InvalidPathException(v, "empty");
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new CliException("cli.badPath", name, v);
        }
    }
}
