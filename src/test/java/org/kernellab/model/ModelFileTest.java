package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;

/**
 * The model file: one format for 2D and 3D nets round-trips any net (BatchNorm's statistics included); every earlier
 * version still opens and answers as the engine that saved it did; a newer one is refused by name; every kind of damage
 * is named; a save is safe to interrupt.
 */
class ModelFileTest {
    static final Path FIXTURES = Path.of("src/test/resources/org/kernellab/model/fixtures");
    static final Net SMALL = CourseNets.cnn(4, 1, 0, CourseNets.DropoutAt.HIDDEN);

    static String key(Path file) {
        return assertThrows(DataException.class, () -> ModelFile.load(file))
                .problem()
                .key();
    }

    @Test
    void anyNetSavesAndLoadsBackAndAnswersTheSame(@TempDir Path dir) throws Exception {
        int normalized = 0;
        for (String json : ForwardAndGradientsTest.nets()) {
            Net net = ForwardAndGradientsTest.net(json);
            Network saved = ForwardAndGradientsTest.randomised(net, 3);
            saved.normalizeInputs(normalized++ % 2 == 0); // a net opened as reading normalized pictures stays so
            Path file = dir.resolve("net.model");
            ModelFile.save(saved, file);
            Network back = ModelFile.load(file);
            assertEquals(net, back.net(), json);
            assertEquals(saved.normalizesInputs(), back.normalizesInputs(), json);
            assertEquals(saved.training(), back.training());
            Samples data = LayersPyTorchTest.batch(net, 3, false, new Random(1));
            assertArrayEquals(
                    saved.predict(data, Trainer.range(3), 0, 3), back.predict(data, Trainer.range(3), 0, 3), 0f, json);
            assertArrayEquals(saved.statistics(), back.statistics(), 0f);
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    /**
     * One file of each earlier version, saved by the engine of its time, with the answers that engine gave
     * ({@code previous-engine.json}, made when these fixtures were): the weights, moved into today's layouts, give them
     * again.
     */
    @Test
    void everyEarlierVersionOpensAndAnswersAsItsEngineDid() throws Exception {
        JsonNode previous = new ObjectMapper()
                .readTree(FIXTURES.resolve("previous-engine.json").toFile());
        Samples test = Samples.of(FashionMnist.builtIn().test());
        Network v2 = ModelFile.load(FIXTURES.resolve("cnn-4x2-v2.model"));
        assertEquals(CourseNets.cnn(4, 2, 0.25, CourseNets.DropoutAt.BOTH), v2.net());
        assertArrayEquals(
                floats(previous.at("/cnn-4x2-v2.model/probabilities_test_0_to_9")),
                v2.predict(test, Trainer.range(10), 0, 10),
                2e-6f);
        Network v1 = ModelFile.read(ModelFile.class.getResourceAsStream(ModelFile.PRETRAINED), "pretrained");
        assertEquals(CourseNets.cnn(), v1.net());
        assertArrayEquals(
                floats(previous.at("/course-cnn.model/probabilities_test_0_to_9")),
                v1.predict(test, Trainer.range(10), 0, 10),
                2e-6f);
        assertEquals(
                previous.at("/course-cnn.model/embedded_test_accuracy").asDouble(),
                Trainer.evaluate(v1, test).accuracy(),
                1e-12);
        Network v3d = ModelFile.load(FIXTURES.resolve("net3d-v1.model3d"));
        assertEquals(
                CourseNets.conv3d(
                        List.of(new CourseNets.Block3d(4, 3, 1, 0, true), new CourseNets.Block3d(6, 3, 1, 1, false)),
                        8,
                        3,
                        0.5),
                v3d.net());
        byte[] grids = new byte[16 * 512];
        Random r = new Random(7);
        for (int i = 0; i < grids.length; i++) grids[i] = (byte) (r.nextDouble() < 0.15 ? 1 : 0);
        Samples s = Samples.grids(grids, new byte[16], 8);
        assertArrayEquals(
                floats(previous.at("/net3d-v1.model3d/probabilities")),
                v3d.predict(s, Trainer.range(16), 0, 16),
                2e-6f);
    }

    static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) a.get(i).asDouble();
        return f;
    }

    @Test
    void aFileFromANewerVersionIsRefusedAsSuch(@TempDir Path dir) throws Exception {
        byte[] bytes = ModelFile.encode(Network.build(SMALL, Training.adam(1e-3, 8, 1)));
        System.arraycopy("KLNET004".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 8);
        Path file = write(dir, "future.model", bytes);
        DataException e = assertThrows(DataException.class, () -> ModelFile.load(file));
        assertEquals("model.newer", e.problem().key());
        assertTrue(e.getMessage().contains("update KernelLab"), e.getMessage());
    }

    @Test
    void everyKindOfDamageIsNamed(@TempDir Path dir) throws Exception {
        Network net = Network.build(SMALL, Training.adam(1e-3, 8, 1));
        byte[] bytes = ModelFile.encode(net);
        int params = (int) net.parameters();
        assertEquals("model.notModel", key(write(dir, "junk.model", "not a model, just text".getBytes())));
        assertEquals("model.cut", key(write(dir, "empty.model", new byte[0])));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        assertEquals("model.checksum", key(write(dir, "flipped.model", flipped)));
        assertEquals("model.cut", key(write(dir, "cut.model", Arrays.copyOf(bytes, bytes.length / 3))));
        assertEquals("model.trailing", key(write(dir, "trailing.model", Arrays.copyOf(bytes, bytes.length + 3))));
        byte[] nan = bytes.clone();
        ByteBuffer.wrap(nan)
                .putFloat(
                        bytes.length - 8 - 4 - 4 * params,
                        Float.NaN); // the last parameter, before the (empty) statistics
        assertEquals("model.notFinite", key(write(dir, "nan.model", rechecksum(nan))));
        byte[] count = bytes.clone();
        ByteBuffer.wrap(count).putInt(bytes.length - 8 - 4 - 4 * params - 4, Integer.MAX_VALUE);
        assertEquals("model.wrongCount", key(write(dir, "count.model", rechecksum(count))));
        byte[] header = bytes.clone();
        ByteBuffer.wrap(header).putInt(8, Integer.MAX_VALUE);
        assertEquals(
                "model.damaged",
                key(write(dir, "header.model", header)),
                "an absurd header size is refused before allocating");
        assertTrue(assertThrows(DataException.class, () -> ModelFile.load(dir.resolve("junk.model")))
                .getMessage()
                .contains("junk.model"));
        assertEquals("data.unreadable", key(dir.resolve("missing.model")));
    }

    @Test
    void aSaveKeepsTheFilesPermissionsAndLeavesNoPartFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.model");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ModelFile.save(Network.build(SMALL, Training.adam(1e-3, 8, 1)), file);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(
                    0,
                    files.filter(p -> p.getFileName().toString().endsWith(AtomicFile.PART_SUFFIX))
                            .count());
        }
    }

    @Test
    void aTargetThatCannotBeWrittenIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        assertEquals(
                "model.saveNoName",
                assertThrows(DataException.class, () -> AtomicFile.checkTarget(""))
                        .problem()
                        .key());
        assertEquals(
                "model.saveNoName",
                assertThrows(DataException.class, () -> AtomicFile.checkTarget("  "))
                        .problem()
                        .key());
        assertEquals(
                "model.saveIsFolder",
                assertThrows(DataException.class, () -> AtomicFile.checkTarget("/"))
                        .problem()
                        .key());
        assertEquals(
                "model.saveIsFolder",
                assertThrows(DataException.class, () -> AtomicFile.checkTarget(dir.toString()))
                        .problem()
                        .key());
        assertEquals(
                "model.saveNoFolder",
                assertThrows(
                                DataException.class,
                                () -> AtomicFile.checkTarget(
                                        dir.resolve("no/such/x.model").toString()))
                        .problem()
                        .key());
        assertEquals(
                "model.saveBadName",
                assertThrows(DataException.class, () -> AtomicFile.checkTarget("a\0b"))
                        .problem()
                        .key());
        assertEquals(
                dir.resolve("ok.model"),
                AtomicFile.checkTarget(dir.resolve("ok.model").toString()));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the check leaves nothing behind");
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] rechecksum(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 8);
        ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
        return b;
    }
}
