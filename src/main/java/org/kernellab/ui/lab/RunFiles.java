package org.kernellab.ui.lab;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.kernellab.compute.Problem;
import org.kernellab.data.DataException;
import org.kernellab.model.ModelFile;
import org.kernellab.model.OnnxExport;
import org.kernellab.model.PyTorchExport;
import org.kernellab.model.Trainer;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.task.TaskRunner;

/**
 * A run's net written out, in the background: as a KernelLab model, a PyTorch project or an ONNX model; and how an
 * opened net reads its pictures.
 */
final class RunFiles {
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Problem> notice;

    RunFiles(TaskRunner tasks, I18n i18n, Consumer<Problem> notice) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.notice = notice;
    }

    /** The run's network as a KernelLab model (written through a temporary file). */
    void save(Run run, Path file) {
        if (run == null || run.network == null) return;
        tasks.run(
                i18n.tr("train.saving", file.getFileName()),
                ctx -> {
                    ModelFile.save(run.network, file);
                    return file;
                },
                f -> notice.accept(new Problem("train.saved", f.getFileName())),
                e -> notice.accept(new Problem("train.cannotSave", file.getFileName(), DataException.why(e))));
    }

    /**
     * The run's net as a PyTorch project in {@code folder} ({@link PyTorchExport}), with the lab's voxel grids for a net of
     * volumes, its README in the app's language; a folder that cannot be written gives a message.
     */
    void pyTorch(Run run, Path folder) {
        if (run == null || run.network == null || run.data == null) return;
        Locale language = i18n.localeProperty().get();
        tasks.run(
                i18n.tr("train.exporting", folder.getFileName()),
                ctx -> PyTorchExport.write(
                        run.network,
                        run.feed.augment(),
                        run.data.train(),
                        run.data.test(),
                        run.name(),
                        language,
                        folder),
                files -> notice.accept(new Problem("train.exported", folder)),
                e -> notice.accept(Problem.of(e)));
    }

    /** The run's net as an ONNX model ({@link OnnxExport}); a file that cannot be written gives a message. */
    void onnx(Run run, Path file) {
        if (run == null || run.network == null) return;
        tasks.run(
                i18n.tr("train.exporting", file.getFileName()),
                ctx -> OnnxExport.write(run.network, file),
                model -> notice.accept(new Problem("train.exportedOnnx", file)),
                e -> notice.accept(Problem.of(e)));
    }

    /**
     * Reads an opened run's pictures as {@code Normalize((0.5,), (0.5,))} gives them, or as ToTensor() does, and tests
     * it again in the background (then {@code then}): a state dict does not say which of the two its net was trained on.
     */
    void normalize(Run run, boolean on, Runnable then) {
        if (run == null || run.network == null || run.data == null) return;
        tasks.run(
                i18n.tr("train.testing", run.name()),
                work -> {
                    run.network.normalizeInputs(on);
                    return Trainer.evaluate(run.network, run.data.test());
                },
                e -> {
                    run.evaluation.set(e);
                    then.run();
                },
                e -> notice.accept(Problem.of(e)));
    }
}
