package org.kernellab.bench;

import static org.kernellab.bench.FxApp.onFx;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.LessonLoader;
import org.kernellab.ui.LessonViews;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.dataset.DatasetPage;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.train3d.Train3DPage;
import org.kernellab.ui.training.TrainingPage;
import org.kernellab.ui.widgets.MarkdownView;

/**
 * {@code screens}: the app as a class sees it, saved as PNGs to look at: each given lesson (all when none is given) at a
 * window size, in a language and theme, with or without the lesson text or in presentation mode, once its content is
 * there (a lab's first run trained, with {@code --train N}), and each of its tabs. Needs a display ({@code xvfb-run -a -s "-screen 0 1920x1080x24"} on a server).
 */
final class Screens {
    /** What to show: the window's size, language, theme, panes, and the lessons (their ids). */
    record Setup(
            int width,
            int height,
            Locale language,
            Theme theme,
            boolean text,
            boolean presenting,
            List<String> lessons,
            int trainImages,
            boolean windows,
            Path labPictures,
            String press,
            Path script,
            List<Path> progressFiles) {}

    private Screens() {}

    static void run(Setup setup, Path folder, PrintStream out) throws Exception {
        Files.createDirectories(folder);
        String first = setup.lessons().isEmpty()
                ? "what-is-a-convolution"
                : setup.lessons().get(0);
        try (FxApp shot = new FxApp(first, setup.width(), setup.height(), s -> {
            s.language(setup.language());
            s.theme(setup.theme());
            s.textShown(setup.text());
        })) {
            onFx(() -> {
                shot.app().ctx().presentation().set(setup.presenting());
                return null;
            });
            List<String> lessons = setup.lessons().isEmpty()
                    ? LessonLoader.load(LessonViews.ids(), List.of()).lessons().stream()
                            .map(Lesson::id)
                            .toList()
                    : setup.lessons();
            for (String lesson : lessons) {
                onFx(() -> {
                    shot.app().shell().select(lesson);
                    return null;
                });
                if (setup.labPictures() != null) pictures(shot, setup.labPictures());
                if (setup.trainImages() > 0) train(shot, setup.trainImages());
                // each id in turn where the lesson has it, so that one run presses buttons of several lessons
                for (String id :
                        setup.press() == null ? new String[0] : setup.press().split(",")) {
                    settle(shot);
                    onFx(() -> {
                        if (shot.app().scene().lookup("#" + id) instanceof ButtonBase b) b.fire();
                        return null;
                    });
                }
                save(shot, folder.resolve(name(setup, lesson, "")), lesson, "", out);
                List<TabPane> panes = onFx(() -> shot.app().scene().getRoot().lookupAll(".tab-pane").stream()
                        .filter(Node::isVisible)
                        .map(n -> (TabPane) n)
                        .toList());
                for (TabPane pane : panes) {
                    for (int i = 1; i < pane.getTabs().size(); i++) {
                        int at = i;
                        String tab = onFx(() -> {
                            pane.getSelectionModel().select(at);
                            return pane.getTabs().get(at).getText();
                        });
                        save(shot, folder.resolve(name(setup, lesson, tab)), lesson, tab, out);
                    }
                    onFx(() -> {
                        pane.getSelectionModel().select(0);
                        return null;
                    });
                }
            }
            if (setup.windows()) windows(shot, setup, folder, out);
            if (setup.script() != null) script(shot, setup, folder, out);
            if (!setup.progressFiles().isEmpty()) {
                onFx(() -> shot.app()
                        .shell()
                        .progressActions()
                        .overview(shot.app().scene().getWindow(), setup.progressFiles()));
                saveWindow(shot, folder.resolve(name(setup, "window", "class")), "class", out);
            }
        }
    }

    /** Each step of a demo script as it is played (Page Down after each), then the window that records it. */
    private static void script(FxApp shot, Setup setup, Path folder, PrintStream out) throws Exception {
        int steps = onFx(() -> {
            shot.app().shell().actions().open(setup.script());
            return shot.app().shell().actions().script().steps().size();
        });
        for (int i = 0; i < steps; i++) {
            String tab = "step" + (i + 1);
            save(shot, folder.resolve(name(setup, "script", tab)), "script", tab, out);
            onFx(() -> shot.app().shell().actions().script().next());
        }
        onFx(() -> {
            shot.app().shell().actions().script().stop();
            shot.app().shell().actions().showScript();
            return null;
        });
        saveWindow(shot, folder.resolve(name(setup, "window", "script")), "script", out);
    }

    /** The training lab or the data browser on a folder of pictures, one sub-folder per class, as "My pictures…" takes it. */
    private static void pictures(FxApp shot, Path folder) throws Exception {
        onFx(() -> {
            if (shot.app().shell().page() instanceof TrainingPage t) t.lab().useFolder(folder);
            if (shot.app().shell().page() instanceof DatasetPage d)
                d.viewModel().use(PictureData.Source.FOLDER, folder);
            return null;
        });
    }

    /** The About window, then the Data sets window it opens. */
    private static void windows(FxApp shot, Setup setup, Path folder, PrintStream out) throws Exception {
        onFx(() -> {
            ((Button) shot.app().scene().lookup("#about-button")).fire();
            return null;
        });
        saveWindow(shot, folder.resolve(name(setup, "window", "about")), "about", out);
        onFx(() -> {
            ((Button) other(shot).getScene().lookup("#about-datasets-button")).fire();
            return null;
        });
        saveWindow(shot, folder.resolve(name(setup, "window", "datasets")), "datasets", out);
    }

    /** The window shown besides the app's. */
    private static Window other(FxApp shot) {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w != shot.app().scene().getWindow())
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static void saveWindow(FxApp shot, Path png, String name, PrintStream out) throws Exception {
        settle(shot);
        onFx(() -> ImageIO.write(
                SwingFXUtils.fromFXImage(other(shot).getScene().snapshot(null), null), "png", png.toFile()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", name);
        m.put("file", png.toString());
        Benchmarks.line(out, "screen", m);
    }

    /** A lab's first run, of two epochs on {@code images} images, finished, so that its table and charts are full. */
    private static void train(FxApp shot, int images) throws Exception {
        settle(shot);
        LabViewModel lab = onFx(() -> shot.app().shell().page() instanceof TrainingPage t
                ? t.viewModel()
                : shot.app().shell().page() instanceof Train3DPage t3 ? t3.viewModel() : null);
        if (lab == null || onFx(() -> !lab.runs().isEmpty())) return;
        onFx(() -> {
            lab.limitProperty().set(images);
            lab.epochsProperty().set(2);
            lab.train();
            return null;
        });
        while (!onFx(() ->
                !lab.runs().isEmpty() && lab.runs().get(0).finishedProperty().get())) Thread.sleep(100);
    }

    /** The window as it is once the page has settled, as a PNG, and a JSON line saying where. */
    private static void save(FxApp shot, Path png, String lesson, String tab, PrintStream out) throws Exception {
        settle(shot);
        onFx(() ->
                ImageIO.write(SwingFXUtils.fromFXImage(shot.app().scene().snapshot(null), null), "png", png.toFile()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lesson", lesson);
        m.put("tab", tab);
        m.put("file", png.toString());
        Benchmarks.line(out, "screen", m);
    }

    /** Waits until no background work runs and every formula of the lesson text is drawn. */
    static void settle(FxApp shot) throws Exception {
        for (int i = 0; i < 1200; i++) {
            boolean calm = onFx(() -> {
                MarkdownView text = (MarkdownView) shot.app().scene().lookup("#lesson-text");
                return shot.app().runner().running().isEmpty()
                        && (text == null || text.pendingFormulasProperty().get() == 0);
            });
            if (calm) break;
            Thread.sleep(50);
        }
        Thread.sleep(300); // two or three pulses, so that what was laid out is also drawn
    }

    private static String name(Setup s, String lesson, String tab) {
        return s.width() + "x" + s.height() + "-" + s.language().getLanguage() + "-"
                + s.theme().name().toLowerCase(Locale.ROOT) + (s.presenting() ? "-presenting" : "")
                + (s.text() ? "" : "-notext") + "-" + lesson + (tab.isEmpty() ? "" : "-" + tab.replaceAll("\\W+", "_"))
                + ".png";
    }
}
