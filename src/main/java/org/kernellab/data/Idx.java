package org.kernellab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST, gzipped or not: a magic number (0x0803 images, 0x0801
 * labels), the count, the sizes, then one unsigned byte per value. Every header field is checked.
 */
public final class Idx {
    static final int IMAGES = 0x00000803, LABELS = 0x00000801;

    private Idx() {}

    /** Images as bytes, row-major, {@code count × rows × cols}. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        /** Pixel (r, c) of image i as 0..255. */
        public int pixel(int i, int r, int c) { return pixels[(i * rows + r) * cols + c] & 0xFF; }
    }

    public static Images readImages(InputStream raw, String name) throws DataException {
        try (DataInputStream in = open(raw, name)) {
            int magic = in.readInt();
            if (magic != IMAGES) throw new DataException(name + ": not an IDX image file (magic number 0x" + Integer.toHexString(magic) + ", expected 0x803)");
            int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (count < 0 || rows < 1 || cols < 1 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new DataException(name + ": impossible sizes " + count + " × " + rows + " × " + cols);
            }
            byte[] pixels = new byte[count * rows * cols];
            readFully(in, pixels, name);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw new DataException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static byte[] readLabels(InputStream raw, String name) throws DataException {
        try (DataInputStream in = open(raw, name)) {
            int magic = in.readInt();
            if (magic != LABELS) throw new DataException(name + ": not an IDX label file (magic number 0x" + Integer.toHexString(magic) + ", expected 0x801)");
            int count = in.readInt();
            if (count < 0) throw new DataException(name + ": impossible count " + count);
            byte[] labels = new byte[count];
            readFully(in, labels, name);
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) throw new DataException(name + ": label " + labels[i] + " at " + i + " is not a class 0-9");
            }
            return labels;
        } catch (IOException e) {
            throw new DataException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static DataInputStream open(InputStream raw, String name) throws IOException, DataException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        if (b0 < 0) throw new DataException(name + ": the file is empty");
        boolean gz = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gz ? new GZIPInputStream(in, 1 << 16) : in);
    }

    private static void readFully(DataInputStream in, byte[] into, String name) throws IOException, DataException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new DataException(name + ": the file is truncated (it should hold " + into.length + " values after its header)");
        }
    }
}
