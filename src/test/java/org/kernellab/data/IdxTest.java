package org.kernellab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.Tensor;

class IdxTest {
    static byte[] images(int magic, int count, int rows, int cols, int payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < payload; i++) out.writeByte(i % 256);
        return b.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(raw);
        }
        return b.toByteArray();
    }

    @Test
    void readsPlainAndGzipped() throws Exception {
        byte[] raw = images(0x803, 2, 2, 3, 12);
        for (byte[] file : new byte[][] {raw, gzip(raw)}) {
            Idx.Images im = Idx.readImages(new ByteArrayInputStream(file), "x");
            assertEquals(2, im.count());
            assertEquals(5, im.pixel(0, 1, 2));
            assertEquals(11, im.pixel(1, 1, 2));
        }
    }

    @Test
    void truncatedFileIsNamed() throws Exception {
        DataException e = assertThrows(
                DataException.class,
                () -> Idx.readImages(new ByteArrayInputStream(gzip(images(0x803, 2, 2, 3, 7))), "train-images"));
        assertEquals("train-images: the file is truncated (its header promises 12 values, it holds 7)", e.getMessage());
    }

    @Test
    void aHeaderThatPromisesBillionsCostsNoMemory() throws Exception {
        // 2^31 − 9 labels claimed by a 40-byte file: refused as truncated, without allocating 2 GB first
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x801);
        out.writeInt(Integer.MAX_VALUE - 8);
        out.write(new byte[32]);
        DataException e = assertThrows(
                DataException.class, () -> Idx.readLabels(new ByteArrayInputStream(b.toByteArray()), "labels"));
        assertEquals("idx.truncated", e.problem().key());
        assertEquals(
                "idx.impossibleCount",
                assertThrows(
                                DataException.class,
                                () -> Idx.readLabels(
                                        new ByteArrayInputStream(images(0x801, Integer.MAX_VALUE, 0, 0, 0)), "l"))
                        .problem()
                        .key());
        assertEquals(
                "idx.impossibleSizes",
                assertThrows(
                                DataException.class,
                                () -> Idx.readImages(
                                        new ByteArrayInputStream(images(0x803, Integer.MAX_VALUE, 28, 28, 40)), "i"))
                        .problem()
                        .key());
        assertEquals(
                "idx.truncated",
                assertThrows(
                                DataException.class,
                                () -> Idx.readImages(
                                        new ByteArrayInputStream(images(0x803, 2_000_000, 28, 28, 40)), "i"))
                        .problem()
                        .key());
    }

    @Test
    void anEmptyOrHeaderlessFileSaysSo() throws Exception {
        assertEquals(
                "data.empty",
                assertThrows(DataException.class, () -> Idx.readImages(new ByteArrayInputStream(new byte[0]), "e"))
                        .problem()
                        .key());
        DataException gz = assertThrows(
                DataException.class, () -> Idx.readImages(new ByteArrayInputStream(gzip(new byte[0])), "empty.gz"));
        assertEquals("empty.gz: the file ends before its header is complete", gz.getMessage());
        assertEquals(
                "idx.shortHeader",
                assertThrows(
                                DataException.class,
                                () -> Idx.readLabels(new ByteArrayInputStream(new byte[] {0, 0, 8, 1, 0}), "short"))
                        .problem()
                        .key());
    }

    /** A folder with Fashion-MNIST's four files, each set made by {@code images} and {@code labels}. */
    static Path folder(Path dir, byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels)
            throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), trainImages);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), trainLabels);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), testImages);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), testLabels);
        return dir;
    }

    static byte[] labels(int count) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x801);
        out.writeInt(count);
        for (int i = 0; i < count; i++) out.writeByte(i % 10);
        return b.toByteArray();
    }

    @Test
    void aFolderThatIsNotFashionMnistIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        byte[] good = images(0x803, 3, 28, 28, 3 * 784);
        Path small = folder(
                Files.createDirectory(dir.resolve("small")),
                images(0x803, 3, 14, 14, 3 * 196),
                labels(3),
                good,
                labels(3));
        assertEquals(
                "data.notFashionSize",
                assertThrows(DataException.class, () -> FashionMnist.load(small))
                        .problem()
                        .key());
        Path mismatch = folder(Files.createDirectory(dir.resolve("mismatch")), good, labels(2), good, labels(3));
        DataException m = assertThrows(DataException.class, () -> FashionMnist.load(mismatch));
        assertEquals("train-images-idx3-ubyte: 3 images but 2 labels", m.getMessage());
        Path noTest = folder(
                Files.createDirectory(dir.resolve("notest")), good, labels(3), images(0x803, 0, 28, 28, 0), labels(0));
        assertEquals(
                "data.noImages",
                assertThrows(DataException.class, () -> FashionMnist.load(noTest))
                        .problem()
                        .key());
        Path noTrain = folder(
                Files.createDirectory(dir.resolve("notrain")), images(0x803, 0, 28, 28, 0), labels(0), good, labels(3));
        assertEquals(
                "data.noImages",
                assertThrows(DataException.class, () -> FashionMnist.load(noTrain))
                        .problem()
                        .key());
        assertEquals(
                3,
                FashionMnist.load(folder(Files.createDirectory(dir.resolve("ok")), good, labels(3), good, labels(3)))
                        .test()
                        .size());
    }

    @Test
    void wrongMagicIsNamed() throws Exception {
        DataException e = assertThrows(
                DataException.class, () -> Idx.readImages(new ByteArrayInputStream(images(0x801, 2, 2, 3, 12)), "f"));
        assertTrue(e.getMessage().contains("not an IDX image file"), e.getMessage());
        DataException l = assertThrows(
                DataException.class, () -> Idx.readLabels(new ByteArrayInputStream(images(0x803, 2, 2, 3, 12)), "g"));
        assertTrue(l.getMessage().contains("not an IDX label file"), l.getMessage());
        assertThrows(DataException.class, () -> Idx.readImages(new ByteArrayInputStream(new byte[0]), "empty"));
    }

    @Test
    void embeddedSubsetIsBalancedAndKeepsTheCourseIndices() throws Exception {
        FashionMnist.Loaded d = FashionMnist.fromFolder(Path.of("assets/fashion-mnist"), FashionMnist.Source.FOLDER);
        assertEquals(10_000, d.train().size());
        assertEquals(2_000, d.test().size());
        int[] perClass = new int[10];
        for (int i = 0; i < d.train().size(); i++) perClass[d.train().label(i)]++;
        for (int c : perClass) assertEquals(1000, c);
        // the course says test images 23-28 are shoes; in Fashion-MNIST 23 and 28 are ankle boots and 24-27
        // a trouser, a coat, a shirt and a T-shirt: the subset keeps the full set's indices either way
        assertEquals(
                List.of(9, 1, 4, 6, 0, 9),
                IntStream.rangeClosed(23, 28).map(d.test()::label).boxed().toList());
        assertEquals(FashionMnist.embeddedTest().label(23), d.test().label(23), "the copy inside the jar is the same");
    }

    @Test
    void aPickedFolderWithoutTheFilesIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("train-images-idx3-ubyte.gz"), "junk");
        DataException e = assertThrows(DataException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void imagesFitByAreaAveraging() {
        Tensor img = new Tensor(new int[] {2, 4}, new double[] {0, 0, 1, 1, 0, 0, 1, 1});
        // centred 2x2 crop is columns 1..2 → [0,1 / 0,1]; scaled to 1x1 it is the mean
        assertEquals(0.5, Images.fit(img, 1, 1).get(0, 0), 1e-12);
        assertEquals(1.0, Images.fit(img, 2, 2).get(0, 1), 1e-12);
        Tensor grey = Images.grey(new int[] {0xFFFFFFFF, 0xFF000000, 0x00000000}, 3, 1);
        assertEquals(1.0, grey.get(0, 0), 1e-12);
        assertEquals(0.0, grey.get(0, 1), 1e-12);
        assertEquals(1.0, grey.get(0, 2), 1e-12, "transparent is white");
    }
}
