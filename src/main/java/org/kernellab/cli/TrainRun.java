package org.kernellab.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kernellab.model.Network;
import org.kernellab.model.Trainer;

/** Prints an epoch line per epoch, keeps the last evaluation, and makes the final line's common part. */
final class TrainRun implements Trainer.Listener {
    private final PrintStream out;
    private final String speedKey;
    Trainer.Evaluation last;
    double trainAccuracy;

    TrainRun(PrintStream out, String speedKey) {
        this.out = out;
        this.speedKey = speedKey;
    }

    @Override
    public void epoch(Trainer.Epoch e) {
        last = e.test();
        trainAccuracy = e.trainAccuracy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", e.epoch());
        m.put("train_seconds", round(e.trainSeconds(), 3));
        m.put(speedKey, round(e.samplesPerSecond(), 1));
        m.put("test_accuracy", round(e.testAccuracy(), 4));
        m.put("test_loss", round(e.testLoss(), 4));
        m.put("train_accuracy", round(e.trainAccuracy(), 4));
        out.println(Json.write(m));
    }

    Map<String, Object> end(double seconds, Network network) {
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("final", true);
        end.put("test_accuracy", round(last.accuracy(), 4));
        end.put("train_seconds", round(seconds, 3));
        end.put("peak_rss_mb", Trainer.peakRssMb());
        end.put("parameters", network.parameters());
        end.put("net", Json.tree(network.net().toJson())); // what was trained, in PyTorch's words
        return end;
    }

    /** {@code v} to {@code digits} decimals, as the JSON lines give their numbers. */
    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
