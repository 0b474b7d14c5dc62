package org.kernellab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST, from the first place that has it: a folder the user picked, the full set the app downloaded into the
 * user's data folder, the full set of Debian's package {@code dataset-fashion-mnist}, or the subset shipped inside the app (10,000 training and
 * 2,000 test images), so that the app and the tests work on a fresh machine.
 */
public final class FashionMnist {
    public enum Source {
        FOLDER,
        DOWNLOADED,
        SYSTEM,
        EMBEDDED
    }

    /** Debian's package installs under /usr/share/datasets; {@code -Dkernellab.systemDatasets} moves it (the tests point it away). */
    public static final Path SYSTEM_FOLDER =
            Path.of(System.getProperty("kernellab.systemDatasets", "/usr/share/datasets"), "fashion-mnist");

    static final String EMBEDDED = "/assets/fashion-mnist/";
    /** Fashion-MNIST's images are 28×28; the networks take nothing else. */
    public static final int SIDE = 28;

    private static final String[] FILES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
    };

    /** Training and test sets, where they came from and (for folders) where. */
    public record Loaded(Dataset train, Dataset test, Source source, String location) {}

    private FashionMnist() {}

    /**
     * @param folder a folder the user picked, or null. A picked folder that lacks the files is an error,
     *               not a silent fallback: the user asked for it.
     */
    public static Loaded load(Path folder) throws DataException {
        return load(folder, null);
    }

    /** @param downloaded where the app downloads the full set (null: nowhere), read when it holds all four files */
    public static Loaded load(Path folder, Path downloaded) throws DataException {
        if (folder != null) return fromFolder(folder, Source.FOLDER);
        if (downloaded != null && hasAll(downloaded)) return fromFolder(downloaded, Source.DOWNLOADED);
        if (hasAll(SYSTEM_FOLDER)) return fromFolder(SYSTEM_FOLDER, Source.SYSTEM);
        return builtIn();
    }

    /** Whether a full set is there besides the built-in subset: downloaded, or installed on the system. */
    public static boolean hasFull(Path downloaded) {
        return downloaded != null && hasAll(downloaded) || hasAll(SYSTEM_FOLDER);
    }

    /** The subset built into the app, whatever else is installed. */
    public static Loaded builtIn() throws DataException {
        return new Loaded(embedded("train"), embeddedTest(), Source.EMBEDDED, "built-in");
    }

    /** The embedded test images, read anew: {@link EmbeddedImages} keeps them for the app. */
    public static Dataset embeddedTest() throws DataException {
        return embedded("t10k");
    }

    private static Dataset embedded(String part) throws DataException {
        String images = part + "-images-idx3-ubyte.gz", labels = part + "-labels-idx1-ubyte.gz";
        return dataset(
                Idx.readImages(resource(images), images + " (built in)"),
                images,
                Idx.readLabels(resource(labels), labels + " (built in)"));
    }

    private static InputStream resource(String file) throws DataException {
        InputStream in = FashionMnist.class.getResourceAsStream(EMBEDDED + file);
        if (in == null) throw new DataException("data.noBuiltIn", file);
        return in;
    }

    static Loaded fromFolder(Path folder, Source source) throws DataException {
        if (!Files.isDirectory(folder)) throw new DataException("data.noFolder", folder);
        Dataset train = dataset(
                Idx.readImages(open(folder, FILES[0]), FILES[0]),
                FILES[0],
                Idx.readLabels(open(folder, FILES[1]), FILES[1]));
        Dataset test = dataset(
                Idx.readImages(open(folder, FILES[2]), FILES[2]),
                FILES[2],
                Idx.readLabels(open(folder, FILES[3]), FILES[3]));
        return new Loaded(train, test, source, folder.toString());
    }

    /** Images and labels that make a Fashion-MNIST set: as many labels as images, 28×28, not empty. */
    private static Dataset dataset(Idx.Images images, String name, byte[] labels) throws DataException {
        if (images.count() != labels.length)
            throw new DataException("data.labelCount", name, images.count(), labels.length);
        if (images.rows() != SIDE || images.cols() != SIDE)
            throw new DataException("data.notFashionSize", name, images.rows(), images.cols());
        if (images.count() == 0) throw new DataException("data.noImages", name);
        return new Dataset(images, labels);
    }

    /** Whether a folder holds Fashion-MNIST's four files (so that it is read as Fashion-MNIST, not as another set). */
    public static boolean isIn(Path folder) {
        return hasAll(folder);
    }

    private static boolean hasAll(Path folder) {
        for (String f : FILES) if (find(folder, f) == null) return false;
        return true;
    }

    private static Path find(Path folder, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static InputStream open(Path folder, String base) throws DataException {
        Path p = find(folder, base);
        if (p == null) throw new DataException("data.missingFile", folder, base);
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new DataException("data.unreadable", p, DataException.why(e)).causedBy(e);
        }
    }
}
