package org.kernellab.ui.voxels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The voxel viewer on real ModelNet objects: the class's training meshes in name order, round and round. */
class VoxelViewModelTest {
    private static final String TRIANGLE = "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";

    @Test
    void realObjectsReplaceTheStandInsAndAMissingClassIsSaid(@TempDir Path dir) throws Exception {
        Path chairs = Files.createDirectories(dir.resolve("chair/train"));
        Files.writeString(chairs.resolve("chair_0002.off"), TRIANGLE);
        Files.writeString(
                chairs.resolve("chair_0001.off"), "OFF\n4 2 0\n0 0 0\n1 0 0\n1 1 0\n0 1 1\n3 0 1 2\n3 0 2 3\n");
        VoxelViewModel vm = new VoxelViewModel();
        vm.objectClassProperty().set(2); // chair
        vm.realProperty().set(dir);
        assertEquals("chair_0001.off", vm.resultProperty().get().file());
        assertEquals(2, vm.resultProperty().get().mesh().triangles().length / 3);
        vm.another();
        assertEquals("chair_0002.off", vm.resultProperty().get().file());
        vm.another();
        assertEquals("chair_0001.off", vm.resultProperty().get().file(), "round again");

        vm.objectClassProperty().set(0); // bathtub: not in this folder
        assertEquals("data.noFolder", vm.problemProperty().get().key());
        assertNull(vm.resultProperty().get().file(), "the stand-in is shown instead");
        vm.realProperty().set(null);
        assertNull(vm.resultProperty().get().file());
        assertNull(vm.problemProperty().get(), "the stand-ins again, nothing missing");
    }
}
