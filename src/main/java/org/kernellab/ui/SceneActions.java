package org.kernellab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kernellab.compute.Problem;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.LessonLoader;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.LessonScript;
import org.kernellab.lesson.SceneFileException;
import org.kernellab.lesson.SceneFiles;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.script.ScriptViewModel;
import org.kernellab.ui.script.ScriptWindow;
import org.kernellab.ui.script.StepLock;

/**
 * Scenes and scripts in and out of the app: copy the view on screen as a scene (Ctrl+Shift+C) or save it, paste or open
 * one (a scene file, a script file, {@code --open FILE}); record the views on screen into a script and play it, Page
 * Down and Page Up (or → and ← while presenting) stepping through it.
 */
public final class SceneActions {
    private final AppShell shell;
    private final AppContext ctx;
    private final SceneNotice notices;
    private final ScriptViewModel script;
    private final Consumer<SceneFiles.Shelved> shelve;
    private ScriptWindow window;

    /** @param shelve lists a script saved in the user's lessons folder in the navigator */
    SceneActions(AppShell shell, AppContext ctx, SceneNotice notices, Consumer<SceneFiles.Shelved> shelve) {
        this.shelve = shelve;
        this.shell = shell;
        this.ctx = ctx;
        this.notices = notices;
        this.script = new ScriptViewModel(this::show);
        script.playingProperty().addListener((o, was, now) -> {
            if (now.intValue() < 0) release();
        });
    }

    public ScriptViewModel script() {
        return script;
    }

    /** The keys: copy and paste a scene; while a script plays, the clicker's keys step through it. */
    void install(Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+C"), this::copy);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+V"), this::paste);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (script.playingProperty().get() < 0) return;
            boolean arrows = ctx.presentation().get();
            KeyCode k = e.getCode();
            if (k == KeyCode.PAGE_DOWN || arrows && k == KeyCode.RIGHT) {
                script.next();
                e.consume();
            } else if (k == KeyCode.PAGE_UP || arrows && k == KeyCode.LEFT) {
                script.previous();
                e.consume();
            }
        });
    }

    /** The view on screen as scene text on the clipboard. */
    void copy() {
        LessonScene s = shell.scene();
        if (s == null) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(SceneFiles.write(s, null));
        Clipboard.getSystemClipboard().setContent(c);
        shell.status(ctx.i18n().tr("scene.copied"));
    }

    /** Scene or script text from the clipboard. */
    void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        try {
            use(SceneFiles.parse(text == null ? "" : text, null), null);
        } catch (SceneFileException e) {
            notices.show("scene.cannotPaste", List.of(e.problem()));
        }
    }

    /** Opens a scene or a script file; what is wrong with it is shown over the view and said on stderr. */
    public boolean open(Path file) {
        try {
            use(SceneFiles.read(file), file);
            return true;
        } catch (SceneFileException e) {
            notices.show("scene.cannotOpen", List.of(e.problem()), file);
            System.err.println(
                    "kernellab: cannot open " + file + ": " + e.problem().english());
            return false;
        }
    }

    private void use(Object read, Path file) {
        if (read instanceof LessonScript s) {
            script.load(s, file);
            script.play(0);
        } else {
            shell.openScene((LessonScene) read);
        }
    }

    /** Asks for a scene or script file and opens it. */
    void open(Window owner) {
        FileChooser fc = chooser("scene.openTitle");
        fc.getExtensionFilters()
                .add(
                        0,
                        new FileChooser.ExtensionFilter(
                                ctx.i18n().tr("scene.filesBoth"),
                                "*" + SceneFiles.SCENE_EXTENSION,
                                "*" + SceneFiles.SCRIPT_EXTENSION));
        File f = fc.showOpenDialog(owner);
        if (f != null) open(f.toPath());
    }

    /** Asks where to save the view on screen as a scene file. */
    void saveScene(Window owner) {
        LessonScene s = shell.scene();
        if (s == null) return;
        FileChooser fc = chooser("scene.saveTitle");
        fc.setInitialFileName(s.lesson() + SceneFiles.SCENE_EXTENSION);
        File f = fc.showSaveDialog(owner);
        if (f != null) save(s, f.toPath());
    }

    /** Saves the script to its file, or asks where when it has none. */
    void saveScript(Window owner) {
        Path to = script.fileProperty().get();
        if (to == null) {
            FileChooser fc = chooser("script.saveTitle");
            fc.setInitialDirectory(existing(ctx.userDirs().lessons()));
            fc.setInitialFileName("demo" + SceneFiles.SCRIPT_EXTENSION);
            File f = fc.showSaveDialog(owner);
            if (f == null) return;
            to = f.toPath();
        }
        if (!save(script.script(), to)) return;
        script.fileProperty().set(to);
        if (to.toAbsolutePath().getParent().equals(ctx.userDirs().lessons().toAbsolutePath()))
            shelve.accept(new SceneFiles.Shelved(
                    to,
                    script.titleProperty().get().isEmpty()
                            ? Map.of("en", to.getFileName().toString())
                            : script.titleProperty().get()));
    }

    boolean save(Object sceneOrScript, Path to) {
        return write(to, () -> SceneFiles.save(sceneOrScript, to));
    }

    /** Writing a file, which may fail. */
    interface Writing {
        void run() throws IOException;
    }

    /** Writes {@code to}: the status bar says it was saved, or a notice over the view why it was not. */
    boolean write(Path to, Writing writing) {
        try {
            writing.run();
            shell.status(ctx.i18n().tr("scene.saved", to));
            return true;
        } catch (IOException e) {
            notices.show(
                    "scene.cannotSave", List.of(new Problem("error.unexpected", String.valueOf(e.getMessage()))), to);
            return false;
        }
    }

    /** The view on screen as the script's last step, titled as its lesson; the script window shows it. */
    void addToScript() {
        LessonScene s = shell.scene();
        if (s == null) return;
        Lesson l = shell.current();
        Map<String, String> titles = new LinkedHashMap<>();
        for (String lang : LessonLoader.LANGUAGES) titles.put(lang, l.title(Locale.forLanguageTag(lang)));
        script.add(s, titles);
        showScript();
    }

    public void showScript() {
        if (window == null)
            window = new ScriptWindow(
                    shell.root().getScene().getWindow(),
                    script,
                    ctx.i18n(),
                    this::addToScript,
                    this::saveScript,
                    this::open);
        window.show();
    }

    /** A step on screen: its scene, and its hold on the view's settings (none on a view the scene could not open). */
    private void show(LessonScript.Step step) {
        shell.openScene(step.scene());
        boolean shown = shell.current() != null
                && shell.current().view().equals(step.scene().view());
        if (shown && shell.page() != null) StepLock.apply(shell.page().view(), step.controls());
    }

    /** The script ended: a view whose settings its last step locked or hid gets them back, as it is. */
    private void release() {
        LessonScene now = shell.scene();
        if (now != null && !StepLock.isFree(shell.page().view())) shell.openScene(now);
    }

    private FileChooser chooser(String titleKey) {
        FileChooser fc = new FileChooser();
        fc.setTitle(ctx.i18n().tr(titleKey));
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(ctx.i18n().tr("scene.files"), "*" + SceneFiles.SCENE_EXTENSION),
                        new FileChooser.ExtensionFilter(
                                ctx.i18n().tr("script.files"), "*" + SceneFiles.SCRIPT_EXTENSION));
        return fc;
    }

    private static File existing(Path dir) {
        return dir.toFile().isDirectory() ? dir.toFile() : null;
    }
}
