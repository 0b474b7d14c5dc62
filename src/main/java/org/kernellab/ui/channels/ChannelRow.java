package org.kernellab.ui.channels;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.ConvTrace;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.MatrixView;

/** One input channel's row: its padded input with the step's window, the shown filter's slice for it, what it adds. */
final class ChannelRow extends HBox {
    private final int channel;
    private final MatrixView input, kernel;
    private final Label sum = new Label();

    /** @param channels how many channels the input has: three are named R, G and B */
    ChannelRow(int channel, int channels, MatrixView input, MatrixView kernel, ChannelsViewModel vm, I18n i18n) {
        super(16);
        this.channel = channel;
        this.input = input;
        this.kernel = kernel;
        Label inTitle = new Label(), kTitle = new Label(); // on one line: the cells make room for them (ChannelsStage)
        inTitle.textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr("channels.channel", channel, channels == 3 ? "RGB".charAt(channel) : ' '),
                        vm.resultProperty()));
        kTitle.textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr("channels.slice", vm.filterProperty().get(), channel), vm.resultProperty()));
        for (Label l : new Label[] {inTitle, kTitle}) l.getStyleClass().add("grid-title");
        sum.setId("channel-sum-" + channel);
        sum.getStyleClass().add("formula");
        sum.setMinWidth(Region.USE_PREF_SIZE);
        getChildren()
                .addAll(new VBox(4, inTitle, input), new Label("∗"), new VBox(4, kTitle, kernel), new Label("→"), sum);
        for (Node n : getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The channel's values, its window in {@code step} (null: none) and its share of the step's sum. */
    void show(double[][] padded, int padding, double[][] slice, ConvTrace.Step step, String share) {
        input.setValues(padded, padding, padding);
        kernel.setValues(slice);
        input.setWindow(
                step == null
                        ? List.of()
                        : step.terms().stream()
                                .filter(t -> t.channel() == channel)
                                .map(t -> new int[] {t.row(), t.col()})
                                .toList());
        sum.setText(share);
    }
}
