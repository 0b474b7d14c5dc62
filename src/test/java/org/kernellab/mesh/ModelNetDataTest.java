package org.kernellab.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;

/** ModelNet folders as voxels: the first classes in order, bad meshes skipped and listed, the cache, cancelling. */
class ModelNetDataTest {
    static final ModelNetData.Settings SMALL = new ModelNetData.Settings(3, 12, 256, 4, false);

    @Test
    void aFolderIsReadSkippingBadMeshesAndCachedForTheNextOpening(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("ModelNet10"), cache = dir.resolve("cache");
        ModelNetLike.write(data, 4, 9); // 4 training and 1 test object per class
        Files.writeString(data.resolve("chair/train/broken.off"), "OFF\n3 1 0\n0 0 0\n");
        AtomicInteger progress = new AtomicInteger();
        VoxelSet first = ModelNetData.folder(data, SMALL, cache, (done, total) -> progress.set(total), () -> false);
        assertEquals(List.of("bathtub", "bed", "chair"), first.classes(), "the first 3 class folders, alphabetically");
        assertEquals(12, first.trainSize(), "4 per class; the broken file is skipped");
        assertEquals(3, first.testSize());
        assertEquals(16, progress.get(), "every file counted, the broken one too");
        assertEquals(1, first.skipped().size());
        assertTrue(
                first.skipped().get(0).contains("broken.off"), first.skipped().toString());
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "one cache file");
        }
        progress.set(0);
        VoxelSet again = ModelNetData.folder(data, SMALL, cache, (done, total) -> progress.set(total), () -> false);
        assertEquals(0, progress.get(), "read from the cache: no mesh read again");
        assertArrayEquals(first.train(), again.train());
        assertArrayEquals(first.testLabels(), again.testLabels());
        assertEquals(first.skipped(), again.skipped());
        Files.writeString(data.resolve("bed/test/new.off"), Files.readString(data.resolve("bed/test/bed_0005.off")));
        VoxelSet changed = ModelNetData.folder(data, SMALL, cache, (done, total) -> {}, () -> false);
        assertEquals(4, changed.testSize(), "a new file invalidates the cache");
    }

    @Test
    void builtInObjectsAndCancelling() throws DataException {
        VoxelSet v = ModelNetData.builtIn(new ModelNetData.Settings(2, 8, 128, 1, true), (d, t) -> {}, () -> false);
        assertEquals(2 * ModelNetData.BUILT_IN_TRAIN, v.trainSize());
        assertEquals(2 * ModelNetData.BUILT_IN_TEST, v.testSize());
        assertEquals(v.trainSize() * 512, v.train().length);
        assertEquals(
                "modelnet.cancelled",
                assertThrows(
                                DataException.class,
                                () -> ModelNetData.builtIn(
                                        new ModelNetData.Settings(2, 8, 128, 1, true), (d, t) -> {}, () -> true))
                        .problem()
                        .key());
    }

    @Test
    void aFolderThatIsNotModelNetSaysSo(@TempDir Path dir) throws Exception {
        assertEquals(
                "modelnet.noClasses",
                assertThrows(
                                DataException.class,
                                () -> ModelNetData.folder(dir, SMALL, null, (d, t) -> {}, () -> false))
                        .problem()
                        .key());
        assertEquals(
                "data.noFolder",
                assertThrows(
                                DataException.class,
                                () -> ModelNetData.folder(dir.resolve("none"), SMALL, null, (d, t) -> {}, () -> false))
                        .problem()
                        .key());
    }

    @Test
    void builtInObjectsSitInTheirSlotsWithTheirLabels() throws DataException {
        ModelNetData.Settings s = new ModelNetData.Settings(2, 8, 128, 3, false);
        AtomicInteger total = new AtomicInteger(), last = new AtomicInteger();
        VoxelSet v = ModelNetData.builtIn(
                s,
                (done, all) -> {
                    total.set(all);
                    last.accumulateAndGet(done, Math::max);
                },
                () -> false);
        int train = ModelNetData.BUILT_IN_TRAIN, test = ModelNetData.BUILT_IN_TEST, per = train + test, cells = 512;
        assertEquals(2 * per, total.get());
        assertEquals(2 * per, last.get(), "every object counted");
        int compared = 0;
        for (int c = 0; c < 2; c++) {
            for (int i : new int[] {0, train - 1, train, per - 1}) { // first and last training and test objects
                boolean isTrain = i < train;
                int slot = isTrain ? c * train + i : c * test + i - train;
                byte[] want = ModelNetData.voxelise(ModelNetLike.make(c, 3, i), s, c * per + i)
                        .cells();
                byte[] got = Arrays.copyOfRange(isTrain ? v.train() : v.test(), slot * cells, (slot + 1) * cells);
                assertArrayEquals(want, got, "class " + c + ", object " + i);
                assertEquals(c, (isTrain ? v.trainLabels() : v.testLabels())[slot]);
                compared++;
            }
        }
        assertEquals(8, compared);
        assertFalse(
                Arrays.equals(
                        ModelNetData.voxelise(ModelNetLike.make(0, 3, 0), s, 0).cells(),
                        ModelNetData.voxelise(
                                        ModelNetLike.make(0, 3, 0), new ModelNetData.Settings(2, 8, 128, 3, true), 0)
                                .cells()),
                "a long bathtub keeps its proportions only when asked");
    }

    @Test
    void aFolderIsReadInOrderAndItsCacheGivesTheSameSet(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("ModelNet"), cache = dir.resolve("cache");
        ModelNetLike.write(data, 2, 4); // 2 training objects and 1 test object per class
        for (String c : List.of("desk", "dresser", "monitor", "night_stand", "sofa", "table", "toilet", "bathtub"))
            deleteTree(data.resolve(c));
        deleteTree(data.resolve("chair/train")); // a class with test objects alone still counts
        Files.createDirectories(data.resolve("notes"));
        Files.writeString(data.resolve("bed/train/readme.txt"), "not a mesh");
        Files.writeString(
                data.resolve("bed/train/bed_0003.OFF"), Files.readString(data.resolve("bed/test/bed_0003.off")));
        ModelNetData.Settings s = new ModelNetData.Settings(10, Voxels.MIN_GRID, 256, 4, false);
        VoxelSet v = ModelNetData.folder(data, s, cache, (d, t) -> {}, () -> false);
        assertEquals(List.of("bed", "chair"), v.classes(), "two classes: enough");
        assertArrayEquals(new byte[] {0, 0, 0}, v.trainLabels(), "the .OFF file too, the text file not");
        assertArrayEquals(new byte[] {0, 1}, v.testLabels());
        assertEquals(List.of(), v.skipped());
        assertEquals(
                List.of(
                        data.resolve("bed/test/bed_0003.off").toAbsolutePath().toString(),
                        data.resolve("chair/test/chair_0003.off")
                                .toAbsolutePath()
                                .toString()),
                v.testFiles());
        byte[] first = ModelNetData.voxelise(MeshFiles.read(data.resolve("bed/train/bed_0001.off")), s, 0)
                .cells();
        assertArrayEquals(first, Arrays.copyOf(v.train(), first.length));
        AtomicInteger read = new AtomicInteger();
        VoxelSet cached = ModelNetData.folder(data, s, cache, (d, t) -> read.incrementAndGet(), () -> false);
        assertEquals(0, read.get(), "an 8³ cache is read back");
        assertEquals(v.testFiles(), cached.testFiles());
        assertEquals(v.classes(), cached.classes());
        assertArrayEquals(v.test(), cached.test());
        assertArrayEquals(v.trainLabels(), cached.trainLabels());
        Path file;
        try (var files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        VoxelSet again = ModelNetData.folder(data, s, cache, (d, t) -> read.incrementAndGet(), () -> false);
        assertEquals(5, read.get(), "a damaged cache: the five meshes read again");
        assertArrayEquals(v.train(), again.train());
    }

    private static void deleteTree(Path p) throws IOException {
        try (var all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
