package org.kernellab.ui.voxels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Problem;
import org.kernellab.data.DataException;
import org.kernellab.mesh.Mesh;
import org.kernellab.mesh.MeshFiles;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.Surface;
import org.kernellab.mesh.Voxels;

/**
 * One 3D object as the course's pipeline sees it: the mesh (a built-in ModelNet10-like object or a file the student
 * opens), points sampled on its surface, and the occupancy grid they fall into. Any change re-samples and re-voxelises
 * (both take well under a millisecond for one object).
 */
public final class VoxelViewModel {
    /** Which of the three the viewer shows. */
    public enum Show {
        MESH,
        POINTS,
        VOXELS,
        ALL
    }

    /**
     * What the viewer draws, and the figures beside it.
     *
     * @param file the name of the file the mesh came from, null for a built-in object (of {@code objectClass}, number {@code index})
     */
    public record Result(Mesh mesh, String file, int objectClass, int index, float[] points, Voxels voxels) {}

    private final ObjectProperty<Integer> objectClass =
            new SimpleObjectProperty<>(2); // a chair, as in the course's pictures
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final IntegerProperty grid = new SimpleIntegerProperty(24);
    private final IntegerProperty points = new SimpleIntegerProperty(2048);
    private final BooleanProperty keepAspect = new SimpleBooleanProperty(false);
    /** How many layers of voxels are shown, from the bottom: fewer to look inside. */
    private final IntegerProperty slice = new SimpleIntegerProperty(24);

    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.ALL);

    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    /** A ModelNet folder whose real objects replace the stand-ins (the downloaded ModelNet10), or null. */
    private final ObjectProperty<Path> real = new SimpleObjectProperty<>();

    private Mesh file;
    private String fileName;
    private Path filePath;

    public VoxelViewModel() {
        grid.addListener((o, was, now) -> {
            if (slice.get() >= was.intValue() || slice.get() > now.intValue())
                slice.set(now.intValue()); // all layers stay all
            update();
        });
        for (Observable o : new Observable[] {points, keepAspect}) o.addListener(x -> update());
        for (Observable o : new Observable[] {objectClass, index, real}) {
            o.addListener(x -> {
                file = null; // choosing a built-in object leaves the file
                update();
            });
        }
        real.addListener((o, was, now) -> {
            if (now == null) problem.set(null); // the stand-ins again: what the real folder lacked no longer matters
        });
        update();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last file could not be opened, null when it could. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Opens a mesh file (OFF, OBJ, STL); a bad one leaves the object on screen and says why. */
    public void open(Path path) {
        try {
            file = MeshFiles.read(path);
            fileName = path.getFileName().toString();
            filePath = path;
            problem.set(null);
            update();
        } catch (DataException e) {
            problem.set(e.problem());
        }
    }

    /** The file whose mesh is shown, null for a built-in or real object. */
    public Path file() {
        return file != null ? filePath : null;
    }

    /** The next object of the class. */
    public void another() {
        index.set(index.get() + 1);
    }

    private void update() {
        Mesh mesh = file != null ? file : real.get() != null ? realMesh() : null;
        if (mesh == null) mesh = ModelNetLike.make(objectClass.get(), 1, index.get());
        float[] pts = Surface.sample(mesh, points.get(), 0);
        result.set(new Result(
                mesh,
                file != null || real.get() != null && problem.get() == null ? fileName : null,
                objectClass.get(),
                index.get(),
                pts,
                Voxels.of(pts, grid.get(), keepAspect.get() ? Voxels.Fit.KEEP_ASPECT : Voxels.Fit.STRETCH)));
    }

    /**
     * Training object {@code index} (counted round) of the class in the real folder, in name order; null, with the
     * problem said, where it cannot be read (the stand-in is shown instead).
     */
    private Mesh realMesh() {
        Path dir =
                real.get().resolve(ModelNetLike.CLASSES.get(objectClass.get())).resolve("train");
        if (!Files.isDirectory(dir)) {
            problem.set(new Problem("data.noFolder", dir));
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> meshes = s.filter(
                            p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".off"))
                    .sorted()
                    .toList();
            if (meshes.isEmpty()) throw new DataException("data.noFolder", dir);
            Path p = meshes.get(Math.floorMod(index.get(), meshes.size()));
            Mesh m = MeshFiles.read(p);
            fileName = p.getFileName().toString();
            problem.set(null);
            return m;
        } catch (IOException e) {
            problem.set(new Problem("data.unreadable", dir, DataException.why(e)));
        } catch (DataException e) {
            problem.set(e.problem());
        }
        return null;
    }

    /** The real objects' folder (the downloaded ModelNet10), or null for the built-in stand-ins. */
    public ObjectProperty<Path> realProperty() {
        return real;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public IntegerProperty gridProperty() {
        return grid;
    }

    public IntegerProperty pointsProperty() {
        return points;
    }

    public BooleanProperty keepAspectProperty() {
        return keepAspect;
    }

    public IntegerProperty sliceProperty() {
        return slice;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public ObjectProperty<Integer> objectClassProperty() {
        return objectClass;
    }
}
