package org.kernellab.ui.voxels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.mesh.Voxels;
import org.kernellab.ui.AppHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The voxel viewer: the sliders re-voxelise, the slice hides layers, a file opens, a bad file is named and changes nothing. */
@ExtendWith(ApplicationExtension.class)
class VoxelPageTest {
    AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void theGridSliderReVoxelisesAndTheSliceHidesLayers(FxRobot robot) throws Exception {
        VoxelPage page = harness.open(robot, "voxels", VoxelPage.class);
        VoxelViewModel vm = page.viewModel();
        assertEquals(24, vm.resultProperty().get().voxels().size());
        int at24 = vm.resultProperty().get().voxels().occupied();
        robot.interact(() -> robot.lookup("#vox-grid").queryAs(Slider.class).setValue(8));
        assertEquals(8, vm.resultProperty().get().voxels().size(), "the slider re-voxelises");
        assertTrue(vm.resultProperty().get().voxels().occupied() < at24, "fewer, larger cells");
        assertEquals(8, vm.sliceProperty().get(), "all layers stay shown");
        assertTrue(robot.lookup("#vox-figures").queryAs(Label.class).getText().contains("8×8×8"));
        robot.interact(() -> vm.sliceProperty().set(3));
        if (page.threeD()) { // the 3D view keeps the lowest 3 layers: as many cube faces as those layers make
            Voxels v = vm.resultProperty().get().voxels();
            AppHarness.waitFor(() -> page.voxelFaces() == faces(Scene3d.voxels(v, 3, null)));
            assertTrue(page.voxelFaces() < faces(Scene3d.voxels(v, v.size(), null)), "the slice hides layers");
        } else {
            assertEquals(3, page.slicesPane().getChildren().size(), "one 2D slice per layer shown");
        }
        // no 3D net trained yet: Grad-CAM says where to get one
        robot.interact(
                () -> robot.lookup("#vox-gradcam").queryAs(CheckBox.class).fire());
        assertTrue(
                robot.lookup("#vox-gradcam-said").queryAs(Label.class).getText().contains("3D lab"));
        robot.interact(() -> vm.keepAspectProperty().set(true));
        assertTrue(vm.resultProperty().get().voxels().occupied() > 0);
        robot.interact(() -> vm.objectClassProperty().set(8));
        assertTrue(
                robot.lookup("#vox-figures").queryAs(Label.class).getText().startsWith("Table #1"),
                "names the class in the language");
    }

    static int faces(MeshView m) {
        return m.getMesh() == null ? 0 : ((TriangleMesh) m.getMesh()).getFaces().size() / 6;
    }

    @Test
    void aFileOpensAndABadOneIsNamed(FxRobot robot, @TempDir Path dir) throws Exception {
        VoxelPage page = harness.open(robot, "voxels", VoxelPage.class);
        VoxelViewModel vm = page.viewModel();
        Path square =
                Files.writeString(dir.resolve("square.off"), "OFF\n4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3\n");
        robot.interact(() -> vm.open(square));
        assertEquals("square.off", vm.resultProperty().get().file());
        assertNull(vm.problemProperty().get());
        var before = vm.resultProperty().get();
        Path bad = Files.writeString(dir.resolve("bad.off"), "OFF\n3 1 0\n0 0 0\n");
        robot.interact(() -> vm.open(bad));
        assertNotNull(vm.problemProperty().get());
        assertSame(before, vm.resultProperty().get(), "the object on screen stays");
        assertTrue(robot.lookup("#vox-problem").queryAs(Label.class).getText().contains("bad.off, line 4"));
        robot.interact(vm::another);
        assertNull(vm.resultProperty().get().file(), "choosing a built-in object leaves the file");
    }
}
