package org.kernellab.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
