package org.kernellab.ui.voxels;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import org.kernellab.compute.Problem;
import org.kernellab.mesh.Voxels;
import org.kernellab.model.Network;
import org.kernellab.model.Saliency;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.explain.Latest;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.task.TaskRunner;

/**
 * Grad-CAM of a 3D net on the viewer's voxels: the 3D lab's last finished net whose input is the viewer's grid,
 * explaining the class it predicts for the object, upsampled (trilinear) to the grid so that each voxel can be coloured
 * by it. Computed in the background when switched on, and again for each new object or net.
 */
public final class VoxelCam {
    /** The map over the grid (x slowest, z fastest, as the voxels), the class it explains and the net's probability. */
    public record Cam(float[] values, int grid, int predicted, float probability) {}

    private final VoxelViewModel vm;
    private final ObservableList<Run> runs;
    private final Lifetime life = new Lifetime();
    private final BooleanProperty on = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Cam> cam = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final Latest<Cam> maps;

    /** @param runs the 3D lab's runs, where the net comes from */
    public VoxelCam(VoxelViewModel vm, ObservableList<Run> runs, TaskRunner tasks, I18n i18n) {
        this.vm = vm;
        this.runs = runs;
        maps = new Latest<>(tasks, () -> i18n.tr("vox.camComputing"), cam::set, e -> problem.set(Problem.of(e)));
        life.onChange(on, o -> update());
        life.onChange(vm.resultProperty(), r -> update());
        life.onList(runs, c -> update());
    }

    public void dispose() {
        life.end();
        maps.cancel();
    }

    /** The 3D lab's last finished net that reads this grid, or null. */
    Network net(int grid) {
        List<Run> done = runs.stream()
                .filter(r -> r.statusProperty().get() == Run.Status.DONE && r.network() != null)
                .filter(r -> Arrays.equals(r.net().input(), new int[] {1, grid, grid, grid}))
                .toList();
        return done.isEmpty() ? null : done.get(done.size() - 1).network();
    }

    private void update() {
        VoxelViewModel.Result r = vm.resultProperty().get();
        if (!on.get() || r == null) {
            cam.set(null);
            problem.set(null);
            return;
        }
        Voxels v = r.voxels();
        Network net = net(v.size());
        if (net == null || Saliency.gradCamLayer(net) < 1) {
            cam.set(null);
            problem.set(new Problem("vox.camNoNet", v.size()));
            return;
        }
        problem.set(null);
        cam.set(null); // the last object's map is not this one's
        float[] x = new float[v.cells().length];
        for (int k = 0; k < x.length; k++) x[k] = v.cells()[k];
        maps.submit(w -> {
            Saliency.Map m = Saliency.gradCam(net, x, -1, Saliency.gradCamLayer(net));
            return new Cam(m.upsampled(), v.size(), m.cls(), m.probabilities()[m.cls()]);
        });
    }

    public BooleanProperty onProperty() {
        return on;
    }

    public ReadOnlyObjectProperty<Cam> camProperty() {
        return cam.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
