package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import java.util.Map;
import javafx.scene.control.CheckBox;
import org.kernellab.ui.voxels.VoxelPage;
import org.kernellab.ui.voxels.VoxelViewModel;

/**
 * {@code bench-voxels}: the voxel viewer at its largest grid (64³, 8,192 points: the most voxels it draws), turning by
 * itself; the FX thread's work per pulse while it turns, and the time from a grid change to the redrawn view. Needs a
 * display; asserts nothing.
 */
final class VoxelBench {
    private VoxelBench() {}

    static void run(double seconds, PrintStream out) throws Exception {
        try (FxApp bench = new FxApp("voxels")) {
            VoxelPage page = onFx(() -> (VoxelPage) bench.app().shell().page());
            VoxelViewModel vm = page.viewModel();
            double[] change = new double[10];
            for (int i = 0; i < change.length; i++) {
                int grid = i % 2 == 0 ? 63 : 64;
                change[i] = onFx(() -> {
                    long t0 = System.nanoTime();
                    vm.pointsProperty().set(8192);
                    vm.gridProperty().set(grid);
                    return (System.nanoTime() - t0) / 1e6;
                });
            }
            Benchmarks.line(
                    out,
                    "voxel viewer: grid change, FX-thread work (64³, 8,192 points; the meshes are built in the background)",
                    Stats.summary("rebuild", change));
            PulseProbe probe = new PulseProbe(bench.app().scene());
            onFx(() -> {
                probe.start();
                ((CheckBox) bench.app().scene().lookup("#vox-spin")).setSelected(true);
                return null;
            });
            Thread.sleep((long) (seconds * 1000));
            Map<String, Object> spin = onFx(() -> {
                ((CheckBox) bench.app().scene().lookup("#vox-spin")).setSelected(false);
                return probe.stop();
            });
            Benchmarks.line(
                    out,
                    "voxel viewer turning by itself, per pulse (64³, 8,192 points, mesh, points and voxels)",
                    spin);
        }
    }
}
