package org.kernellab.ui.widgets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
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
        FileChooser fc = chooser("KernelLab model", "*.model");
        fc.setInitialFileName(suggestedName);
        return path(fc.showSaveDialog(owner));
    }

    /**
     * A net to open: today's {@code .model}, an earlier version's 3D {@code .model3d}, or a state dict saved by PyTorch
     * ({@code .pt}, {@code .pth}, {@code .safetensors}) or an ONNX model.
     */
    public static Optional<Path> open(Window owner) {
        FileChooser fc =
                chooser("KernelLab or PyTorch net", "*.model", "*.model3d", "*.pt", "*.pth", "*.safetensors", "*.onnx");
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("KernelLab model", "*.model", "*.model3d"),
                        new FileChooser.ExtensionFilter("PyTorch state dict", "*.pt", "*.pth", "*.safetensors"),
                        new FileChooser.ExtensionFilter("ONNX", "*.onnx"));
        return path(fc.showOpenDialog(owner));
    }

    /** A file to write an ONNX model to. */
    public static Optional<Path> saveOnnx(Window owner) {
        FileChooser fc = chooser("ONNX", "*.onnx");
        fc.setInitialFileName("kernellab.onnx");
        return path(fc.showSaveDialog(owner));
    }

    /** A folder to write a PyTorch project into (an export's files go straight into it). */
    public static Optional<Path> exportFolder(Window owner) {
        DirectoryChooser dc = new DirectoryChooser();
        Path folder = UserDirs.current().models();
        if (Files.isDirectory(folder)) dc.setInitialDirectory(folder.toFile());
        return path(dc.showDialog(owner));
    }

    private static FileChooser chooser(String description, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
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
