package org.kernellab.ui.training;

import java.nio.file.Path;
import org.kernellab.compute.ComputeException;
import org.kernellab.data.DataException;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.lesson.LessonParams;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.Limits;
import org.kernellab.model.Net;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;
import org.kernellab.ui.lab.LabData;
import org.kernellab.ui.lab.LabScene;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;

/** The training lab's scene fields (listed on {@link TrainingPage}). */
final class TrainingScene {
    /** The dropout a course net's shorthand takes here: the dropout view's largest p. */
    static final double MAX_DROPOUT = 0.9;
    /** The most training images a scene may ask for (Fashion-MNIST has 60,000, CIFAR-10 50,000). */
    static final int MAX_LIMIT = 1_000_000;

    enum Model {
        MLP,
        CNN
    }

    /** A course net in the shorthand the lessons use: the MLP, or the CNN with its filters and blocks; dropout for both. */
    record Recipe(Model model, int filters, int blocks, double dropout) {
        /** The lab's default: the demo CNN. */
        static final Recipe DEMO = new Recipe(Model.CNN, PictureData.DEMO_FILTERS, 2, 0);

        Net net(LabData data) {
            return data.fit(
                    model == Model.MLP
                            ? CourseNets.mlp(dropout)
                            : CourseNets.cnn(filters, blocks, dropout, CourseNets.DropoutAt.HIDDEN));
        }

        /** The course net {@code net} is, or null when it is none. */
        static Recipe of(Net net, LabData data) {
            if (net == null) return null;
            int convs = 0, filters = 0;
            double dropout = 0;
            for (Layer l : net.layers()) {
                if (l instanceof Layer.Conv c && convs++ == 0) filters = c.out();
                if (l instanceof Layer.Dropout d) dropout = d.p();
            }
            Recipe r =
                    convs == 0 ? new Recipe(Model.MLP, 0, 0, dropout) : new Recipe(Model.CNN, filters, convs, dropout);
            try {
                return r.net(data).toJson().equals(net.toJson()) ? r : null;
            } catch (ComputeException e) {
                return null;
            }
        }
    }

    private final TrainingLab lab;
    private final LabViewModel vm;
    /** The recipe a scene is giving, one field at a time. */
    private Recipe given;

    private TrainingScene(TrainingLab lab) {
        this.lab = lab;
        this.vm = lab.lab();
    }

    /**
     * The lab's fields up to its training settings, applied from {@code params} (none when a student comes back to the
     * lab) before its page is built, whose buttons then show them; the page's own ({@link LabScene#selection}) follow.
     */
    static SceneFields of(LessonParams params, TrainingLab lab, AppContext ctx) {
        LabViewModel vm = lab.lab();
        TrainingScene s = new TrainingScene(lab);
        SceneFields scene = new SceneFields(LabScene.applied(vm, params));
        if (params.values().containsKey("solveAfter")) scene.fixed("solveAfter", params.integer("solveAfter", 2));
        PictureData data = (PictureData) vm.data();
        scene.custom(
                "fullSet",
                () -> ctx.workbench().fullSetProperty().get(),
                v -> ctx.workbench().fullSetProperty().set(SceneFields.truth("fullSet", v)));
        LabScene.data(
                scene,
                PictureData.Source.class,
                () -> data.sourceProperty().get(),
                () -> data.folderProperty().get(),
                PictureData.Source.FOLDER,
                k -> s.use(k, ctx),
                s::useFolder);
        s.net(scene);
        LabScene.settings(scene, vm)
                .custom(
                        "limit",
                        () -> vm.limitProperty().get(),
                        v -> vm.limitProperty().set(SceneFields.whole("limit", v, 0, MAX_LIMIT)))
                .bool("augment", vm.augmentProperty())
                .bool("adversarial", vm.adversarialProperty());
        return scene;
    }

    /** model, filters, blocks and dropout (the course net they make), or net (any net, in its JSON form). */
    private void net(SceneFields scene) {
        scene.custom(
                        "model",
                        () -> recipe() == null ? null : SceneFields.word(recipe().model()),
                        v -> recipe(new Recipe(
                                SceneFields.choose("model", v, Model.class),
                                start().filters(),
                                start().blocks(),
                                start().dropout())))
                .custom(
                        "filters",
                        () -> recipe() == null || recipe().model() != Model.CNN ? null : recipe().filters(),
                        v -> recipe(new Recipe(
                                start().model(),
                                SceneFields.whole("filters", v, Limits.MIN_FILTERS, Limits.MAX_FILTERS),
                                start().blocks(),
                                start().dropout())))
                .custom(
                        "blocks",
                        () -> recipe() == null || recipe().model() != Model.CNN ? null : recipe().blocks(),
                        v -> recipe(new Recipe(
                                start().model(),
                                start().filters(),
                                SceneFields.whole("blocks", v, Limits.MIN_BLOCKS, Limits.MAX_BLOCKS),
                                start().dropout())))
                .custom(
                        "dropout",
                        () -> recipe() == null ? null : recipe().dropout(),
                        v -> recipe(new Recipe(start().model(), start().filters(), start().blocks(), dropout(v))))
                .custom("net", () -> recipe() == null ? vm.editor().json() : null, v -> {
                    try {
                        vm.editor().set(Net.fromJson(SceneFields.jsonText(v)));
                    } catch (ComputeException e) {
                        // a lesson's net that does not fit: the lab's own, and the problem says why
                        vm.editor().set(vm.data().presets().get(0).net());
                        throw new IllegalArgumentException(e.problem().english());
                    }
                });
    }

    /** The course net the editor holds, or null for another net (or one that does not fit its input). */
    private Recipe recipe() {
        return vm.editor().table().ok() ? Recipe.of(vm.editor().net(), vm.data()) : null;
    }

    /** The recipe given so far, or the demo's where the scene has given none yet. */
    private Recipe start() {
        return given != null ? given : Recipe.DEMO;
    }

    private void recipe(Recipe r) {
        given = r;
        try {
            vm.editor().set(r.net(vm.data()));
        } catch (ComputeException e) {
            throw new IllegalArgumentException(e.problem().english());
        }
    }

    private static double dropout(Object v) {
        if (!(v instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= MAX_DROPOUT))
            throw new IllegalArgumentException("dropout must be a number from 0 to " + MAX_DROPOUT + ", not " + v);
        return n.doubleValue();
    }

    /** Fashion-MNIST, or CIFAR-10 once it is downloaded. */
    private void use(PictureData.Source source, AppContext ctx) {
        if (source == PictureData.Source.CIFAR10
                && DataSetsView.model(ctx)
                                .entry(RemoteSet.CIFAR10.name())
                                .stateProperty()
                                .get()
                        != DataSetsViewModel.State.READY)
            throw new IllegalArgumentException("CIFAR-10 is not downloaded: the Data sets window gets it");
        lab.use(source);
    }

    private void useFolder(Path folder) {
        try {
            lab.useFolder(folder);
        } catch (DataException e) {
            throw new IllegalArgumentException(e.problem().english());
        }
    }
}
