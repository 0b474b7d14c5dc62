package org.kernellab.ui.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Problem;
import org.kernellab.data.Cifar10;
import org.kernellab.data.DataException;
import org.kernellab.data.ImageFolder;
import org.kernellab.data.Pictures;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.Net;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;

/**
 * The training lab's pictures: Fashion-MNIST as the workbench has it (the student's folder, the downloaded or Debian's
 * full set, or the built-in subset), CIFAR-10's colour pictures once downloaded, or a folder of the student's own
 * pictures, one sub-folder per class, read as 32×32 colour squares. The last set read is kept for the next run.
 */
public final class PictureData implements LabData {
    /** The demo net: the course's CNN with 16 filters, which reaches 88% in about 25 s of training here. */
    public static final int DEMO_FILTERS = 16;
    /** The side a folder's pictures are scaled to: CIFAR-10's, so that the same nets fit both. */
    public static final int FOLDER_SIDE = Cifar10.SIDE;

    public enum Source {
        FASHION,
        CIFAR10,
        FOLDER
    }

    /** Fashion-MNIST's classes as its files have them: the labels 0–9, named in the student's language. */
    public static final List<String> FASHION_LABELS =
            IntStream.range(0, CourseNets.CLASSES).mapToObj(String::valueOf).toList();

    private final Workbench bench;
    private final Path cifar;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.FASHION);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private List<String> folderClasses = List.of();
    private volatile Kept kept;

    private record Kept(Source source, Path folder, Loaded data, List<Problem> skipped) {}

    public PictureData(Workbench bench) {
        this(bench, null);
    }

    /** @param cifar where CIFAR-10 is downloaded (null: nowhere) */
    public PictureData(Workbench bench, Path cifar) {
        this.bench = bench;
        this.cifar = cifar;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The student's folder of pictures, read when the source is {@link Source#FOLDER}. */
    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** Where CIFAR-10 is read from once downloaded. */
    public Path cifarFolder() {
        return cifar;
    }

    /** Takes a folder of the student's pictures: its classes are read at once (a folder with fewer than two is refused). */
    public void useFolder(Path p) throws DataException {
        folderClasses = ImageFolder.checkedClasses(p);
        folder.set(p);
        source.set(Source.FOLDER);
    }

    /** The files of the folder in use that its last reading could not read (none before it is read). */
    public List<Problem> skipped() {
        Kept k = kept;
        return k != null && k.source() == source.get() && Objects.equals(k.folder(), folder.get())
                ? k.skipped()
                : List.of();
    }

    @Override
    public int[] input() {
        return source.get() == Source.FASHION
                ? CourseNets.FASHION.clone()
                : new int[] {Cifar10.CHANNELS, FOLDER_SIDE, FOLDER_SIDE};
    }

    @Override
    public int classes() {
        return source.get() == Source.FOLDER ? folderClasses.size() : CourseNets.CLASSES;
    }

    @Override
    public void prepare(Consumer<Loader> then) {
        Source s = source.get();
        if (s == Source.FASHION) {
            bench.withData(d -> then.accept(work -> new Loaded(
                    Samples.of(d.train()),
                    Samples.of(d.test()),
                    IntStream.range(0, CourseNets.CLASSES)
                            .mapToObj(String::valueOf)
                            .toList(),
                    null)));
            return;
        }
        Path from = s == Source.CIFAR10 ? cifar : folder.get();
        then.accept(work -> {
            Kept k = kept;
            if (k != null && k.source() == s && Objects.equals(k.folder(), from)) return k.data();
            Pictures.Split p = s == Source.CIFAR10
                    ? Cifar10.load(from)
                    : ImageFolder.load(
                            from, new ImageFolder.Settings(FOLDER_SIDE, true, 0.2, 1), work::progress, work::cancelled);
            Loaded data = new Loaded(Samples.of(p.train()), Samples.of(p.test()), p.classes(), null);
            kept = new Kept(s, from, data, p.skipped());
            return data;
        });
    }

    /** A class's name as the run's pictures have it (not the lab's current ones): Fashion-MNIST's and CIFAR-10's translated. */
    @Override
    public String className(I18n i18n, Loaded data, int c) {
        return className(i18n, data != null ? data.classes() : names(), c);
    }

    /** Class {@code c} of pictures whose classes are {@code names}, in the student's language where it has a name. */
    public static String className(I18n i18n, List<String> names, int c) {
        if (names.equals(FASHION_LABELS)) return i18n.tr("data.class." + c);
        if (names.equals(Cifar10.CLASSES)) return i18n.tr("cifar.class." + names.get(c));
        return names.get(c);
    }

    private List<String> names() {
        return switch (source.get()) {
            case FASHION -> FASHION_LABELS;
            case CIFAR10 -> Cifar10.CLASSES;
            case FOLDER -> folderClasses;
        };
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("lab.preset.demo", fit(CourseNets.cnn(DEMO_FILTERS, 2, 0, CourseNets.DropoutAt.HIDDEN))),
                new Preset("lab.preset.cnn", fit(CourseNets.cnn())),
                new Preset("lab.preset.mlp", fit(CourseNets.mlp(0))),
                new Preset("lab.preset.norm", fit(normNet())));
    }

    /** The net for these pictures: their shape in, a score per class out (the last Linear's size, a Softmax after it or not). */
    @Override
    public Net fit(Net net) {
        List<Layer> layers = new ArrayList<>(net.layers());
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Layer.Linear l) {
                layers.set(i, new Layer.Linear(l.in(), classes(), l.bias()));
                break;
            }
        }
        return Net.of(input(), layers);
    }

    /** A stride-2 5×5 convolution, BatchNorm and average pooling: a net the course's editor could not make. */
    public static Net normNet() {
        return Net.fromJson("{\"input\": [1, 28, 28], \"layers\": ["
                + "{\"type\": \"Conv2d\", \"out_channels\": 16, \"kernel_size\": 5, \"stride\": 2, \"padding\": 2}, "
                + "{\"type\": \"BatchNorm2d\"}, {\"type\": \"ReLU\"}, {\"type\": \"AvgPool2d\", \"kernel_size\": 2}, "
                + "{\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 10}]}");
    }
}
