package org.kernellab.model;

import java.util.Locale;
import org.kernellab.compute.ComputeException;

/** How a net is trained: the optimizer and its learning rate, the batch size, the epochs and the seed of every random draw. */
public record Training(Optimizer optimizer, double lr, int batch, int epochs, long seed) {
    /** torch.optim's two, with their defaults (Adam: betas 0.9 and 0.999, eps 1e-8; SGD: no momentum). */
    public enum Optimizer {
        SGD,
        ADAM;

        public static Optimizer parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "sgd" -> SGD;
                case "adam" -> ADAM;
                default -> throw new ComputeException("train.badOptimizer", s);
            };
        }

        /** As the command line writes it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Training {
        Limits.lr(lr);
        Limits.batch(batch);
        Limits.epochs(epochs);
    }

    /** The course's CNN settings: Adam, seed 42. */
    public static Training adam(double lr, int batch, int epochs) {
        return new Training(Optimizer.ADAM, lr, batch, epochs, 42);
    }

    public Training withEpochs(int e) {
        return new Training(optimizer, lr, batch, e, seed);
    }
}
