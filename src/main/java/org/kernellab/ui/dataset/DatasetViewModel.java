package org.kernellab.ui.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.Problem;
import org.kernellab.data.Cifar10;
import org.kernellab.data.Dataset;
import org.kernellab.data.FashionMnist;
import org.kernellab.data.ImageFolder;
import org.kernellab.data.Pictures;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.task.TaskRunner;

/**
 * The dataset browser's state: which pictures (Fashion-MNIST as the workbench has it, CIFAR-10 once downloaded, or a
 * folder of the student's own, read in the background), training or test images, all classes or one, and the page of
 * images shown.
 */
public final class DatasetViewModel {
    public static final int PAGE = 60;

    /** A page of images: their numbers in the set, how many match in all, and the class counts of the whole set. */
    public record Page(List<Integer> indices, int matching, int page, int pages, int[] classCounts) {}

    private final ObjectProperty<Boolean> test = new SimpleObjectProperty<>(true);
    /** −1: every class. */
    private final ObjectProperty<Integer> label = new SimpleObjectProperty<>(-1);

    private final IntegerProperty page = new SimpleIntegerProperty(0);
    /** Images a page: {@link #PAGE}, or as many as fill a projector's stage in pictures the back row sees. */
    private final IntegerProperty pageSize = new SimpleIntegerProperty(PAGE);

    private final ReadOnlyObjectWrapper<Page> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PictureData.Source> source =
            new ReadOnlyObjectWrapper<>(PictureData.Source.FASHION);
    /** CIFAR-10's or the folder's pictures, once read; null for Fashion-MNIST. */
    private final ReadOnlyObjectWrapper<Pictures.Split> pictures = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final Workbench bench;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private Path folder;
    /** The pictures being read (null: none), and where from. */
    private PictureData.Source reading;

    private Path readingFrom;
    /** A scene's class and page (null: none), shown again when the pictures being read or loaded arrive. */
    private Integer keptLabel, keptPage;

    /** @param tasks reads CIFAR-10 and folders of pictures in the background */
    public DatasetViewModel(Workbench bench, TaskRunner tasks, I18n i18n) {
        this.bench = bench;
        this.tasks = tasks;
        this.i18n = i18n;
        test.addListener((o, a, b) -> resetPage());
        label.addListener((o, a, b) -> resetPage());
        page.addListener((o, a, b) -> update());
        pageSize.addListener((o, was, now) -> { // the page that holds the first image shown so far
            int first = page.get() * Math.max(1, was.intValue());
            if (page.get() == first / Math.max(1, now.intValue())) update();
            else page.set(first / Math.max(1, now.intValue()));
        });
        life.onChange(bench.dataProperty(), d -> {
            resetPage();
            if (reading == null && pictures.get() == null) arrived();
        });
        update();
    }

    /** Stops following the workbench's data (the page is closed). */
    public void dispose() {
        life.end();
    }

    public ReadOnlyObjectProperty<Page> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PictureData.Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Why the pictures asked for could not be read (the ones shown stay), null when they could. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The folder of pictures shown, for the line that says which pictures these are. */
    public Path folder() {
        return folder;
    }

    /** Shows Fashion-MNIST again. */
    public void useFashion() {
        keptLabel = keptPage = null;
        pictures.set(null);
        problem.set(null);
        source.set(PictureData.Source.FASHION);
        label.set(-1);
        resetPage();
    }

    /** Reads CIFAR-10's batches (or a folder of one's own pictures, as 32×32 colour squares) and shows them. */
    public void use(PictureData.Source kind, Path from) {
        String title = kind == PictureData.Source.CIFAR10
                ? "CIFAR-10"
                : from.getFileName().toString();
        keptLabel = keptPage = null;
        reading = kind;
        readingFrom = from;
        tasks.run(
                i18n.tr("data.reading", title),
                work -> kind == PictureData.Source.CIFAR10
                        ? Cifar10.load(from)
                        : ImageFolder.load(
                                from,
                                new ImageFolder.Settings(PictureData.FOLDER_SIDE, true, 0.2, 1),
                                work::progress,
                                work::cancelled),
                split -> {
                    reading = null;
                    problem.set(null);
                    folder = from;
                    pictures.set(split);
                    source.set(kind);
                    label.set(-1);
                    resetPage();
                    arrived();
                },
                error -> {
                    reading = null;
                    keptLabel = keptPage = null;
                    problem.set(Problem.of(error));
                });
    }

    /** The pictures shown, or those being read: what a scene names. */
    public PictureData.Source wanted() {
        return reading != null ? reading : source.get();
    }

    /** The student's folder shown or being read, null for Fashion-MNIST and CIFAR-10. */
    public Path wantedFolder() {
        if (reading != null) return reading == PictureData.Source.FOLDER ? readingFrom : null;
        return source.get() == PictureData.Source.FOLDER ? folder : null;
    }

    /** A scene's class (−1: all): now, and again once the pictures being read or loaded arrive. */
    public void keepLabel(int c) {
        label.set(c);
        if (waiting()) keptLabel = c;
    }

    /** A scene's page (from 0): now, and again once the pictures being read or loaded arrive. */
    public void keepPage(int p) {
        page.set(p);
        if (waiting()) keptPage = p;
    }

    /** The class shown, or the one a scene keeps for the pictures on their way. */
    public int wantedLabel() {
        return keptLabel != null ? keptLabel : label.get();
    }

    /** The page shown, or the one a scene keeps for the pictures on their way. */
    public int wantedPage() {
        return keptPage != null ? keptPage : page.get();
    }

    private boolean waiting() {
        return reading != null
                || (pictures.get() == null && bench.dataProperty().get() == null);
    }

    /** The pictures asked for are there: the class and the page a scene asked for, if one did. */
    private void arrived() {
        if (keptLabel != null) label.set(keptLabel);
        if (keptPage != null) page.set(keptPage);
        keptLabel = keptPage = null;
    }

    /** CIFAR-10's or the folder's training or test pictures, or null while Fashion-MNIST is shown. */
    public Pictures pictures() {
        Pictures.Split p = pictures.get();
        return p == null ? null : test.get() ? p.test() : p.train();
    }

    /** The files of the folder shown that could not be read, each with why (none for the other sets). */
    public List<Problem> skipped() {
        Pictures.Split p = pictures.get();
        return p == null ? List.of() : p.skipped();
    }

    /** The classes' names as the pictures have them (Fashion-MNIST's: its labels 0–9). */
    public List<String> classes() {
        Pictures.Split p = pictures.get();
        return p == null ? PictureData.FASHION_LABELS : p.classes();
    }

    /** Fashion-MNIST's training or test set, or null while other pictures are shown (or it is still loading). */
    public Dataset set() {
        if (pictures.get() != null) return null;
        FashionMnist.Loaded d = bench.dataProperty().get();
        return d == null ? null : test.get() ? d.test() : d.train();
    }

    private void resetPage() {
        if (page.get() == 0) update();
        else page.set(0);
    }

    public void next() {
        if (shown.get() != null && page.get() + 1 < shown.get().pages()) page.set(page.get() + 1);
    }

    public void previous() {
        if (page.get() > 0) page.set(page.get() - 1);
    }

    private void update() {
        Dataset d = set();
        Pictures pics = pictures();
        if (d == null && pics == null) {
            shown.set(null);
            return;
        }
        byte[] labels = pics != null ? pics.labels() : d.labels();
        List<Integer> match = new ArrayList<>();
        int[] counts = new int[classes().size()];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            if (label.get() < 0 || labels[i] == label.get()) match.add(i);
        }
        int size = Math.max(1, pageSize.get());
        int pages = Math.max(1, (match.size() + size - 1) / size), p = Math.min(page.get(), pages - 1);
        shown.set(new Page(
                match.subList(p * size, Math.min(match.size(), (p + 1) * size)), match.size(), p, pages, counts));
    }

    public ObjectProperty<Boolean> testProperty() {
        return test;
    }

    public ObjectProperty<Integer> labelProperty() {
        return label;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }
}
