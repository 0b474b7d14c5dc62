package org.kernellab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.install.UserDirs;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.mesh.Voxels;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Limits;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;

/**
 * {@code train3d}: {@link TrainCommand}'s run on voxel grids, of ModelNet-style folders or of the built-in objects, with
 * the course's 3D net, its modified form or a net in its JSON form; the final line adds the confusion matrix.
 */
final class Train3dCommand {
    private Train3dCommand() {}

    static Object train(List<String> args, PrintStream out) throws DataException {
        Options o = new Options(
                "train3d",
                args,
                Set.of(
                        "--data",
                        "--classes",
                        "--net",
                        "--epochs",
                        "--batch",
                        "--lr",
                        "--grid",
                        "--points",
                        "--seed",
                        "--threads",
                        "--dropout",
                        "--save"),
                Set.of("--keep-aspect"),
                Set.of());
        Training training = TrainCommand.training(o, null, Limits.MAX_BATCH, 1);
        Choice chosen = net(o);
        Net net = chosen.net();
        int grid = chosen.grid(), classes = chosen.classes();
        Path save = TrainCommand.save(o);
        ModelNetData.Settings settings = new ModelNetData.Settings(
                classes,
                grid,
                o.integer("--points", 2048, 1, 1_000_000),
                (int) training.seed(),
                o.flag("--keep-aspect"));
        long t0 = System.nanoTime();
        VoxelSet data = voxels(o, settings);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        TrainCommand.fits(net, new int[] {1, grid, grid, grid}, classes);
        TrainRun run = new TrainRun(out, "samples_per_second");
        try (Network network = Network.build(net, training)) {
            TrainCommand.threads(o, network);
            double seconds = Trainer.train(network, Samples.train(data), Samples.test(data), Trainer.Feed.ALL, run);
            TrainCommand.write(network, save);
            Map<String, Object> end = run.end(seconds, network);
            end.put("load_seconds", TrainRun.round(loadSeconds, 3));
            end.put("classes", data.classes());
            end.put("confusion", run.last.confusion());
            end.put("train_objects", data.trainSize());
            end.put("test_objects", data.testSize());
            end.put("skipped", data.skipped().size());
            end.put("data", data.source());
            end.put("keep_aspect", settings.keepAspect());
            return end;
        }
    }

    /** The objects of the --data folder (ModelNet's layout) or the built-in ones, voxelised: at least the net's classes. */
    static VoxelSet voxels(Options o, ModelNetData.Settings settings) throws DataException {
        VoxelSet data = o.optional("--data") == null
                ? ModelNetData.builtIn(settings, (d, t) -> {}, () -> false)
                : ModelNetData.folder(
                        TrainCommand.path(o, "--data"),
                        settings,
                        UserDirs.current().voxels(),
                        (d, t) -> {},
                        () -> false);
        if (data.classes().size() < settings.classes())
            throw new CliException(
                    "cli.fewClasses", settings.classes(), data.classes().size());
        return data;
    }

    /** The net: the course's, its modified form, or one given in its JSON form (which fixes the grid and the classes). */
    private static Choice net(Options o) {
        String name = o.optional("--net") == null ? "course" : o.optional("--net");
        boolean named = name.equals("course") || name.equals("modified");
        if (!named
                && !name.trim().startsWith("{")
                && !name.startsWith("@")
                && !name.equals("-")
                && !Files.isRegularFile(TrainCommand.path(o, "--net"))) {
            throw new CliException("cli.unknownNet", name);
        }
        Net given = named ? null : TrainCommand.given(o, o.jsonOrFile("--net"), "--dropout");
        int grid = given != null ? grid(o, given) : o.integer("--grid", 24, Voxels.MIN_GRID, Voxels.MAX_GRID);
        int classes =
                o.integer("--classes", given != null ? given.classes() : 4, Limits.MIN_CLASSES, Limits.MAX_CLASSES);
        Net net = given != null
                ? given
                : CourseNets.conv3d(CourseNets.blocks3d(name), grid, classes, o.decimal("--dropout", 0.5, 0, 1));
        return new Choice(net, grid, classes);
    }

    private record Choice(Net net, int grid, int classes) {}

    /** A 3D net's grid, from its input; a {@code --grid} that says otherwise is refused. */
    private static int grid(Options o, Net net) {
        int[] in = net.input();
        if (in.length != 4
                || in[0] != 1
                || in[1] != in[2]
                || in[2] != in[3]
                || in[1] < Voxels.MIN_GRID
                || in[1] > Voxels.MAX_GRID) {
            throw new CliException("cli.netGrid", Arrays.toString(in), Voxels.MIN_GRID, Voxels.MAX_GRID);
        }
        int grid = o.integer("--grid", in[1], Voxels.MIN_GRID, Voxels.MAX_GRID);
        if (grid != in[1])
            throw new CliException(
                    "cli.netInput", Arrays.toString(in), "[1, " + grid + ", " + grid + ", " + grid + "]");
        return grid;
    }
}
