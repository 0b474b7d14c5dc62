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
import org.kernellab.compute.Problem;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;
import org.kernellab.ui.lab.LabPage;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.SliderRow;

/**
 * The 3D lab: the course's Conv3DNet (or the exercise's modified net, or the student's own) trained live on voxels, its
 * loss and accuracy per epoch, then the confusion matrix with class names, the accuracy per class and the objects it got
 * wrong, each opening in the voxel viewer. Parameters: {@code net} (course or modified).
 */
public final class Train3DPage implements Page {
    private final Lab3D lab;
    private final LabPage page;
    private final Lifetime life = new Lifetime();

    public Train3DPage(LessonParams params, AppContext ctx) {
        lab = ctx.shared(Lab3D.class, () -> Lab3D.of(ctx));
        LabViewModel vm = lab.lab();
        String lesson = params.string("lesson", "");
        if (vm.openedFor(lesson)) {
            String net = params.string("net", "course");
            vm.editor()
                    .set(vm.data().presets().get(net.equals("modified") ? 1 : 0).net());
        }
        life.onChange(vm.selectedProperty(), r -> {
            if (r != null && !lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });
        I18n i18n = ctx.i18n();
        page = new LabPage(vm, ctx, life, new LabPage.Extras(List.of(exercise(i18n)), List.of(), List.of(data(ctx))));
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
                new SliderRow("t3-classes", i18n.bind("t3.classes"), lab.data().classesProperty(), 2, 10);
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
    public Node view() {
        return page.view();
    }

    /** Leaves the lab: training goes on; the page stops listening. */
    @Override
    public void dispose() {
        life.end();
    }
}
