package org.kernellab.data.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Small sets in the real formats, with their digests computed here by the JDK, for the loopback server. */
public final class Sets {
    public static final String[] FASHION = {
        "train-images-idx3-ubyte.gz",
        "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte.gz"
    };

    private Sets() {}

    /** Gzipped IDX files of {@code train} and {@code test} random 28×28 pictures. */
    public static List<byte[]> fashion(int train, int test, long seed) throws IOException {
        Random r = new Random(seed);
        return List.of(gzip(images(train, r)), gzip(labels(train, r)), gzip(images(test, r)), gzip(labels(test, r)));
    }

    static byte[] images(int n, Random r) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 784)
                .putInt(0x803)
                .putInt(n)
                .putInt(28)
                .putInt(28);
        byte[] px = new byte[n * 784];
        r.nextBytes(px);
        return b.put(px).array();
    }

    static byte[] labels(int n, Random r) {
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) b.put((byte) r.nextInt(10));
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static String digest(String algorithm, byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Fashion-MNIST entry of the catalogue with these files' digests, served under {@code base}. */
    public static RemoteSet fashionSet(URI base, List<byte[]> files) throws IOException {
        List<RemoteSet.RemoteFile> f = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < 4; i++) {
            byte[] raw = gunzip(files.get(i));
            f.add(new RemoteSet.RemoteFile(FASHION[i], -1, "SHA-256", digest("SHA-256", raw), raw.length));
            if (i % 2 == 1) items += raw.length - 8;
        }
        return new RemoteSet("fashion-mnist", RemoteSet.Kind.IDX_FILES, base, f, items);
    }
}
