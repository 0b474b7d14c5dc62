package org.kernellab.ui.voxels;

import javafx.scene.control.CheckBox;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;

/** Real ModelNet10 objects in place of the stand-ins, once ModelNet10 is downloaded (the box shows only then). */
final class RealObjects {
    private RealObjects() {}

    static CheckBox of(AppContext ctx, VoxelViewModel vm) {
        DataSetsViewModel.Entry modelNet = DataSetsView.model(ctx).entry(RemoteSet.MODELNET10.name());
        CheckBox real = new CheckBox();
        real.setId("vox-real");
        real.setWrapText(true);
        real.textProperty().bind(ctx.i18n().bind("vox.real"));
        real.setSelected(vm.realProperty().get() != null);
        real.selectedProperty().addListener((o, was, on) -> vm.realProperty().set(on ? modelNet.folder() : null));
        real.visibleProperty().bind(modelNet.stateProperty().isEqualTo(DataSetsViewModel.State.READY));
        real.managedProperty().bind(real.visibleProperty());
        return real;
    }
}
