package org.kernellab.ui.downloads;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.kernellab.compute.Problem;
import org.kernellab.data.fetch.Fetcher;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.task.TaskRunner;
import org.kernellab.ui.task.WorkContext;

/**
 * The data sets the app can download: for each, what the user's data folder holds of it, a download under way with its
 * bytes, speed and time left, the address it comes from (the publishers' or a mirror, remembered), and why the last
 * try failed. Downloads run as tasks (the status bar shows them too) and go on while no window shows them.
 */
public final class DataSetsViewModel {
    public enum State {
        ABSENT,
        PARTIAL,
        READY,
        FETCHING
    }

    /** One set and its state. */
    public final class Entry {
        private final RemoteSet set;
        private final Path folder;
        private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.ABSENT);
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
        private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
        private final StringProperty address;
        private Fetcher.OnDisk onDisk = new Fetcher.OnDisk(false, 0, 0);
        private TaskRunner.Handle handle;

        Entry(RemoteSet set) {
            this.set = set;
            this.folder = root.resolve(set.name());
            address = new SimpleStringProperty(prefs.get(set.name(), set.url().toString()));
            address.addListener((o, was, now) -> {
                if (now == null || now.isBlank() || now.equals(set.url().toString())) prefs.remove(set.name());
                else prefs.put(set.name(), now.trim());
            });
        }

        public RemoteSet set() {
            return set;
        }

        public Path folder() {
            return folder;
        }

        public ReadOnlyObjectProperty<State> stateProperty() {
            return state.getReadOnlyProperty();
        }

        /** What is on disk, or how far the download is, in the chosen language. */
        public ReadOnlyStringProperty detailProperty() {
            return detail.getReadOnlyProperty();
        }

        /** 0–1 while downloading (−1 while the length is not known yet). */
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        /** Why the last try failed, null when it did not. */
        public ReadOnlyObjectProperty<Problem> problemProperty() {
            return problem.getReadOnlyProperty();
        }

        /** Where the set comes from: the publishers' address unless the user gave a mirror. */
        public StringProperty addressProperty() {
            return address;
        }

        /** The bytes the folder holds, downloaded and partial. */
        public long bytes() {
            return onDisk.bytes();
        }

        void refresh() {
            if (state.get() == State.FETCHING) return;
            onDisk = Fetcher.onDisk(set, folder);
            // some files there but not all (a cut earlier try): resumable, and removable
            state.set(onDisk.whole() ? State.READY : onDisk.bytes() > 0 ? State.PARTIAL : State.ABSENT);
            describe();
        }

        /** Says what is on disk in the chosen language, from what was read last (no disk access). */
        void describe() {
            if (state.get() == State.FETCHING) return;
            detail.set(
                    switch (state.get()) {
                        case READY -> i18n.tr("datasets.ready", i18n.numbers().bytes(onDisk.bytes()));
                        case PARTIAL ->
                            i18n.tr("datasets.partial", i18n.numbers().bytes(onDisk.bytes()));
                        default -> i18n.tr("datasets.absent");
                    });
        }
    }

    private final I18n i18n;
    private final TaskRunner tasks;
    private final Executor fx;
    private final Path root;
    private final Preferences prefs;
    private final Fetcher.Settings settings;
    private final Runnable changed;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param root     the user's data folder for sets, one folder per set under it
     * @param prefs    where mirror addresses are remembered
     * @param fx       runs updates from the download's thread on the FX thread ({@code Platform::runLater}; in tests, in
     *                 place)
     * @param changed  told when a set arrives or is removed (the lessons read their data again)
     */
    public DataSetsViewModel(
            I18n i18n,
            TaskRunner tasks,
            Executor fx,
            Path root,
            Preferences prefs,
            List<RemoteSet> catalogue,
            Fetcher.Settings settings,
            Runnable changed) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.fx = fx;
        this.root = root;
        this.prefs = prefs;
        this.settings = settings;
        this.changed = changed;
        for (RemoteSet s : catalogue) entries.add(new Entry(s));
        refresh();
        i18n.localeProperty().addListener((o, was, now) -> entries.forEach(Entry::describe));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Entry entry(String name) {
        return entries.stream()
                .filter(e -> e.set.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Reads again what the folders hold. */
    public void refresh() {
        entries.forEach(Entry::refresh);
    }

    /** Downloads the set from its address, or goes on from what an earlier try left. */
    public void get(Entry e) {
        if (e.state.get() == State.FETCHING) return;
        URI from;
        try {
            from = URI.create(e.address.get().trim());
            if (!"http".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(from.getScheme()))
                throw new IllegalArgumentException(e.address.get());
        } catch (IllegalArgumentException bad) {
            e.problem.set(new Problem("cli.badUrl", e.address.get()));
            return;
        }
        e.problem.set(null);
        e.state.set(State.FETCHING);
        e.progress.set(-1);
        e.detail.set(i18n.tr("datasets.connecting"));
        RemoteSet set = e.set.at(from);
        e.handle = tasks.run(
                i18n.tr("datasets.fetching", i18n.tr("datasets.name." + set.name())),
                work -> Fetcher.fetch(set, e.folder, settings, listener(e, work)),
                done -> finish(e, null),
                error -> finish(e, Problem.of(error)));
    }

    /** Installs an archive already on disk for an archive set (CIFAR-10, ModelNet10), checked as a download is. */
    public void install(Entry e, Path archive) {
        if (e.state.get() == State.FETCHING || e.set.kind() == RemoteSet.Kind.IDX_FILES) return;
        e.problem.set(null);
        e.state.set(State.FETCHING);
        e.progress.set(-1);
        e.handle = tasks.run(
                i18n.tr("datasets.fetching", i18n.tr("datasets.name." + e.set.name())),
                work -> Fetcher.install(e.set, archive, e.folder, listener(e, work)),
                done -> finish(e, null),
                error -> finish(e, Problem.of(error)));
    }

    private Fetcher.Listener listener(Entry e, WorkContext work) {
        return new Fetcher.Listener() {
            @Override
            public void progress(Fetcher.Progress p) {
                String text = progressText(p);
                if (p.total() > 0) work.progress(p.bytes(), p.total());
                work.message(text);
                fx.execute(() -> {
                    if (e.state.get() != State.FETCHING) return; // a report that crossed a cancel
                    e.progress.set(p.total() > 0 ? p.bytes() / (double) p.total() : -1);
                    e.detail.set(text);
                });
            }

            @Override
            public void stage(String key, String file) {
                String text = i18n.tr(key, file);
                work.message(text);
                fx.execute(() -> {
                    if (e.state.get() != State.FETCHING) return;
                    e.progress.set(-1);
                    e.detail.set(text);
                });
            }

            @Override
            public boolean cancelled() {
                return work.cancelled();
            }
        };
    }

    private String progressText(Fetcher.Progress p) {
        String speed = i18n.numbers().bytes(Math.round(p.bytesPerSecond()));
        if (p.total() < 0)
            return i18n.tr("datasets.progressUnknown", p.file(), i18n.numbers().bytes(p.bytes()), speed);
        return i18n.tr(
                "datasets.progress",
                p.file(),
                i18n.numbers().bytes(p.bytes()),
                i18n.numbers().bytes(p.total()),
                speed,
                p.secondsLeft() < 0 ? "?" : Numbers.duration(p.secondsLeft()));
    }

    private void finish(Entry e, Problem p) {
        e.handle = null;
        e.state.set(State.ABSENT); // not FETCHING, so that refresh reads the folder
        e.problem.set(p);
        e.refresh();
        if (p == null) changed.run();
    }

    /** Stops a download; what arrived stays for the next try. */
    public void cancel(Entry e) {
        if (e.handle != null) e.handle.cancel();
        if (e.state.get() == State.FETCHING) finish(e, new Problem("fetch.cancelled", e.set.name()));
    }

    /** Deletes the set's folder (a download under way is stopped first). */
    public void remove(Entry e) {
        cancel(e);
        Fetcher.remove(e.folder);
        e.problem.set(null);
        e.refresh();
        changed.run();
    }

    /** The sets the folder holds whole, for About: "Fashion-MNIST 30.9 MB · CIFAR-10 170.5 MB", or null for none. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Entry e : entries) {
            if (e.state.get() == State.READY)
                parts.add(i18n.tr("datasets.short." + e.set.name()) + " "
                        + i18n.numbers().bytes(e.bytes()));
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }
}
