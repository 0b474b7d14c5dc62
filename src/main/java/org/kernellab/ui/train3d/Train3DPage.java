package org.kernellab.ui.train3d;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.model.Net;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;
import org.kernellab.ui.lab.LabData;
import org.kernellab.ui.lab.LabPage;
import org.kernellab.ui.lab.LabScene;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.SliderRow;

/**
 * The 3D lab: the course's Conv3DNet (or the exercise's modified net, or the student's own) trained live on voxels, its
 * loss and accuracy per epoch, then the confusion matrix with class names, the accuracy per class and the objects it got
 * wrong, each opening in the voxel viewer. The lab is one for the app: its scene's settings apply when it is opened for
 * another lesson or scene than last time. Scene fields: {@code dataFile} (a ModelNet folder to train on) and
 * {@code data} (built-in or folder); {@code classes} (2–10); {@code net}: course, modified or norm (the nets to start
 * from) or any net in its JSON form; {@code optimizer} (sgd or adam), {@code lr} (text: "0.001"), {@code batch}
 * (1–60,000), {@code epochs} (1–40); {@code run} (the selected run's number) and {@code tab} (training or results).
 */
public final class Train3DPage implements Page {
    /** Where the objects come from: the built-in stand-ins or a ModelNet folder. */
    enum Data {
        BUILT_IN,
        FOLDER
    }

    /** The nets to start from, as a scene names them: the lab's presets in order. */
    static final List<String> NETS = List.of("course", "modified", "norm");

    /** The classes slider's last value: ModelNet10's. */
    static final int MAX_CLASSES = 10;

    private final Lab3D lab;
    private final LabPage page;
    private final Lifetime life = new Lifetime();
    private final SceneFields scene;

    public Train3DPage(LessonParams params, AppContext ctx) {
        lab = ctx.shared(Lab3D.class, () -> Lab3D.of(ctx));
        LabViewModel vm = lab.lab();
        String lesson = params.string("lesson", "");
        life.onChange(vm.selectedProperty(), r -> {
            if (r != null && !lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });
        // the settings apply before the page is built, whose buttons then show them
        scene = new SceneFields(LabScene.applied(vm, params));
        LabScene.data(
                scene,
                Data.class,
                () -> lab.data().folderProperty().get() == null ? Data.BUILT_IN : Data.FOLDER,
                () -> lab.data().folderProperty().get(),
                Data.FOLDER,
                d -> lab.folder(null),
                lab::folder);
        scene.integer("classes", lab.data().classesProperty(), 2, MAX_CLASSES).custom("net", this::net, this::useNet);
        LabScene.settings(scene, vm);
        I18n i18n = ctx.i18n();
        page = new LabPage(vm, ctx, life, new LabPage.Extras(List.of(exercise(i18n)), List.of(), List.of(data(ctx))));
        LabScene.selection(scene, vm, page).finish();
    }

    /** The edited net's name when it is one of the nets to start from, else its JSON form (null when it is no net). */
    private Object net() {
        LabViewModel vm = lab.lab();
        if (!vm.editor().table().ok()) return null;
        List<LabData.Preset> presets = vm.data().presets();
        for (int i = 0; i < NETS.size(); i++)
            if (presets.get(i).net().equals(vm.editor().net())) return NETS.get(i);
        return vm.editor().json();
    }

    private void useNet(Object v) {
        LabViewModel vm = lab.lab();
        String s = SceneFields.jsonText(v).trim();
        int preset = NETS.indexOf(s);
        if (preset >= 0) {
            vm.editor().set(vm.data().presets().get(preset).net());
            return;
        }
        if (!s.startsWith("{"))
            throw new IllegalArgumentException(
                    "the net is " + String.join(", ", NETS) + " or a net in its JSON form, not \"" + s + "\"");
        try {
            vm.editor().set(Net.fromJson(s));
        } catch (ComputeException e) {
            throw new IllegalArgumentException(e.problem().english());
        }
    }

    /** Where the objects come from: the built-in stand-ins or a ModelNet folder, and how many classes. */
    private Node data(AppContext ctx) {
        I18n i18n = ctx.i18n();
        Label source = new Label();
        source.setId("t3-source");
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE);
        source.textProperty()
                .bind(i18n.bind(
                        () -> lab.data().folderProperty().get() == null
                                ? i18n.tr("t3.builtIn")
                                : i18n.tr(
                                        "t3.folder", lab.data().folderProperty().get()),
                        lab.data().folderProperty()));
        Button pick = Controls.button("t3-pick", i18n, "t3.pick", () -> {
            File f = new DirectoryChooser().showDialog(page.view().getScene().getWindow());
            if (f != null) lab.folder(f.toPath());
        });
        Button builtIn = Controls.button("t3-builtin", i18n, "t3.useBuiltIn", () -> lab.folder(null));
        // ModelNet10 from the Data sets window: used in one click once it is there, else got from there
        DataSetsViewModel.Entry modelNet = DataSetsView.model(ctx).entry(RemoteSet.MODELNET10.name());
        BooleanBinding there = modelNet.stateProperty().isEqualTo(DataSetsViewModel.State.READY);
        Button downloaded =
                Controls.button("t3-downloaded", i18n, "t3.useDownloaded", () -> lab.folder(modelNet.folder()));
        Button get = Controls.button(
                "t3-get",
                i18n,
                "t3.getModelNet",
                () -> DataSetsView.show(page.view().getScene().getWindow(), ctx));
        downloaded.visibleProperty().bind(there);
        get.visibleProperty().bind(there.not());
        for (Button b : List.of(pick, builtIn, downloaded, get)) {
            b.setMaxWidth(Button.USE_PREF_SIZE);
            b.managedProperty().bind(b.visibleProperty());
        }
        SliderRow classes =
                new SliderRow("t3-classes", i18n.bind("t3.classes"), lab.data().classesProperty(), 2, MAX_CLASSES);
        FlowPane buttons = new FlowPane(8, 6, downloaded, get, pick, builtIn);
        return new VBox(6, Controls.label(i18n, "t3.data"), source, buttons, classes);
    }

    /** The exercise's check, and what ND4J gave. */
    private Node exercise(I18n i18n) {
        Button check = Controls.button("t3-check", i18n, "t3.check", lab::checkTarget);
        Label result = new Label();
        result.setId("t3-checked");
        result.setWrapText(true);
        result.textProperty()
                .bind(i18n.bind(
                        () -> {
                            Object c = lab.checkedProperty().get();
                            if (c == null) return "";
                            if (c instanceof Problem p) return "✗ " + i18n.tr(p);
                            String shape = Arrays.toString((int[]) c);
                            return i18n.tr(Lab3D.solves(c) ? "t3.solved" : "t3.notYet", shape);
                        },
                        lab.checkedProperty()));
        return new VBox(6, check, result);
    }

    public Lab3D lab() {
        return lab;
    }

    public LabViewModel viewModel() {
        return lab.lab();
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    @Override
    public Node view() {
        return page.view();
    }

    /** Leaves the lab: training goes on; the page stops listening. */
    @Override
    public void dispose() {
        life.end();
    }
}
