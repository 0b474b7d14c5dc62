package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;

/** The model file: a round trip, every kind of damage named, and a save that is safe to interrupt. */
class NetworkFileTest {
    static final NetSpec SMALL = new NetSpec(NetSpec.Kind.CNN, 4, 1, 0, NetSpec.Optimizer.ADAM, 1e-3, 8, 1, 3);
    static final int PARAMETERS = (int) SMALL.parameters();

    static String key(Path file) {
        return assertThrows(DataException.class, () -> NetworkFile.load(file)).problem().key();
    }

    @Test void aSavedModelLoadsBackAndPredictsTheSame(@TempDir Path dir) throws Exception {
        Network net = Network.build(SMALL);
        Path file = dir.resolve("cnn.model");
        NetworkFile.save(net, file);
        Network back = NetworkFile.load(file);
        assertEquals(SMALL, back.spec());
        byte[] pixels = new byte[2 * 784];
        new Random(1).nextBytes(pixels);
        assertArrayEquals(net.predict(pixels, new int[] {0, 1}, 0, 2), back.predict(pixels, new int[] {0, 1}, 0, 2), 0f);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test void everyKindOfDamageIsNamed(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.model");
        NetworkFile.save(Network.build(SMALL), good);
        byte[] bytes = Files.readAllBytes(good);

        assertEquals("model.notModel", key(write(dir, "junk.model", "not a model, just text".getBytes())));
        assertEquals("model.cut", key(write(dir, "empty.model", new byte[0])));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        assertEquals("model.checksum", key(write(dir, "flipped.model", flipped)));
        assertEquals("model.cut", key(write(dir, "cut.model", Arrays.copyOf(bytes, bytes.length / 3))));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertEquals("model.trailing", key(write(dir, "trailing.model", longer)));
        assertEquals("model.notFinite", key(write(dir, "nan.model", withParameters(bytes, Float.NaN))));
        assertEquals("model.wrongCount", key(write(dir, "count.model", withCount(bytes, Integer.MAX_VALUE))));
        assertTrue(assertThrows(DataException.class, () -> NetworkFile.load(dir.resolve("junk.model"))).getMessage().contains("junk.model"));
        assertEquals("data.unreadable", key(dir.resolve("missing.model")));
    }

    @Test void aSaveKeepsTheFilesPermissionsAndLeavesNoPartFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.model");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        NetworkFile.save(Network.build(SMALL), file);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path fresh = dir.resolve("fresh.model");
        NetworkFile.save(Network.build(SMALL), fresh);
        assertTrue(Files.getPosixFilePermissions(fresh).contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(NetworkFile.PART_SUFFIX)).count());
        }
    }

    @Test void aTargetThatCannotBeWrittenIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        assertEquals("model.saveNoName", assertThrows(DataException.class, () -> NetworkFile.checkTarget("")).problem().key());
        assertEquals("model.saveNoName", assertThrows(DataException.class, () -> NetworkFile.checkTarget("  ")).problem().key());
        assertEquals("model.saveIsFolder", assertThrows(DataException.class, () -> NetworkFile.checkTarget("/")).problem().key());
        assertEquals("model.saveIsFolder", assertThrows(DataException.class, () -> NetworkFile.checkTarget(dir.toString())).problem().key());
        assertEquals("model.saveNoFolder",
                assertThrows(DataException.class, () -> NetworkFile.checkTarget(dir.resolve("no/such/x.model").toString())).problem().key());
        assertEquals("model.saveBadName", assertThrows(DataException.class, () -> NetworkFile.checkTarget("a\0b")).problem().key());
        assertEquals(dir.resolve("ok.model"), NetworkFile.checkTarget(dir.resolve("ok.model").toString()));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the check leaves nothing behind");
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The file with every parameter set to {@code v} and a valid checksum: damage a checksum cannot see. */
    private static byte[] withParameters(byte[] file, float v) {
        byte[] b = file.clone();
        int n = PARAMETERS;
        ByteBuffer buf = ByteBuffer.wrap(b);
        for (int i = 0; i < n; i++) buf.putFloat(b.length - 8 - 4 * n + 4 * i, v);
        return rechecksum(b);
    }

    private static byte[] withCount(byte[] file, int count) {
        byte[] b = file.clone();
        ByteBuffer.wrap(b).putInt(b.length - 8 - 4 * PARAMETERS - 4, count);
        return rechecksum(b);
    }

    private static byte[] rechecksum(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 8);
        ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
        return b;
    }

    @Test void a3dNetworkSavesAndLoadsBackAndA2dFileIsNotOne(@TempDir Path dir) throws Exception {
        Net3DSpec spec = new Net3DSpec(java.util.List.of(new Net3DSpec.Block(2, 3, 2, 1, true), new Net3DSpec.Block(3, 3, 0, false)), 12, 3, 0.5,
                1e-3, 4, 2, 5);
        Network3D net = new Network3D(spec);
        Path file = dir.resolve("net.model3d");
        NetworkFile.save(net, file);
        Network3D back = NetworkFile.load3d(file);
        assertEquals(spec, back.spec());
        byte[] grids = new byte[2 * 12 * 12 * 12];
        new Random(2).nextBytes(grids);
        for (int i = 0; i < grids.length; i++) grids[i] = (byte) (grids[i] & 1);
        assertArrayEquals(net.predict(grids, new int[] {0, 1}, 0, 2), back.predict(grids, new int[] {0, 1}, 0, 2), 0f);
        Path flat = dir.resolve("flat.model");
        NetworkFile.save(Network.build(SMALL), flat);
        assertEquals("model.not3d", assertThrows(DataException.class, () -> NetworkFile.load3d(flat)).problem().key());
        byte[] bytes = Files.readAllBytes(file);
        assertEquals("model.cut", assertThrows(DataException.class, () -> NetworkFile.load3d(write(dir, "cut.model3d", Arrays.copyOf(bytes, 60))))
                .problem().key());
        assertEquals("model.trailing", assertThrows(DataException.class,
                () -> NetworkFile.load3d(write(dir, "long.model3d", Arrays.copyOf(bytes, bytes.length + 1)))).problem().key());
    }
}
