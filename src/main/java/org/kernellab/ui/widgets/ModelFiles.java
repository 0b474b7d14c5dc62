package org.kernellab.ui.widgets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kernellab.install.UserDirs;

/**
 * Save and open dialogs for trained networks. They start in the user's models folder (made on first use), so a
 * student's networks land in their own data folder and not in the install folder or wherever the last dialog was.
 */
public final class ModelFiles {
    /** A 2D network ({@code .model}) and a 3D one ({@code .model3d}). */
    public enum Kind {
        CNN("KernelLab model", "model"), CONV3D("KernelLab 3D model", "model3d");

        private final String description, extension;

        Kind(String description, String extension) {
            this.description = description;
            this.extension = extension;
        }
    }

    private ModelFiles() {}

    public static Optional<Path> save(Window owner, Kind kind, String suggestedName) {
        FileChooser fc = chooser(kind);
        fc.setInitialFileName(suggestedName);
        return path(fc.showSaveDialog(owner));
    }

    public static Optional<Path> open(Window owner, Kind kind) { return path(chooser(kind).showOpenDialog(owner)); }

    private static FileChooser chooser(Kind kind) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.description, "*." + kind.extension));
        Path folder = UserDirs.current().models();
        try {
            fc.setInitialDirectory(Files.createDirectories(folder).toFile());
        } catch (IOException | SecurityException e) {
            // an unwritable home: the dialog opens where the system chooses, and saving still names its own errors
        }
        return fc;
    }

    private static Optional<Path> path(File f) { return Optional.ofNullable(f).map(File::toPath); }
}
