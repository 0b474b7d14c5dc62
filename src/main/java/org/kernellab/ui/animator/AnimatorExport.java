package org.kernellab.ui.animator;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.widgets.GifWriter;

/** The animator's frame as a PNG, or every step as an animated GIF (a background task with progress and cancel). */
final class AnimatorExport {
    private final AnimatorViewModel vm;
    private final AppContext ctx;
    private final Parent stage;
    private final Runnable stillFrame;
    private final Consumer<String> showError;

    /**
     * @param stage      what is captured: the grids, the products and sum
     * @param stillFrame stops the window's glide so a frame shows it in place
     */
    AnimatorExport(
            AnimatorViewModel vm, AppContext ctx, Parent stage, Runnable stillFrame, Consumer<String> showError) {
        this.vm = vm;
        this.ctx = ctx;
        this.stage = stage;
        this.stillFrame = stillFrame;
        this.showError = showError;
    }

    void choose(boolean gif) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(gif ? "convolution.gif" : "convolution.png");
        fc.getExtensionFilters()
                .add(
                        gif
                                ? new FileChooser.ExtensionFilter("GIF", "*.gif")
                                : new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(stage.getScene().getWindow());
        if (f == null) return;
        if (gif) gif(f.toPath());
        else png(f.toPath());
    }

    /** The current frame as a PNG. */
    void png(Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(snapshot(), null), "png", file.toFile());
        } catch (IOException e) {
            showError.accept(ctx.i18n().tr("animator.exportFailed", file.getFileName(), e.getMessage()));
        }
    }

    /**
     * Every step as a frame of an animated GIF, as a background task with progress and cancel. The frames are
     * snapshots taken on the FX thread; encoding happens off it. The student's step is restored afterwards.
     */
    void gif(Path file) {
        int steps = vm.stepper().count();
        if (steps == 0) {
            showError.accept(ctx.i18n().tr("animator.nothingToExport"));
            return;
        }
        int before = vm.stepper().step();
        int delay = (int) Math.round(1000 / vm.stepper().speedProperty().get());
        ctx.tasks()
                .run(
                        ctx.i18n().tr("animator.gifTask", file.getFileName()),
                        work -> {
                            try (GifWriter gif = new GifWriter(file, delay)) {
                                for (int i = 0; i < steps; i++) {
                                    if (work.cancelled()) return null;
                                    int step = i;
                                    FutureTask<BufferedImage> frame = new FutureTask<>(() -> {
                                        vm.stepper().stepProperty().set(step);
                                        stillFrame.run();
                                        return SwingFXUtils.fromFXImage(snapshot(), null);
                                    });
                                    Platform.runLater(frame);
                                    gif.add(frame.get());
                                    work.progress(i + 1, steps);
                                }
                                gif.finish();
                            }
                            return file;
                        },
                        done -> vm.stepper().stepProperty().set(before),
                        error -> {
                            vm.stepper().stepProperty().set(before);
                            showError.accept(
                                    ctx.i18n().tr("animator.exportFailed", file.getFileName(), error.getMessage()));
                        });
    }

    private WritableImage snapshot() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(ctx.theme().get().palette().background());
        stage.applyCss();
        stage.layout();
        return stage.snapshot(p, null);
    }
}
