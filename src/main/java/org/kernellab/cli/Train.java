package org.kernellab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.NetSpec;
import org.kernellab.model.Network;
import org.kernellab.model.Trainer;

/**
 * {@code train --model mlp|cnn [--filters N] [--blocks N] [--dropout P] --epochs N --batch B --lr LR
 * --optimizer sgd|adam [--data DIR] [--limit-train N] [--seed S] [--threads T] [--save FILE]}: one JSON
 * line per epoch and a final one.
 */
final class Train {
    private Train() {}

    static void run(List<String> args, PrintStream out) throws DataException {
        Options o = new Options("train", args, Set.of("--model", "--filters", "--blocks", "--dropout", "--epochs", "--batch", "--lr",
                "--optimizer", "--data", "--limit-train", "--seed", "--threads", "--save"), Set.of(), Set.of());
        NetSpec spec = new NetSpec(NetSpec.kind(o.required("--model")), o.integer("--filters", 32), o.integer("--blocks", 2),
                decimal(o, "--dropout", 0), NetSpec.optimizer(o.required("--optimizer")), decimal(o, "--lr", Double.NaN),
                o.integer("--batch", 0), o.integer("--epochs", 0), o.integer("--seed", 42));
        o.required("--epochs");
        o.required("--batch");
        o.required("--lr");
        int limit = o.integer("--limit-train", 0);
        if (limit < 0) throw new CliException("cli.badNumber", "--limit-train", String.valueOf(limit));
        Path save = o.optional("--save") == null ? null : Path.of(o.optional("--save"));
        if (save != null && save.toAbsolutePath().getParent() != null && !Files.isDirectory(save.toAbsolutePath().getParent())) {
            throw new CliException("cli.badSave", save);
        }
        int threads = o.integer("--threads", 0);
        FashionMnist.Loaded data = FashionMnist.load(o.optional("--data") == null ? null : Path.of(o.optional("--data")));
        if (threads > 0) Trainer.useThreads(threads);
        train(spec, data, limit, save, out);
    }

    private static void train(NetSpec spec, FashionMnist.Loaded data, int limit, Path save, PrintStream out) throws DataException {
        Network net = Network.build(spec);
        Trainer.Evaluation[] last = new Trainer.Evaluation[1];
        double seconds = Trainer.train(net, data.train(), data.test(), limit, e -> {
            last[0] = e.test();
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
                net.save(save);
            } catch (IOException e) {
                throw new DataException(save + ": cannot be written (" + e.getMessage() + ")", e);
            }
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("final", true);
        end.put("test_accuracy", round(eval.accuracy(), 4));
        end.put("train_seconds", round(seconds, 3));
        end.put("peak_rss_mb", Trainer.peakRssMb());
        end.put("parameters", net.parameters());
        end.put("data", data.source().name().toLowerCase(java.util.Locale.ROOT));
        out.println(Json.write(end));
    }

    private static double decimal(Options o, String name, double fallback) {
        String v = o.optional(name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CliException("cli.badDecimal", name, v);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
