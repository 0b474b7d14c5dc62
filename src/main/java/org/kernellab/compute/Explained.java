package org.kernellab.compute;

/** A failure that carries its reason as a {@link Problem}, so every language can say it. */
public interface Explained {
    Problem problem();
}
