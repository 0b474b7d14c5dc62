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
import org.nd4j.linalg.factory.Nd4j;

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
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
        train(spec, data, limit, save, out);
    }

    private static void train(NetSpec spec, FashionMnist.Loaded data, int limit, Path save, PrintStream out) throws DataException {
        Network net = Network.build(spec);
        double seconds = Trainer.train(net, data.train(), data.test(), limit, e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("train_seconds", round(e.trainSeconds(), 3));
            m.put("images_per_second", round(e.imagesPerSecond(), 1));
            m.put("test_accuracy", round(e.testAccuracy(), 4));
            m.put("test_loss", round(e.testLoss(), 4));
            m.put("train_accuracy", round(e.trainAccuracy(), 4));
            out.println(Json.write(m));
        });
        Trainer.Evaluation eval = Trainer.evaluate(net, data.test());
        if (save != null) {
            try {
                net.save(save);
            } catch (IOException e) {
                throw new DataException(save + ": cannot be written (" + e.getMessage() + ")", e);
            }
        }
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("final", true);
        last.put("test_accuracy", round(eval.accuracy(), 4));
        last.put("train_seconds", round(seconds, 3));
        last.put("peak_rss_mb", peakRssMb());
        last.put("parameters", net.parameters());
        last.put("data", data.source().name().toLowerCase(java.util.Locale.ROOT));
        out.println(Json.write(last));
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

    /** The process's peak resident memory (Linux /proc), −1 where the system does not say. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
