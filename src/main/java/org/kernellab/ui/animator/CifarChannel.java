package org.kernellab.ui.animator;

import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.kernellab.compute.Tensor;
import org.kernellab.data.Cifar10;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.widgets.Controls;

/**
 * A CIFAR-10 picture's channels as the animator's one input: each press takes the next of red, green and blue, then the
 * next test picture, so that a student sees the same kernel on each channel of a colour picture. Before CIFAR-10 is
 * downloaded the Data sets window opens to get it.
 */
final class CifarChannel {
    private static final String[] CHANNELS = {"red", "green", "blue"};

    private final AppContext ctx;
    private final AnimatorViewModel vm;
    private final StringProperty text = new SimpleStringProperty("");
    /** Presses so far: the picture is press / 3, the channel press % 3. */
    private int press;

    CifarChannel(AppContext ctx, AnimatorViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
    }

    Button button() {
        Button b = Controls.button("cifar-channel", ctx.i18n(), "animator.cifar", null);
        b.setOnAction(e -> next(b));
        return b;
    }

    Label line() {
        Label l = new Label();
        l.setId("cifar-channel-line");
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** Forgets the CIFAR-10 picture (another input was chosen). */
    void clear() {
        text.unbind();
        text.set("");
    }

    private void next(Node owner) {
        Path cifar = DataSetsView.folderOrGet(owner.getScene().getWindow(), ctx, RemoteSet.CIFAR10);
        if (cifar == null) return;
        int at = press / 3, channel = press % 3;
        press++;
        I18n i18n = ctx.i18n();
        ctx.tasks().run(i18n.tr("channels.readingCifar"), work -> Cifar10.testPicture(cifar, at), p -> {
            int n = p.height() * p.width();
            Tensor grey = Tensor.zeros(p.height(), p.width());
            for (int i = 0; i < n; i++) grey.data()[i] = (p.pixels()[channel * n + i] & 0xFF) / 255.0;
            vm.usePicture(grey, AnimatorViewModel.Source.IMAGE);
            String name = Cifar10.CLASSES.get(p.labels()[0]);
            text.bind(i18n.bind(() -> i18n.tr(
                    "animator.cifarChannel",
                    at,
                    i18n.tr("cifar.class." + name),
                    i18n.tr("animator.channel." + CHANNELS[channel]))));
        });
    }
}
