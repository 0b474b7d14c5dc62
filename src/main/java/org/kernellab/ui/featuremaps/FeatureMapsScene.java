package org.kernellab.ui.featuremaps;

import java.nio.file.Path;
import org.kernellab.data.Images;
import org.kernellab.lesson.LessonParams;
import org.kernellab.model.Network;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.dataset.FashionFields;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.widgets.ImageFiles;

/**
 * The feature maps' scene fields. The net is the workbench's, shared with the other views: {@code net} says where it
 * comes from ("pretrained", "file" with {@code netFile} and {@code normalize}, or "run", a net the training lab sent,
 * by its name in {@code netRun}, which a scene can only find where it still is). A file is opened in the background;
 * its {@code normalize} waits for it.
 */
final class FeatureMapsScene {
    static final String PRETRAINED = "pretrained", FILE = "file", RUN = "run";
    private static final String PRETRAINED_SOURCE = "maps.sourcePretrained", NORMALIZED = "maps.sourceFileNormalized";
    /** The largest test image number a scene may name before the data says how many there are. */
    private static final int MAX_IMAGE = 9999;

    private final FeatureMapsViewModel vm;
    private final Workbench bench;
    private final SceneFields fields;
    /** The net file still on its way (null: none); the one open is the workbench's, wherever it was opened. */
    private Path opening;
    /** What a scene's {@code normalize} asks of the file on its way (null: nothing). */
    private Boolean normalizeOpened;
    /** The file and run a scene names, for its {@code net}. */
    private String askedFile, askedRun;

    FeatureMapsScene(LessonParams params, FeatureMapsViewModel vm, Workbench bench, Lifetime life) {
        this.vm = vm;
        this.bench = bench;
        life.onChange(bench.sourceProperty(), s -> arrived());
        life.onChange(bench.modelProblemProperty(), p -> {
            if (p != null) opening = null;
        });
        fields = FashionFields.declare(new SceneFields(params), bench)
                .custom("netFile", () -> FILE.equals(net()) ? file().toString() : null, v -> askedFile = text(v))
                .custom(
                        "netRun",
                        () -> RUN.equals(net()) ? bench.sourceProperty().get().detail() : null,
                        v -> {
                            askedRun = text(v);
                        })
                .custom("net", this::net, this::useNet)
                .custom("normalize", this::normalized, v -> normalize(SceneFields.truth("normalize", v)))
                .custom(
                        "otherPictures",
                        () -> vm.otherPicturesProperty().get(),
                        v -> otherPictures(SceneFields.truth("otherPictures", v)))
                .custom(
                        "image",
                        () -> vm.indexProperty().get(),
                        v -> vm.indexProperty().set(SceneFields.whole("image", v, 0, MAX_IMAGE)))
                .custom(
                        "other",
                        () -> vm.otherIndexProperty().get(),
                        v -> vm.otherIndexProperty().set(SceneFields.whole("other", v, 0, MAX_IMAGE)))
                .bool("compare", vm.compareProperty())
                .choice("stage", vm.stageProperty(), Stage.class)
                .custom("pictureFile", vm::pictureFile, v -> picture(text(v)))
                .custom(
                        "block",
                        () -> vm.blockProperty().get(),
                        v -> vm.blockProperty().set(SceneFields.whole("block", v, 0, blocks() - 1)))
                .custom(
                        "filter",
                        () -> vm.filterProperty().get(),
                        v -> vm.filterProperty().set(SceneFields.whole("filter", v, 0, filters() - 1)));
    }

    SceneFields fields() {
        return fields;
    }

    /** Opens a net file (the student's pick, or a scene's), remembering its path. */
    void open(Path file) {
        opening = file.toAbsolutePath();
        bench.loadModel(opening);
    }

    /** Where the workbench's net comes from, as a scene says it. */
    private String net() {
        Workbench.Source s = bench.sourceProperty().get();
        if (opening != null) return FILE;
        if (s == null || s.key().equals(PRETRAINED_SOURCE)) return PRETRAINED;
        return Workbench.FILE_SOURCES.contains(s.key()) && s.file() != null ? FILE : RUN;
    }

    private Path file() {
        Workbench.Source s = bench.sourceProperty().get();
        return opening != null ? opening : s == null ? null : s.file();
    }

    private void useNet(Object v) {
        String now = net();
        if (PRETRAINED.equals(v)) {
            if (!now.equals(PRETRAINED)) bench.usePretrained(true);
        } else if (FILE.equals(v)) {
            if (askedFile == null) throw new IllegalArgumentException("\"file\" needs \"netFile\", the net's file");
            if (!now.equals(FILE) || !file().equals(Path.of(askedFile).toAbsolutePath())) open(Path.of(askedFile));
        } else if (RUN.equals(v)) {
            Workbench.Source s = bench.sourceProperty().get();
            if (!now.equals(RUN) || (askedRun != null && !askedRun.equals(s.detail())))
                throw new IllegalArgumentException("the training lab's net "
                        + (askedRun == null ? "" : "\"" + askedRun + "\" ")
                        + "is not the one in use: train it or send it from the lab again");
        } else {
            throw new SceneFields.Invalid("scene.notChoice", "net", v, String.join(", ", PRETRAINED, FILE, RUN));
        }
    }

    /** Whether the file's pictures are read normalized; null for a net not from a file. */
    private Object normalized() {
        if (!FILE.equals(net())) return null;
        if (opening != null) return Boolean.TRUE.equals(normalizeOpened);
        return bench.sourceProperty().get().key().equals(NORMALIZED);
    }

    private void normalize(boolean on) {
        if (!FILE.equals(net())) {
            if (on) throw new IllegalArgumentException("only a net opened from a file reads normalized pictures");
        } else if (opening != null) {
            normalizeOpened = on;
        } else {
            bench.normalize(on);
        }
    }

    private void otherPictures(boolean on) {
        if (on && bench.otherPicturesProperty().get() == null)
            throw new IllegalArgumentException(
                    "the training lab has no net for other pictures yet: train one on CIFAR-10 or a folder first");
        vm.otherPicturesProperty().set(on);
    }

    /** The workbench's net changed: the file on its way has come, and reads its pictures as the scene said. */
    private void arrived() {
        Workbench.Source s = bench.sourceProperty().get();
        if (opening == null || s == null || !Workbench.FILE_SOURCES.contains(s.key())) return;
        if (!opening.getFileName().toString().equals(s.detail())) return;
        opening = null;
        Boolean on = normalizeOpened;
        normalizeOpened = null;
        if (on != null) bench.normalize(on);
    }

    private void picture(String file) {
        ImageFiles.Pixels px = ImageFiles.read(Path.of(file))
                .orElseThrow(() -> new IllegalArgumentException("cannot read a picture from " + file));
        vm.usePicture(
                Images.grey(px.argb(), px.width(), px.height()),
                Path.of(file).getFileName().toString(),
                file);
    }

    /** The net's conv blocks, or as many as a scene may name while there is no net yet or its file is on its way. */
    private int blocks() {
        Network net = opening == null ? vm.network() : null;
        return net == null ? 100 : FeatureMaps.convBlocks(net);
    }

    private int filters() {
        Network net = opening == null ? vm.network() : null;
        int b = vm.blockProperty().get();
        return net == null || b >= FeatureMaps.convBlocks(net) ? 1000 : FeatureMaps.filters(net, b);
    }

    private static String text(Object v) {
        return String.valueOf(v);
    }
}
