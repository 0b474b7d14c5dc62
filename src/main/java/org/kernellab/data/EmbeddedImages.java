package org.kernellab.data;

/**
 * The embedded Fashion-MNIST test images, read on first use and kept: the pictures lessons take patches from. The
 * app context owns one, so every page shares it and a test gets a fresh one.
 */
public final class EmbeddedImages {
    private Dataset test;

    public synchronized Dataset test() throws DataException {
        if (test == null) test = FashionMnist.embeddedTest();
        return test;
    }
}
