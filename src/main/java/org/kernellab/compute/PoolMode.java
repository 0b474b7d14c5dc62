package org.kernellab.compute;

import java.util.Locale;

/** Pooling kinds, named as on the command line. */
public enum PoolMode {
    MAX,
    AVG;

    public static PoolMode parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "max" -> MAX;
            case "avg", "average", "mean" -> AVG;
            default -> throw new ComputeException("pool.badMode", s);
        };
    }
}
