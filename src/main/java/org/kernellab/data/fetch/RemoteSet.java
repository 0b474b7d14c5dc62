package org.kernellab.data.fetch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A data set its publishers serve: where, which files, and how each is known to be whole. For Fashion-MNIST the
 * address is the folder its four files lie under and each file is checked by the SHA-256 and length of its
 * decompressed contents; for an archive, by its published checksum or length and a full reading of it.
 *
 * @param items how many pictures or meshes the set holds (a full reading counts them); 0 for any number
 */
public record RemoteSet(String name, Kind kind, URI url, List<RemoteFile> files, int items) {
    /** How the downloaded files become a folder the app and {@code train --data} read. */
    public enum Kind {
        /** Gzipped IDX files kept as they are. */
        IDX_FILES,
        /** CIFAR's binary version: a .tar.gz whose six batches are kept. */
        CIFAR_TAR,
        /** ModelNet's zip: its {@code CLASS/train|test/*.off} meshes are kept. */
        MODELNET_ZIP
    }

    /**
     * One file: its name on the server, its length where published (−1 otherwise), and a digest ("SHA-256" of the
     * decompressed contents with their length {@code contentLength}, or "MD5" of the file itself), or none.
     */
    public record RemoteFile(String name, long length, String algorithm, String digest, long contentLength) {}

    public static final RemoteSet FASHION_MNIST = new RemoteSet(
            "fashion-mnist",
            Kind.IDX_FILES,
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            List.of(
                    idx(
                            "train-images-idx3-ubyte.gz",
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                            47_040_016),
                    idx(
                            "train-labels-idx1-ubyte.gz",
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                            60_008),
                    idx(
                            "t10k-images-idx3-ubyte.gz",
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                            7_840_016),
                    idx(
                            "t10k-labels-idx1-ubyte.gz",
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
                            10_008)),
            70_000);

    /** The binary version from the CIFAR page, with the MD5 and length published there. */
    public static final RemoteSet CIFAR10 = new RemoteSet(
            "cifar10",
            Kind.CIFAR_TAR,
            URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
            List.of(new RemoteFile(
                    "cifar-10-binary.tar.gz", 170_052_171, "MD5", "c32a1d4ab5d03f1284b67883e8d87530", -1)),
            60_000);

    /** Princeton's zip; no checksum is published for it, so the whole archive is read and its meshes counted. */
    public static final RemoteSet MODELNET10 = new RemoteSet(
            "modelnet10",
            Kind.MODELNET_ZIP,
            URI.create("http://3dvision.princeton.edu/projects/2014/3DShapeNets/ModelNet10.zip"),
            List.of(new RemoteFile("ModelNet10.zip", -1, null, null, -1)),
            4_899);

    public static final List<RemoteSet> ALL = List.of(FASHION_MNIST, MODELNET10, CIFAR10);

    private static RemoteFile idx(String name, String sha256, long contentLength) {
        return new RemoteFile(name, -1, "SHA-256", sha256, contentLength);
    }

    public static Optional<RemoteSet> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name.equals(n)).findFirst();
    }

    /** The same set from another address (a mirror, a university proxy). */
    public RemoteSet at(URI other) {
        return new RemoteSet(name, kind, other, files, items);
    }

    /** Where file {@code f} is fetched from: under the set's folder address, or the archive's own address. */
    URI address(RemoteFile f) {
        if (kind != Kind.IDX_FILES) return url;
        String base = url.toString();
        return URI.create(base.endsWith("/") ? base + f.name() : base + "/" + f.name());
    }
}
