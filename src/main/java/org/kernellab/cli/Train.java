package org.kernellab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.Augment;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.NetSpec;
import org.kernellab.model.Network;
import org.kernellab.model.NetworkFile;
import org.kernellab.model.Trainer;

/**
 * {@code train --model mlp|cnn [--filters N] [--blocks N] [--dropout P [--dropout-at hidden|conv|both]] [--augment]
 * --epochs N --batch B --lr LR --optimizer sgd|adam [--data DIR] [--limit-train N] [--seed S] [--threads T] [--save FILE]}:
 * one JSON line per epoch and a final one.
 */
final class Train {
    private Train() {}

    static void run(List<String> args, PrintStream out) throws DataException {
        Options o = new Options("train", args, Set.of("--model", "--filters", "--blocks", "--dropout", "--epochs", "--batch", "--lr",
                "--optimizer", "--data", "--limit-train", "--seed", "--threads", "--save", "--dropout-at"), Set.of("--augment"), Set.of());
        o.required("--epochs");
        o.required("--batch");
        o.required("--lr");
        NetSpec spec = new NetSpec(NetSpec.kind(o.required("--model")), o.integer("--filters", 32, 1, 256), o.integer("--blocks", 2, 1, 3),
                o.decimal("--dropout", 0, 0, 1), NetSpec.dropoutAt(o.optional("--dropout-at") == null ? "hidden" : o.optional("--dropout-at")),
                NetSpec.optimizer(o.required("--optimizer")), o.decimal("--lr", Double.NaN, 0, 10),
                o.integer("--batch", 0, 1, NetSpec.MAX_BATCH), o.integer("--epochs", 0, 1, NetSpec.MAX_EPOCHS),
                o.integer("--seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE));
        int limit = o.integer("--limit-train", 0, 0, Integer.MAX_VALUE);
        int threads = o.integer("--threads", 0, 1, 256);
        // every check before the first JSON line: a script must not see epochs and then a failure to save
        Path save = o.optional("--save") == null ? null : NetworkFile.checkTarget(o.optional("--save"));
        String folder = o.optional("--data");
        FashionMnist.Loaded data = FashionMnist.load(folder == null ? null : dataFolder(folder));
        if (threads > 0) Trainer.useThreads(threads);
        train(spec, data, limit, o.flag("--augment") ? Augment.Settings.COURSE : null, save, out);
    }

    private static Path dataFolder(String name) {
        try {
            return Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CliException("cli.badPath", "--data", name);
        }
    }

    private static void train(NetSpec spec, FashionMnist.Loaded data, int limit, Augment.Settings augment, Path save, PrintStream out)
            throws DataException {
        Network net = Network.build(spec);
        Trainer.Evaluation[] last = new Trainer.Evaluation[1];
        double[] trainAccuracy = new double[1];
        double seconds = Trainer.train(net, data.train(), data.test(), limit, augment, e -> {
            last[0] = e.test();
            trainAccuracy[0] = e.trainAccuracy();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("train_seconds", round(e.trainSeconds(), 3));
            m.put("images_per_second", round(e.imagesPerSecond(), 1));
            m.put("test_accuracy", round(e.testAccuracy(), 4));
            m.put("test_loss", round(e.testLoss(), 4));
            m.put("train_accuracy", round(e.trainAccuracy(), 4));
            out.println(Json.write(m));
        });
        Trainer.Evaluation eval = last[0];
        if (save != null) {
            try {
                NetworkFile.save(net, save);
            } catch (IOException e) {
                throw new DataException("model.saveNotWritable", save, DataException.why(e)).causedBy(e);
            }
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("final", true);
        end.put("test_accuracy", round(eval.accuracy(), 4));
        end.put("train_seconds", round(seconds, 3));
        end.put("peak_rss_mb", Trainer.peakRssMb());
        end.put("parameters", net.parameters());
        end.put("data", data.source().name().toLowerCase(java.util.Locale.ROOT));
        end.put("train_images", limit > 0 ? Math.min(limit, data.train().size()) : data.train().size()); // per epoch
        end.put("train_accuracy", round(trainAccuracy[0], 4));
        // how far the last epoch's training accuracy is above the test accuracy: the sign of memorising
        end.put("gap", round(trainAccuracy[0] - eval.accuracy(), 4));
        end.put("dropout_at", spec.dropout() > 0 ? spec.dropoutAt().name().toLowerCase(java.util.Locale.ROOT) : "none");
        end.put("augment", augment != null);
        out.println(Json.write(end));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
