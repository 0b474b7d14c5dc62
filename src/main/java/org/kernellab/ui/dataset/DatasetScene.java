package org.kernellab.ui.dataset;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;
import org.kernellab.ui.lab.PictureData;

/**
 * The data browser's scene fields: which pictures (a folder of the student's by its path; CIFAR-10 from where the app
 * downloaded it), then training or test images, the class and the page, which wait for pictures still being read.
 */
final class DatasetScene {
    /** Folders of pictures are this many classes at most, as far as a scene's {@code class} is checked. */
    private static final int MAX_FOLDER_CLASSES = 1000;

    private DatasetScene() {}

    static SceneFields declare(LessonParams params, DatasetViewModel vm, AppContext ctx) {
        ObjectProperty<String> folder = new SimpleObjectProperty<>();
        return FashionFields.declare(new SceneFields(params), ctx.workbench())
                .custom(
                        "picturesFile",
                        () -> vm.wantedFolder() == null
                                ? null
                                : vm.wantedFolder().toString(),
                        v -> folder.set(String.valueOf(v)))
                .custom("pictures", () -> SceneFields.word(vm.wanted()), v -> pictures(vm, ctx, v, folder.get()))
                .custom("set", () -> vm.testProperty().get() ? "test" : "train", v -> {
                    if (!"test".equals(v) && !"train".equals(v))
                        throw new SceneFields.Invalid("scene.notChoice", "set", v, "train, test");
                    vm.testProperty().set("test".equals(v));
                })
                .custom("class", vm::wantedLabel, v -> {
                    int classes = vm.wanted() == PictureData.Source.FOLDER
                            ? MAX_FOLDER_CLASSES
                            : vm.classes().size();
                    vm.keepLabel(SceneFields.whole("class", v, -1, classes - 1));
                })
                .custom("page", vm::wantedPage, v -> vm.keepPage(SceneFields.whole("page", v, 0, 1_000_000)));
    }

    /** Reads the pictures a scene names: CIFAR-10 once downloaded, a folder by its path. */
    private static void pictures(DatasetViewModel vm, AppContext ctx, Object v, String folder) {
        PictureData.Source kind = SceneFields.choose("pictures", v, PictureData.Source.class);
        boolean same = kind != PictureData.Source.FOLDER
                || folder == null
                || Path.of(folder).equals(vm.wantedFolder());
        if (kind == vm.wanted() && same) return;
        switch (kind) {
            case FASHION -> vm.useFashion();
            case CIFAR10 -> {
                DataSetsViewModel.Entry cifar = DataSetsView.model(ctx).entry(RemoteSet.CIFAR10.name());
                if (cifar.stateProperty().get() != DataSetsViewModel.State.READY)
                    throw new IllegalArgumentException("CIFAR-10 is not downloaded yet (see the Data sets window)");
                vm.use(kind, cifar.folder());
            }
            default -> {
                if (folder == null) throw new IllegalArgumentException("\"picturesFile\" names no folder");
                vm.use(kind, Path.of(folder));
            }
        }
    }
}
