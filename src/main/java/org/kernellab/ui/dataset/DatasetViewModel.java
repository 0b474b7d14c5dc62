package org.kernellab.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.data.Dataset;
import org.kernellab.data.FashionMnist;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;

/** The dataset browser's state: training or test images, all classes or one, and the page of images shown. */
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
    private final Workbench bench;
    private final Lifetime life = new Lifetime();

    public DatasetViewModel(Workbench bench) {
        this.bench = bench;
        test.addListener((o, a, b) -> resetPage());
        label.addListener((o, a, b) -> resetPage());
        page.addListener((o, a, b) -> update());
        pageSize.addListener((o, was, now) -> { // the page that holds the first image shown so far
            int first = page.get() * Math.max(1, was.intValue());
            if (page.get() == first / Math.max(1, now.intValue())) update();
            else page.set(first / Math.max(1, now.intValue()));
        });
        life.onChange(bench.dataProperty(), d -> resetPage());
        update();
    }

    /** Stops following the workbench's data (the page is closed). */
    public void dispose() {
        life.end();
    }

    public ReadOnlyObjectProperty<Page> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Dataset set() {
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
        if (d == null) {
            shown.set(null);
            return;
        }
        List<Integer> match = new ArrayList<>();
        int[] counts = new int[10];
        for (int i = 0; i < d.size(); i++) {
            counts[d.label(i)]++;
            if (label.get() < 0 || d.label(i) == label.get()) match.add(i);
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
