package org.kernellab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST, gzipped or not: a magic number (0x0803 images, 0x0801
 * labels), the count, the sizes, then one unsigned byte per value. Every header field is checked, and the
 * values are read in growing chunks, so a header that claims more than the file holds costs no memory.
 */
public final class Idx {
    static final int IMAGES = 0x00000803, LABELS = 0x00000801;
    /** The largest image side accepted: far above any data set the lessons use. */
    static final int MAX_SIDE = 4096;

    private static final int CHUNK = 1 << 20;

    private Idx() {}

    /** Images as bytes, row-major, {@code count × rows × cols}. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        /** Pixel (r, c) of image i as 0..255. */
        public int pixel(int i, int r, int c) {
            return pixels[(i * rows + r) * cols + c] & 0xFF;
        }
    }

    public static Images readImages(InputStream raw, String name) throws DataException {
        try (DataInputStream in = open(raw, name)) {
            int magic = in.readInt();
            if (magic != IMAGES) throw new DataException("idx.notImages", name, Integer.toHexString(magic));
            int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (count < 0
                    || rows < 1
                    || cols < 1
                    || rows > MAX_SIDE
                    || cols > MAX_SIDE
                    || (long) count * rows * cols > Integer.MAX_VALUE - 8) {
                throw new DataException("idx.impossibleSizes", name, count, rows, cols);
            }
            return new Images(count, rows, cols, readExactly(in, count * rows * cols, name));
        } catch (EOFException e) {
            throw new DataException("idx.shortHeader", name).causedBy(e);
        } catch (IOException e) {
            throw new DataException("data.unreadable", name, DataException.why(e)).causedBy(e);
        }
    }

    public static byte[] readLabels(InputStream raw, String name) throws DataException {
        try (DataInputStream in = open(raw, name)) {
            int magic = in.readInt();
            if (magic != LABELS) throw new DataException("idx.notLabels", name, Integer.toHexString(magic));
            int count = in.readInt();
            if (count < 0 || count > Integer.MAX_VALUE - 8) throw new DataException("idx.impossibleCount", name, count);
            byte[] labels = readExactly(in, count, name);
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) throw new DataException("idx.badLabel", name, labels[i], i);
            }
            return labels;
        } catch (EOFException e) {
            throw new DataException("idx.shortHeader", name).causedBy(e);
        } catch (IOException e) {
            throw new DataException("data.unreadable", name, DataException.why(e)).causedBy(e);
        }
    }

    private static DataInputStream open(InputStream raw, String name) throws IOException, DataException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        if (b0 < 0) throw new DataException("data.empty", name);
        boolean gz = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gz ? new GZIPInputStream(in, 1 << 16) : in);
    }

    /** The {@code n} values after the header; the buffer grows with what actually arrives. */
    private static byte[] readExactly(InputStream in, int n, String name) throws IOException, DataException {
        byte[] buf = new byte[Math.min(n, CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) throw new DataException("idx.truncated", name, n, filled);
            filled += r;
        }
        return buf;
    }
}
