package org.kernellab.ui.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Problem;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.ModelFile;
import org.kernellab.model.NetFiles;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.ui.task.TaskRunner;

/**
 * What the Fashion-MNIST lessons share: the data set (loaded once, in the background, from the folder the student
 * picked, the system's copy or the built-in subset) and the network being looked at (the shipped pretrained CNN,
 * one just trained, or one loaded from a file).
 */
public final class Workbench {
    /** The sources of a net opened from a file, reading ToTensor's pictures or normalized ones. */
    public static final Set<String> FILE_SOURCES = Set.of("maps.sourceFile", "maps.sourceFileNormalized");
    /**
     * Where the current network came from, for the views to say. {@code detail} is a file name or a run's name;
     * {@code file} the whole path of a net opened from a file (null otherwise), so that every view's scene can name it.
     */
    public record Source(String key, String detail, Path file) {
        public Source(String key, String detail) {
            this(key, detail, null);
        }
    }

    /**
     * A net the training lab trained on its other pictures (CIFAR-10's colour ones, a student's folder), with their test
     * pictures and class names: only the feature maps look inside it, the other views read Fashion-MNIST.
     */
    public record OtherPictures(Network net, Source source, Samples test, List<String> classes) {}

    private final I18n i18n;
    private final TaskRunner tasks;
    private final ObjectProperty<OtherPictures> other = new SimpleObjectProperty<>();
    /** Whether the lab's net for other pictures came after the net set here (the pretrained one loaded by default aside). */
    private boolean otherNewest;

    private final ReadOnlyObjectWrapper<FashionMnist.Loaded> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> dataProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<FashionMnist.Loaded>> waiting = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Problem> modelProblem = new ReadOnlyObjectWrapper<>();
    private final Path downloaded;
    /** The full set (downloaded or the system's) rather than the built-in subset, where there is one. */
    private final ObjectProperty<Boolean> fullSet = new SimpleObjectProperty<>(true);

    private boolean loading, modelLoading;

    public Workbench(I18n i18n, TaskRunner tasks) {
        this(i18n, tasks, null);
    }

    /** @param downloaded where the app downloads the full Fashion-MNIST (null: nowhere) */
    public Workbench(I18n i18n, TaskRunner tasks, Path downloaded) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.downloaded = downloaded;
        fullSet.addListener((o, was, now) -> load(null)); // a picked folder gives way to the chosen set
        other.addListener((o, was, now) -> otherNewest = now != null);
    }

    public ObjectProperty<Boolean> fullSetProperty() {
        return fullSet;
    }

    /** Whether there is a full set to switch to: downloaded, or installed on the system. */
    public boolean fullSetAvailable() {
        return FashionMnist.hasFull(downloaded);
    }

    /** Reads the chosen set again: a download has just made the full set whole, or removing it took it away. */
    public void reload() {
        FashionMnist.Loaded now = data.get();
        if (now == null || now.source() != FashionMnist.Source.FOLDER) load(null);
    }

    public ReadOnlyObjectProperty<FashionMnist.Loaded> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** Why the data could not be loaded, null when it could. */
    public ReadOnlyObjectProperty<Problem> dataProblemProperty() {
        return dataProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Why the pretrained model could not be read, null when it could. */
    public ReadOnlyObjectProperty<Problem> modelProblemProperty() {
        return modelProblem.getReadOnlyProperty();
    }

    /** Which Fashion-MNIST the lessons use, in the chosen language: where it is and how many images it has. */
    public String dataText() {
        FashionMnist.Loaded loaded = data.get();
        if (loaded == null) return i18n.tr("data.notLoaded");
        return i18n.tr(
                "data.source." + loaded.source(),
                loaded.location(),
                i18n.numbers().grouped(loaded.train().size()),
                i18n.numbers().grouped(loaded.test().size()));
    }

    /** Calls {@code then} with the data, at once if loaded, else after loading it in the background. */
    public void withData(Consumer<FashionMnist.Loaded> then) {
        if (data.get() != null) {
            then.accept(data.get());
            return;
        }
        waiting.add(then);
        if (!loading) load(null);
    }

    /** Loads the data from a folder the student picked; on failure the data in use stays. */
    public void useFolder(Path folder) {
        load(folder);
    }

    /** Data and why it is not what was asked for (null when it is). */
    private record Found(FashionMnist.Loaded data, Problem problem) {}

    /**
     * Loads in the background. When the data asked for cannot be read (a damaged system copy, a folder without the
     * files) the student still gets data: what was loaded before, else the built-in subset; the problem is shown.
     */
    private void load(Path folder) {
        loading = true;
        FashionMnist.Loaded before = data.get();
        tasks.run(
                i18n.tr("data.loading"),
                ctx -> {
                    try {
                        return new Found(
                                folder == null && !Boolean.TRUE.equals(fullSet.get())
                                        ? FashionMnist.builtIn()
                                        : FashionMnist.load(folder, downloaded),
                                null);
                    } catch (DataException e) {
                        return new Found(before != null ? before : FashionMnist.builtIn(), e.problem());
                    }
                },
                found -> {
                    loading = false;
                    dataProblem.set(found.problem());
                    data.set(found.data());
                    List<Consumer<FashionMnist.Loaded>> now = new ArrayList<>(waiting);
                    waiting.clear();
                    now.forEach(c -> c.accept(found.data()));
                },
                error -> {
                    loading = false; // not even the built-in subset: the status bar names the failure
                    dataProblem.set(Problem.of(error));
                });
    }

    /** The lab's last net for pictures other than Fashion-MNIST's (null: none yet). */
    public ObjectProperty<OtherPictures> otherPicturesProperty() {
        return other;
    }

    /** Whether the lab's net for other pictures is newer than the one set here: the feature maps show the newest. */
    public boolean otherPicturesNewest() {
        return otherNewest;
    }

    /** Shows a network in the views that look inside one. */
    public void setNetwork(Network net, Source from) {
        show(net, from, true);
    }

    /** {@code newest}: the student's choice, newer than the lab's net for other pictures (not a default loaded). */
    private void show(Network net, Source from, boolean newest) {
        otherNewest &= !newest;
        network.set(net);
        source.set(from);
    }

    /**
     * Has the net opened from a file read its pictures normalized as {@code Normalize((0.5,), (0.5,))} gives them, or
     * as ToTensor() does: a state dict does not say which its net was trained on.
     */
    public void normalize(boolean on) {
        Network net = network.get();
        Source from = source.get();
        if (net == null || from == null || !FILE_SOURCES.contains(from.key())) return;
        net.normalizeInputs(on);
        source.set(new Source(on ? "maps.sourceFileNormalized" : "maps.sourceFile", from.detail(), from.file()));
    }

    /** Loads the shipped pretrained CNN if no network is there yet, or always when {@code replace}. */
    public void usePretrained(boolean replace) {
        if ((network.get() != null && !replace) || modelLoading) return;
        modelLoading = true;
        tasks.run(
                i18n.tr("maps.loadingModel"),
                ctx -> ModelFile.pretrained(),
                net -> {
                    modelLoading = false;
                    if (network.get() == null || replace)
                        show(net, new Source("maps.sourcePretrained", pretrainedAccuracy()), replace);
                },
                error -> {
                    modelLoading = false;
                    modelProblem.set(Problem.of(error));
                });
    }

    /** The pretrained model's test accuracy as written beside it by the command that made it, e.g. "88.1%". */
    private String pretrainedAccuracy() {
        try (InputStream in = Workbench.class.getResourceAsStream(ModelFile.PRETRAINED.replace(".model", ".json"))) {
            if (in == null) return "?";
            double a = new ObjectMapper().readTree(in).path("test_accuracy").asDouble(Double.NaN);
            return Double.isNaN(a) ? "?" : i18n.numbers().percent(a);
        } catch (IOException e) {
            return "?";
        }
    }

    /** Loads a saved network (KernelLab's or a PyTorch state dict) to look inside; a damaged file leaves the current one and says why. */
    public void loadModel(Path file) {
        tasks.run(
                i18n.tr("train.loading", file.getFileName()),
                ctx -> NetFiles.open(file, null).network(),
                net -> {
                    modelProblem.set(null);
                    setNetwork(
                            net,
                            new Source("maps.sourceFile", file.getFileName().toString(), file.toAbsolutePath()));
                },
                error -> modelProblem.set(Problem.of(error)));
    }
}
