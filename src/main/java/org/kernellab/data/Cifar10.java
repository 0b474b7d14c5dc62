package org.kernellab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * CIFAR-10's binary version: five training batches and a test batch, each record a label byte then a 32×32 picture's
 * red, green and blue planes (3,072 bytes, channels first as PyTorch reads them).
 */
public final class Cifar10 {
    public static final int SIDE = 32, CHANNELS = 3, PICTURE = SIDE * SIDE * CHANNELS, RECORD = PICTURE + 1;
    public static final List<String>
            TRAIN =
                    List.of(
                            "data_batch_1.bin",
                            "data_batch_2.bin",
                            "data_batch_3.bin",
                            "data_batch_4.bin",
                            "data_batch_5.bin"),
            TEST = List.of("test_batch.bin");
    public static final String META = "batches.meta.txt";

    /** The classes in label order, as {@code batches.meta.txt} names them. */
    public static final List<String> CLASSES =
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private Cifar10() {}

    /** The training and test pictures of a folder holding the six batches. */
    public static Pictures.Split load(Path folder) throws DataException {
        if (!Files.isDirectory(folder)) throw new DataException("data.noFolder", folder);
        return new Pictures.Split(read(folder, TRAIN), read(folder, TEST), CLASSES, List.of());
    }

    /** Whether a folder holds CIFAR-10's batches (so that it is read as CIFAR-10, not as another set). */
    public static boolean isIn(Path folder) {
        return Files.isRegularFile(folder.resolve(TRAIN.get(0))) || Files.isRegularFile(folder.resolve(TEST.get(0)));
    }

    /** Test picture {@code i} (counted round the test batch) alone, read from its place in the file. */
    public static Pictures testPicture(Path folder, int i) throws DataException {
        Path p = folder.resolve(TEST.get(0));
        try (FileChannel ch = FileChannel.open(p)) {
            long count = ch.size() / RECORD;
            if (count == 0 || ch.size() % RECORD != 0)
                throw new DataException("data.cifarLength", TEST.get(0), ch.size(), RECORD);
            ByteBuffer b = ByteBuffer.allocate(RECORD);
            ch.read(b, Math.floorMod(i, count) * RECORD);
            byte[] record = b.array();
            if ((record[0] & 0xFF) > 9) throw new DataException("data.cifarLabel", TEST.get(0), i, record[0] & 0xFF);
            return new Pictures(Arrays.copyOfRange(record, 1, RECORD), new byte[] {record[0]}, CHANNELS, SIDE, SIDE);
        } catch (IOException e) {
            throw new DataException("data.unreadable", p, DataException.why(e)).causedBy(e);
        }
    }

    private static Pictures read(Path folder, List<String> names) throws DataException {
        byte[][] batches = new byte[names.size()][];
        int records = 0;
        for (int i = 0; i < names.size(); i++) {
            Path p = folder.resolve(names.get(i));
            if (!Files.isRegularFile(p)) throw new DataException("data.missingBatch", folder, names.get(i));
            try {
                batches[i] = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new DataException("data.unreadable", p, DataException.why(e)).causedBy(e);
            }
            records += records(batches[i], names.get(i));
        }
        byte[] pixels = new byte[records * PICTURE], labels = new byte[records];
        int at = 0;
        for (byte[] b : batches) {
            for (int r = 0; r < b.length / RECORD; r++, at++) {
                labels[at] = b[r * RECORD];
                System.arraycopy(b, r * RECORD + 1, pixels, at * PICTURE, PICTURE);
            }
        }
        return new Pictures(pixels, labels, CHANNELS, SIDE, SIDE);
    }

    /** The records of one batch file, checked: whole records only, at least one, every label a class 0–9. */
    public static int records(byte[] batch, String name) throws DataException {
        if (batch.length == 0 || batch.length % RECORD != 0)
            throw new DataException("data.cifarLength", name, batch.length, RECORD);
        for (int r = 0; r < batch.length; r += RECORD) {
            if ((batch[r] & 0xFF) > 9) throw new DataException("data.cifarLabel", name, r / RECORD, batch[r] & 0xFF);
        }
        return batch.length / RECORD;
    }
}
