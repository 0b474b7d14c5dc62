package org.kernellab.ui.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.ComputeException;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Net;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.I18n;

/**
 * The 3D lab's data: the first {@link #classes} classes of the built-in ModelNet10-like objects or of a ModelNet folder,
 * voxelised to 24³ in the background (a folder's voxels cached on disk), the last set kept for the next run.
 */
public final class VoxelData implements LabData {
    public static final int GRID = 24, POINTS = 2048;

    /** The notebook's NUM_CLASSES to start with. */
    private final IntegerProperty classes = new SimpleIntegerProperty(4);
    /** A ModelNet folder, or null for the built-in objects. */
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();

    private final Path cache;
    private volatile Kept kept;

    private record Kept(int classes, Path folder, Loaded data) {}

    /** @param cache where voxelised folders are kept (null: none) */
    public VoxelData(Path cache) {
        this.cache = cache;
    }

    @Override
    public int[] input() {
        return new int[] {1, GRID, GRID, GRID};
    }

    @Override
    public int classes() {
        return classes.get();
    }

    @Override
    public void prepare(Consumer<Loader> then) {
        int n = classes.get();
        Path from = folder.get();
        then.accept(work -> {
            Kept k = kept;
            if (k != null && k.classes() == n && Objects.equals(k.folder(), from)) return k.data();
            ModelNetData.Settings settings = new ModelNetData.Settings(n, GRID, POINTS, 1, false);
            VoxelSet set = from == null
                    ? ModelNetData.builtIn(settings, work::progress, work::cancelled)
                    : ModelNetData.folder(from, settings, cache, work::progress, work::cancelled);
            if (set.classes().size() < n)
                throw new ComputeException("cli.fewClasses", n, set.classes().size());
            Loaded data = new Loaded(Samples.train(set), Samples.test(set), set.classes(), test -> viewer(set, test));
            kept = new Kept(n, from, data);
            return data;
        });
    }

    /** The voxel viewer's parameters that show test object {@code test}: its file, or the built-in object it is. */
    static Map<String, Object> viewer(VoxelSet d, int test) {
        if (!d.testFiles().isEmpty()) return Map.of("file", d.testFiles().get(test));
        int c = d.testLabels()[test], j = test % ModelNetData.BUILT_IN_TEST;
        return Map.of("class", c, "index", ModelNetData.BUILT_IN_TRAIN + j);
    }

    /** ModelNet10's classes in the student's language, another folder's by its name. */
    @Override
    public String className(I18n i18n, Loaded data, int c) {
        String folderName =
                data == null ? ModelNetLike.CLASSES.get(c) : data.classes().get(c);
        String t = i18n.tr("vox.class." + folderName);
        return t.startsWith("!") ? folderName : t;
    }

    @Override
    public List<Preset> presets() {
        int n = classes.get();
        return List.of(
                new Preset("lab.preset.conv3dnet", CourseNets.conv3d(CourseNets.course3d(), GRID, n, 0.5)),
                new Preset("lab.preset.modified", CourseNets.conv3d(CourseNets.modified3d(), GRID, n, 0.5)),
                new Preset("lab.preset.norm3d", norm(n)));
    }

    /** Conv3d, BatchNorm3d and average pooling: a 3D net the course's blocks could not make. */
    private static Net norm(int classes) {
        return Net.fromJson("{\"input\": [1, 24, 24, 24], \"layers\": ["
                + "{\"type\": \"Conv3d\", \"out_channels\": 16, \"kernel_size\": 3}, "
                + "{\"type\": \"ReLU\"}, {\"type\": \"MaxPool3d\", \"kernel_size\": 2}, "
                + "{\"type\": \"Conv3d\", \"out_channels\": 32, \"kernel_size\": 3}, "
                + "{\"type\": \"BatchNorm3d\"}, {\"type\": \"ReLU\"}, {\"type\": \"AvgPool3d\", \"kernel_size\": 3}, "
                + "{\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": " + classes + "}]}");
    }

    public IntegerProperty classesProperty() {
        return classes;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }
}
