package org.kernellab.ui.channels;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.GridStage;

/** The line under the channels' grids: what the step adds up. */
final class ChannelsTotal {
    private ChannelsTotal() {}

    /** The step's sum over the channels with the bias, in type for the back row while presenting. */
    static Label label(ChannelsViewModel vm, I18n i18n, ObservableBooleanValue presenting) {
        Label total = new Label();
        total.setId("channels-total");
        total.getStyleClass().add("products");
        total.textProperty()
                .bind(i18n.bind(
                        () -> vm.result().ok()
                                ? i18n.tr("channels.total", vm.totalText(i18n.numbers()))
                                : "✗ "
                                        + i18n.tr(
                                                "animator.noOutput",
                                                i18n.tr(vm.result().problem())),
                        vm.resultProperty(),
                        vm.stepper().stepProperty()));
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        total.styleProperty()
                .bind(Bindings.when(presenting)
                        .then("-fx-font-size: " + GridStage.PRESENTATION_FONT + "px;")
                        .otherwise(""));
        return total;
    }
}
