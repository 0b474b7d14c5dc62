package org.kernellab.ui.voxels;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.Grids;

/** The voxel viewer's Grad-CAM switch and what it says: the class explained, or why there is no map. */
final class CamControls {
    private CamControls() {}

    static Node[] of(VoxelCam cam, I18n i18n) {
        CheckBox on = new CheckBox();
        on.setId("vox-gradcam");
        on.setWrapText(true);
        on.textProperty().bind(i18n.bind("vox.gradcam"));
        on.selectedProperty().bindBidirectional(cam.onProperty());
        Label said = new Label();
        said.setId("vox-gradcam-said");
        said.setWrapText(true);
        said.getStyleClass().add("hint");
        said.textProperty().bind(i18n.bind(() -> text(cam, i18n), cam.camProperty(), cam.problemProperty()));
        Grids.hideWhenEmpty(said);
        return new Node[] {on, said};
    }

    private static String text(VoxelCam cam, I18n i18n) {
        if (cam.problemProperty().get() != null)
            return "✗ " + i18n.tr(cam.problemProperty().get());
        VoxelCam.Cam c = cam.camProperty().get();
        if (c == null) return "";
        return i18n.tr(
                "vox.camSays",
                i18n.tr("vox.class." + ModelNetLike.CLASSES.get(c.predicted())),
                i18n.numbers().percent(c.probability()));
    }
}
