package org.kernellab.ui.voxels;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.lesson.LessonParams;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.Voxels;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;

/** The voxel viewer's scene fields (listed on {@link VoxelPage}). */
final class VoxelScene {
    static final int MIN_POINTS = 256, MAX_POINTS = 8192, MAX_INDEX = 1_000_000;
    static final double MIN_DISTANCE = 150, MAX_DISTANCE = 2000, MAX_PITCH = 89;

    private VoxelScene() {}

    /** The camera the three views share, and the switch that turns it. */
    record Camera(DoubleProperty yaw, DoubleProperty pitch, DoubleProperty distance, BooleanProperty spin) {}

    static SceneFields of(LessonParams params, AppContext ctx, VoxelViewModel vm, VoxelCam cam, Camera c) {
        SceneFields scene = new SceneFields(params)
                .custom(
                        "real",
                        () -> vm.realProperty().get() != null,
                        v -> vm.realProperty().set(SceneFields.truth("real", v) ? modelNet(ctx) : null))
                .custom(
                        "class",
                        () -> vm.objectClassProperty().get(),
                        v -> vm.objectClassProperty()
                                .set(SceneFields.whole("class", v, 0, ModelNetLike.CLASSES.size() - 1)))
                .integer("index", vm.indexProperty(), 0, MAX_INDEX)
                .custom("file", () -> vm.file() == null ? null : vm.file().toString(), v -> open(vm, v))
                .integer("grid", vm.gridProperty(), Voxels.MIN_GRID, Voxels.MAX_GRID)
                .custom(
                        "slice",
                        () -> vm.sliceProperty().get(),
                        v -> vm.sliceProperty()
                                .set(SceneFields.whole(
                                        "slice", v, 1, vm.gridProperty().get())))
                .integer("points", vm.pointsProperty(), MIN_POINTS, MAX_POINTS)
                .custom(
                        "fit",
                        () -> SceneFields.word(
                                vm.keepAspectProperty().get() ? Voxels.Fit.KEEP_ASPECT : Voxels.Fit.STRETCH),
                        v -> vm.keepAspectProperty()
                                .set(SceneFields.choose("fit", v, Voxels.Fit.class) == Voxels.Fit.KEEP_ASPECT))
                .choice("show", vm.showProperty(), VoxelViewModel.Show.class)
                .bool("spin", c.spin())
                .bool("gradcam", cam.onProperty())
                // while the views turn, where they are is no setting
                .custom(
                        "yaw",
                        () -> c.spin().get() ? null : turn(c.yaw().get()),
                        v -> c.yaw().set(angle("yaw", v, 180)))
                .decimal("pitch", c.pitch(), -MAX_PITCH, MAX_PITCH)
                .decimal("distance", c.distance(), MIN_DISTANCE, MAX_DISTANCE);
        scene.finish();
        return scene;
    }

    /** An angle in degrees, from −180 to below 180. */
    static double turn(double degrees) {
        double d = ((degrees % 360) + 540) % 360 - 180;
        return d == -0.0 ? 0 : d;
    }

    private static double angle(String name, Object v, double max) {
        if (!(v instanceof Number n) || !(Math.abs(n.doubleValue()) <= max))
            throw new SceneFields.Invalid("scene.range", name, v, -max, max);
        return n.doubleValue();
    }

    /** The downloaded ModelNet10's folder; IllegalArgumentException before it is downloaded. */
    private static Path modelNet(AppContext ctx) {
        DataSetsViewModel.Entry e = DataSetsView.model(ctx).entry(RemoteSet.MODELNET10.name());
        if (e.stateProperty().get() != DataSetsViewModel.State.READY)
            throw new IllegalArgumentException("ModelNet10 is not downloaded: the Data sets window gets it");
        return e.folder();
    }

    private static void open(VoxelViewModel vm, Object v) {
        vm.open(SceneFields.file(v));
        if (vm.problemProperty().get() != null)
            throw new IllegalArgumentException(vm.problemProperty().get().english());
    }
}
