package org.kernellab.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.Cifar10;
import org.kernellab.data.DataException;
import org.kernellab.data.Pictures;

/** CIFAR-10's .tar.gz and ModelNet's zip, small but in their real layouts, fetched, read whole and unpacked. */
class ArchivesTest {
    @TempDir
    Path tmp;

    Loopback server;

    @BeforeEach
    void serve() throws IOException {
        server = new Loopback();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Batches of {@code n} random records each (five for training, one for testing), labels 0–9. */
    static Map<String, byte[]> cifarBatches(int n, Random r) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String name :
                Stream.concat(Cifar10.TRAIN.stream(), Cifar10.TEST.stream()).toList()) {
            byte[] b = new byte[n * Cifar10.RECORD];
            r.nextBytes(b);
            for (int k = 0; k < n; k++) b[k * Cifar10.RECORD] = (byte) r.nextInt(10);
            m.put(name, b);
        }
        m.put(Cifar10.META, "airplane\nautomobile\n".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private RemoteSet cifarSet(byte[] archive, String md5, int items) {
        server.file("/cifar.tar.gz", archive, "application/x-gzip");
        return new RemoteSet(
                "cifar10",
                RemoteSet.Kind.CIFAR_TAR,
                server.uri("/cifar.tar.gz"),
                List.of(new RemoteSet.RemoteFile("cifar-10-binary.tar.gz", archive.length, "MD5", md5, -1)),
                items);
    }

    @Test
    void cifarsBatchesAreUnpackedAndRead() throws Exception {
        Map<String, byte[]> batches = cifarBatches(3, new Random(1)); // with the class names
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("cifar-10-batches-bin/readme.html", "<p>read me</p>".getBytes(StandardCharsets.UTF_8));
        batches.forEach((k, v) -> members.put("cifar-10-batches-bin/" + k, v));
        byte[] archive = Sets.gzip(Tar.of(members));
        Fetcher.fetch(cifarSet(archive, Sets.digest("MD5", archive), 18), tmp, FetcherTest.QUICK, p -> {});

        Pictures.Split loaded = Cifar10.load(tmp);
        assertEquals(15, loaded.train().count());
        assertEquals(3, loaded.test().count());
        byte[] second = batches.get("data_batch_2.bin"); // the fifth training picture is the second batch's second
        assertEquals(second[Cifar10.RECORD], loaded.train().labels()[4]);
        assertArrayEquals(
                Arrays.copyOfRange(second, Cifar10.RECORD + 1, 2 * Cifar10.RECORD),
                Arrays.copyOfRange(loaded.train().pixels(), 4 * Cifar10.PICTURE, 5 * Cifar10.PICTURE));
        assertEquals(
                List.of(
                        "batches.meta.txt",
                        "data_batch_1.bin",
                        "data_batch_2.bin",
                        "data_batch_3.bin",
                        "data_batch_4.bin",
                        "data_batch_5.bin",
                        "test_batch.bin"),
                names(tmp),
                "the archive and scratch are gone");
    }

    @Test
    void aCutOrWrongCifarArchiveIsRefusedAndNothingKept() throws Exception {
        Map<String, byte[]> batches = cifarBatches(2, new Random(2));
        byte[] whole = Sets.gzip(Tar.of(batches));
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
        assertRefused("fetch.badArchive", cifarSet(cut, null, 0), tmp.resolve("cut"));
        assertRefused("fetch.badDigest", cifarSet(whole, Sets.digest("MD5", cut), 0), tmp.resolve("md5"));
        assertRefused("fetch.wrongCount", cifarSet(whole, null, 60_000), tmp.resolve("count"));
        batches.get("test_batch.bin")[Cifar10.RECORD] = 12;
        assertRefused("data.cifarLabel", cifarSet(Sets.gzip(Tar.of(batches)), null, 0), tmp.resolve("label"));
        batches.get("test_batch.bin")[Cifar10.RECORD] = 9;
        batches.remove("data_batch_3.bin");
        assertRefused("fetch.missingMember", cifarSet(Sets.gzip(Tar.of(batches)), null, 0), tmp.resolve("lacks"));
    }

    @Test
    void anArchiveAlreadyOnDiskIsCheckedAndUnpackedAsADownloadIs() throws Exception {
        byte[] archive = Sets.gzip(Tar.of(cifarBatches(2, new Random(6))));
        RemoteSet set = cifarSet(archive, Sets.digest("MD5", archive), 12);
        Path file = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), archive);
        Fetcher.Result r = Fetcher.install(set, file, tmp.resolve("c"), p -> {});
        assertEquals(7, r.files().size());
        assertEquals(
                12,
                Cifar10.load(tmp.resolve("c")).train().count()
                        + Cifar10.load(tmp.resolve("c")).test().count());
        assertArrayEquals(archive, Files.readAllBytes(file), "the student's file is left as it was");
        assertEquals(0, server.requests.size(), "nothing is downloaded");

        Path other = Files.write(tmp.resolve("other.tar.gz"), Sets.gzip(Tar.of(cifarBatches(2, new Random(7)))));
        DataException e =
                assertThrows(DataException.class, () -> Fetcher.install(set, other, tmp.resolve("d"), p -> {}));
        assertEquals("fetch.notPublished", e.problem().key());
        assertEquals(List.of(), names(tmp.resolve("d")), "nothing kept");
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] off(int vertices) {
        return ("OFF\n" + vertices + " 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n").getBytes(StandardCharsets.US_ASCII);
    }

    private RemoteSet modelNet(byte[] archive, int items) {
        server.file("/ModelNet10.zip", archive, "application/zip");
        return new RemoteSet(
                "modelnet10",
                RemoteSet.Kind.MODELNET_ZIP,
                server.uri("/ModelNet10.zip"),
                List.of(new RemoteSet.RemoteFile("ModelNet10.zip", -1, null, null, -1)),
                items);
    }

    @Test
    void modelNetsMeshesLandInItsLayout() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("ModelNet10/README.txt", "ModelNet10".getBytes(StandardCharsets.US_ASCII));
        e.put("ModelNet10/chair/train/chair_0001.off", off(3));
        e.put("ModelNet10/chair/test/chair_0890.off", off(3));
        e.put("ModelNet10/bed/train/bed_0001.off", off(3));
        e.put("ModelNet10/bed/test/bed_0516.off", off(3));
        e.put("__MACOSX/ModelNet10/bed/train/._bed_0001.off", new byte[] {0, 5, 22, 7});
        Fetcher.Result r = Fetcher.fetch(modelNet(zip(e), 4), tmp, FetcherTest.QUICK, p -> {});
        assertEquals(
                List.of(
                        "bed/test/bed_0516.off",
                        "bed/train/bed_0001.off",
                        "chair/test/chair_0890.off",
                        "chair/train/chair_0001.off"),
                r.files());
        assertArrayEquals(off(3), Files.readAllBytes(tmp.resolve("chair/test/chair_0890.off")));
        assertEquals(List.of("bed", "chair"), names(tmp));
        assertEquals(
                true,
                Fetcher.fetch(modelNet(zip(e), 4), tmp, FetcherTest.QUICK, p -> {})
                        .alreadyThere());
    }

    @Test
    void aModelNetZipWithOtherContentsIsRefusedAndNothingKept() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("ModelNet10/chair/train/chair_0001.off", off(3));
        assertRefused("fetch.wrongCount", modelNet(zip(e), 4899), tmp.resolve("count"));
        e.put("ModelNet10/chair/test/chair_0002.off", "solid stl".getBytes(StandardCharsets.US_ASCII));
        assertRefused("fetch.notMesh", modelNet(zip(e), 0), tmp.resolve("stl"));
        byte[] z = zip(e);
        assertRefused("fetch.badArchive", modelNet(Arrays.copyOf(z, z.length - 30), 0), tmp.resolve("cut"));
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertRefused(String key, RemoteSet set, Path dir) throws IOException {
        DataException e = assertThrows(DataException.class, () -> Fetcher.fetch(set, dir, FetcherTest.QUICK, p -> {}));
        assertEquals(key, e.problem().key(), e.problem().english());
        assertEquals(List.of(), names(dir), "nothing kept");
        assertFalse(e.problem().english().isBlank());
    }
}
