package org.kernellab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.Augment;
import org.kernellab.data.DataException;
import org.kernellab.model.AtomicFile;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.Limits;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Threads;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;

/**
 * {@code train} (Fashion-MNIST) and, with {@link Train3dCommand}, {@code train3d} (voxel grids): the same run of the same
 * engine, a net given by its shorthand ({@code --model mlp|cnn}, {@code --net course|modified}) or its JSON form
 * ({@code --net FILE|JSON}). One JSON line per epoch, then a final one. Every check (the net, the data, the file to save
 * to) comes before the first line.
 */
final class TrainCommand {
    private TrainCommand() {}

    static Object train(List<String> args, PrintStream out) throws DataException {
        Options o = new Options(
                "train",
                args,
                Set.of(
                        "--model",
                        "--net",
                        "--filters",
                        "--blocks",
                        "--dropout",
                        "--epochs",
                        "--batch",
                        "--lr",
                        "--optimizer",
                        "--data",
                        "--limit-train",
                        "--seed",
                        "--threads",
                        "--save",
                        "--dropout-at",
                        "--image-size",
                        "--test-share",
                        "--adversarial"),
                Set.of("--augment", "--colour"),
                Set.of());
        Training training = training(o, "--optimizer", Limits.MAX_BATCH, 42);
        String netText = o.jsonOrFile("--net");
        Net net = netText != null
                ? given(o, netText, "--model", "--filters", "--blocks", "--dropout", "--dropout-at")
                : shorthand(o);
        int limit = o.integer("--limit-train", 0, 0, Integer.MAX_VALUE);
        Path save = save(o);
        TrainData data = TrainData.load(o, (int) training.seed());
        if (netText == null) net = data.fit(net);
        fits(net, data.input(), data.classes());
        Augment.Settings augment = o.flag("--augment") ? Augment.Settings.COURSE : null;
        TrainRun run = new TrainRun(out, "images_per_second");
        Network network = Network.build(net, training);
        threads(o, network);
        Trainer.Feed feed = new Trainer.Feed(limit, augment, o.decimal("--adversarial", 0, 0, 1));
        double seconds = Trainer.train(network, data.train(), data.test(), feed, run);
        write(network, save);
        Map<String, Object> end = run.end(seconds, network);
        end.put("data", data.name());
        end.put("train_images", limit > 0 ? Math.min(limit, data.trainCount()) : data.trainCount()); // per epoch
        if (!data.classNames().isEmpty()) {
            end.put("classes", data.classNames());
            end.put("skipped", data.skipped());
        }
        end.put("train_accuracy", TrainRun.round(run.trainAccuracy, 4));
        // how far the last epoch's training accuracy is above the test accuracy: the sign of memorising
        end.put("gap", TrainRun.round(run.trainAccuracy - run.last.accuracy(), 4));
        end.put("dropout_at", dropoutAt(o, netText != null, net));
        end.put("augment", augment != null);
        end.put("adversarial_eps", feed.adversarial());
        return end;
    }

    /** Where the run's dropout is: "net" for a given net with some, else the shorthand's place or "none". */
    private static String dropoutAt(Options o, boolean given, Net net) {
        if (given) return net.layers().stream().anyMatch(l -> l instanceof Layer.Dropout) ? "net" : "none";
        return o.decimal("--dropout", 0, 0, 1) > 0 ? dropoutAt(o).name().toLowerCase(Locale.ROOT) : "none";
    }

    /** The MLP or the CNN of the course, with the shorthand's filters, blocks and dropout. */
    private static Net shorthand(Options o) {
        String model = o.required("--model");
        double dropout = o.decimal("--dropout", 0, 0, 1);
        Limits.dropout(dropout);
        return switch (model.toLowerCase(Locale.ROOT)) {
            case "mlp" -> {
                if (dropoutAt(o) != CourseNets.DropoutAt.HIDDEN && dropout > 0)
                    throw new CliException("train.dropoutNeedsConv");
                yield CourseNets.mlp(dropout);
            }
            case "cnn" ->
                CourseNets.cnn(
                        o.integer("--filters", 32, Limits.MIN_FILTERS, Limits.MAX_FILTERS),
                        o.integer("--blocks", 2, Limits.MIN_BLOCKS, Limits.MAX_BLOCKS),
                        dropout,
                        dropoutAt(o));
            default -> throw new CliException("train.badModel", model);
        };
    }

    private static CourseNets.DropoutAt dropoutAt(Options o) {
        return CourseNets.DropoutAt.parse(o.optional("--dropout-at") == null ? "hidden" : o.optional("--dropout-at"));
    }

    /** A net in its JSON form; the shorthand's options describe another net and are refused beside it. */
    static Net given(Options o, String json, String... shorthand) {
        for (String s : shorthand) if (o.optional(s) != null) throw new CliException("cli.netAndShorthand", s);
        return Net.fromJson(json);
    }

    /** The data's samples must be the net's input, and its classes the net's outputs. */
    static void fits(Net net, int[] input, int classes) {
        if (!Arrays.equals(net.input(), input)) {
            throw new CliException("cli.netInput", Arrays.toString(net.input()), Arrays.toString(input));
        }
        if (net.classes() != classes) throw new CliException("cli.netClasses", net.classes(), classes);
    }

    /** --epochs, --batch, --lr (required), the optimizer (Adam where {@code optimizer} is null) and the seed. */
    static Training training(Options o, String optimizer, int maxBatch, int seed) {
        o.required("--epochs");
        o.required("--batch");
        o.required("--lr");
        Training.Optimizer opt =
                optimizer == null ? Training.Optimizer.ADAM : Training.Optimizer.parse(o.required(optimizer));
        return new Training(
                opt,
                o.decimal("--lr", Double.NaN, 0, Limits.MAX_LR),
                o.integer("--batch", 0, 1, maxBatch),
                o.integer("--epochs", 0, 1, Limits.MAX_EPOCHS),
                o.integer("--seed", seed, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    static void threads(Options o, Network network) {
        int threads = o.integer("--threads", Runtime.getRuntime().availableProcessors(), 1, Limits.MAX_THREADS);
        Threads.here(threads);
        network.threads(threads);
    }

    /** The file to save to, checked before training: a script must not see epochs and then a failure to save. */
    static Path save(Options o) throws DataException {
        return o.optional("--save") == null ? null : AtomicFile.checkTarget(o.optional("--save"));
    }

    static void write(Network network, Path save) throws DataException {
        if (save == null) return;
        try {
            ModelFile.save(network, save);
        } catch (IOException e) {
            throw new DataException("model.saveNotWritable", save, DataException.why(e)).causedBy(e);
        }
    }

    static Path path(Options o, String name) {
        String v = o.required(name);
        try {
            if (v.isBlank()) throw new InvalidPathException(v, "empty");
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new CliException("cli.badPath", name, v);
        }
    }
}
