package org.kernellab.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kernellab.lesson.Catalog;
import org.kernellab.lesson.ProgressFiles;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.progress.ClassOverview;

/**
 * The student's progress out of the app (one file, with their name, that they hand in; nothing leaves the machine
 * otherwise) and the teacher's class overview of several such files.
 */
public final class ProgressActions {
    private final AppContext ctx;
    private final Settings settings;
    private final Catalog catalog;
    private final AppShell shell;

    ProgressActions(AppShell shell, AppContext ctx, Settings settings, Catalog catalog) {
        this.shell = shell;
        this.ctx = ctx;
        this.settings = settings;
        this.catalog = catalog;
    }

    /** Asks the student's name (the last one given is offered) and where to save, then writes the file. */
    void export(Window owner) {
        TextInputDialog ask = new TextInputDialog(settings.studentName());
        ask.initOwner(owner);
        ask.setTitle(ctx.i18n().tr("progress.export"));
        ask.setHeaderText(ctx.i18n().tr("progress.askName"));
        Optional<String> name = ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty()) return;
        settings.studentName(name.get());
        FileChooser fc = new FileChooser();
        fc.setTitle(ctx.i18n().tr("progress.export"));
        fc.setInitialFileName(name.get().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ProgressFiles.EXTENSION);
        fc.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(ctx.i18n().tr("progress.files"), "*" + ProgressFiles.EXTENSION));
        File f = fc.showSaveDialog(owner);
        if (f != null) export(name.get(), f.toPath());
    }

    /** Writes the student's progress over every lesson to {@code to}. */
    boolean export(String student, Path to) {
        return shell.actions()
                .write(
                        to,
                        () -> Files.writeString(
                                to,
                                ProgressFiles.write(ProgressFiles.report(student, ctx.progress(), catalog.lessons()))));
    }

    /** Asks for the students' files and shows them side by side. */
    void overview(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(ctx.i18n().tr("progress.overview"));
        fc.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(ctx.i18n().tr("progress.files"), "*" + ProgressFiles.EXTENSION));
        List<File> files = fc.showOpenMultipleDialog(owner);
        if (files != null && !files.isEmpty())
            overview(owner, files.stream().map(File::toPath).toList());
    }

    public ClassOverview overview(Window owner, List<Path> files) {
        ClassOverview o = new ClassOverview(owner, ProgressFiles.merge(files), ctx.i18n());
        o.show();
        return o;
    }
}
