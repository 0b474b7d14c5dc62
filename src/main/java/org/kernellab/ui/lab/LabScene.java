package org.kernellab.ui.lab;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kernellab.lesson.LessonParams;
import org.kernellab.model.Limits;
import org.kernellab.model.Training;
import org.kernellab.ui.core.SceneFields;

/**
 * The scene fields both labs share: {@code optimizer} (sgd or adam), {@code lr} (text, as the lessons write it: "0.002"),
 * {@code batch} (1–60,000), {@code epochs} (1–40); and after the lab's own, {@code run} (the selected run's number, from
 * 1) and {@code tab} (training or results). A lab is one for the app: a scene's settings apply when it is opened for
 * another lesson or scene than last time, so that a student coming back finds what they left.
 */
public final class LabScene {
    /** The epochs slider's last value. */
    public static final int MAX_EPOCHS = 40;

    private LabScene() {}

    /**
     * The parameters to apply: all of them when the lab is opened for another lesson or other settings than last time;
     * when a student comes back to it, only the page's own (the tab), the lab's being as they left them.
     */
    public static LessonParams applied(LabViewModel vm, LessonParams params) {
        Map<String, Object> sorted = new TreeMap<>(params.values());
        if (vm.openedFor(sorted.toString())) return params;
        sorted.keySet().retainAll(Set.of("tab"));
        return new LessonParams(sorted);
    }

    /** The training settings: optimizer, lr, batch, epochs. */
    public static SceneFields settings(SceneFields scene, LabViewModel vm) {
        return scene.choice("optimizer", vm.optimizerProperty(), Training.Optimizer.class)
                .custom("lr", () -> vm.lrProperty().get(), v -> vm.lrProperty().set(lr(v)))
                .custom(
                        "batch",
                        () -> vm.batchProperty().get(),
                        v -> vm.batchProperty().set(SceneFields.whole("batch", v, 1, Limits.MAX_BATCH)))
                .integer("epochs", vm.epochsProperty(), 1, MAX_EPOCHS);
    }

    /** The selected run and the tab shown. */
    public static SceneFields selection(SceneFields scene, LabViewModel vm, LabPage page) {
        return scene.custom(
                        "run",
                        () -> vm.selectedProperty().get() == null
                                ? null
                                : vm.selectedProperty().get().number(),
                        v -> vm.selectedProperty().set(run(vm, v)))
                .choice("tab", page.tabProperty(), LabPage.Shown.class);
    }

    /** Run number {@code v} of the lab; IllegalArgumentException when the lab has no such run (yet). */
    public static Run run(LabViewModel vm, Object v) {
        int n = SceneFields.whole("run", v, 1, Integer.MAX_VALUE);
        int runs = vm.runs().size();
        if (n > runs)
            throw new IllegalArgumentException("the lab has no run #" + n
                    + (runs == 0 ? ": no run has been trained or opened yet" : " (its runs are #1 to #" + runs + ")"));
        return vm.runs().get(n - 1);
    }

    /** A learning rate as the lessons write it, "0.002" (a number is taken too), from above 0 to 10. */
    static String lr(Object v) {
        String text = v instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(v).trim();
        double rate;
        try {
            rate = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the learning rate must be a number such as 0.001, not \"" + v + "\"");
        }
        if (!(rate > 0) || rate > Limits.MAX_LR)
            throw new IllegalArgumentException(
                    "the learning rate must be above 0 and at most " + (int) Limits.MAX_LR + ", not " + text);
        return text;
    }

    /**
     * Where a lab's data come from, as two fields: {@code dataFile} (a folder, which it then uses) and {@code data}
     * ({@code kinds}' words; the folder kind takes the folder in use or the one named). {@code use} applies a kind,
     * {@code folder} a folder; both throw IllegalArgumentException saying why not.
     */
    public static <E extends Enum<E>> SceneFields data(
            SceneFields scene,
            Class<E> kinds,
            Supplier<E> kind,
            Supplier<Path> folder,
            E folderKind,
            Consumer<E> use,
            Consumer<Path> useFolder) {
        return scene.custom(
                        "dataFile",
                        () -> kind.get() == folderKind && folder.get() != null
                                ? folder.get().toString()
                                : null,
                        v -> useFolder.accept(SceneFields.folder(v)))
                .custom("data", () -> SceneFields.word(kind.get()), v -> {
                    E k = SceneFields.choose("data", v, kinds);
                    if (k != folderKind) use.accept(k);
                    else if (kind.get() != folderKind) {
                        if (folder.get() == null)
                            throw new IllegalArgumentException("no folder is named: give it as dataFile");
                        useFolder.accept(folder.get());
                    }
                });
    }
}
