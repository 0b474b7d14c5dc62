package org.kernellab.ui.famous;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.TabPane;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.famous.FamousNetsViewModel.Choice;

/** The famous nets' scene fields: the net before its picture's side, the comparison's sliders, the tab. */
final class FamousScene {
    /** The tabs as a scene names them. */
    private static final List<String> TABS = List.of("layers", "dense");

    private FamousScene() {}

    static SceneFields declare(LessonParams params, FamousNetsViewModel vm) {
        return new SceneFields(params)
                .custom(
                        "net",
                        () -> SceneFields.word(vm.netProperty().get()),
                        v -> vm.netProperty().set(net(v)))
                .custom(
                        "side",
                        () -> vm.sideProperty().get(),
                        v -> vm.sideProperty()
                                .set(SceneFields.whole("side", v, FamousNetsViewModel.MIN_SIDE, vm.maxSide())))
                .integer("image", vm.imageProperty(), 8, FamousNetsViewModel.MAX_IMAGE)
                .integer("channels", vm.channelsProperty(), 1, 3)
                .integer("units", vm.unitsProperty(), 1, FamousNetsViewModel.MAX_UNITS)
                .integer("filters", vm.filtersProperty(), 1, FamousNetsViewModel.MAX_FILTERS)
                .integer("kernel", vm.kernelProperty(), 1, FamousNetsViewModel.MAX_KERNEL);
    }

    /** The tab shown: "layers" or "dense". */
    static void tab(SceneFields scene, TabPane tabs) {
        scene.custom("tab", () -> TABS.get(tabs.getSelectionModel().getSelectedIndex()), v -> {
            if (!TABS.contains(v)) throw new SceneFields.Invalid("scene.notChoice", "tab", v, String.join(", ", TABS));
            tabs.getSelectionModel().select(TABS.indexOf(v));
        });
    }

    /** A net by its scene name: "alexnet", "course-cnn", "lab-3d" (also "lab3d", as lessons had it), …. */
    private static Choice net(Object v) {
        String name =
                String.valueOf(v).toUpperCase(Locale.ROOT).replace('-', '_').replace("LAB3D", "LAB_3D");
        for (Choice c : Choice.values()) if (c.name().equals(name)) return c;
        return SceneFields.choose("net", v, Choice.class); // which says what the choices are
    }
}
