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
    private ModelFiles() {}

    /** A file to save a model to ({@code .model}, 2D and 3D alike). */
    public static Optional<Path> save(Window owner, String suggestedName) {
        FileChooser fc = chooser("*.model");
        fc.setInitialFileName(suggestedName);
        return path(fc.showSaveDialog(owner));
    }

    /** A model to open: today's {@code .model}, or an earlier version's 3D {@code .model3d}. */
    public static Optional<Path> open(Window owner) {
        return path(chooser("*.model", "*.model3d").showOpenDialog(owner));
    }

    private static FileChooser chooser(String... patterns) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("KernelLab model", patterns));
        Path folder = UserDirs.current().models();
        try {
            fc.setInitialDirectory(Files.createDirectories(folder).toFile());
        } catch (IOException | SecurityException e) {
            // an unwritable home: the dialog opens where the system chooses, and saving still names its own errors
        }
        return fc;
    }

    private static Optional<Path> path(File f) {
        return Optional.ofNullable(f).map(File::toPath);
    }
}
