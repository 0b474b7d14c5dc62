package org.kernellab.ui.channels;

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
import org.kernellab.ui.widgets.ImageFiles;

/** Colour pictures as the three channels: a file of the student's, or CIFAR-10's test pictures one after another. */
final class ChannelsPictures {
    private final AppContext ctx;
    private final ChannelsViewModel vm;
    private final Node owner;
    /** The CIFAR-10 picture in the channels, said in the student's language; empty for others. */
    private final StringProperty cifarText = new SimpleStringProperty("");
    /** The next CIFAR-10 test picture to take. */
    private int cifarNext;

    ChannelsPictures(AppContext ctx, ChannelsViewModel vm, Node owner) {
        this.ctx = ctx;
        this.vm = vm;
        this.owner = owner;
    }

    Button open() {
        return Controls.button("ch-open", ctx.i18n(), "channels.openImage", this::openImage);
    }

    Button cifar() {
        return Controls.button("ch-cifar", ctx.i18n(), "channels.cifar", this::cifarPicture);
    }

    /** Which CIFAR-10 picture the channels hold, if one: its number and class. */
    Label line() {
        Label l = new Label();
        l.setId("ch-cifar-picture");
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.textProperty().bind(cifarText);
        return l;
    }

    /**
     * The next CIFAR-10 test picture's red, green and blue as the three channels, once the set is downloaded (else the
     * Data sets window opens to get it).
     */
    private void cifarPicture() {
        Path cifar = DataSetsView.folderOrGet(owner.getScene().getWindow(), ctx, RemoteSet.CIFAR10);
        if (cifar == null) return;
        int at = cifarNext++;
        ctx.tasks().run(ctx.i18n().tr("channels.readingCifar"), work -> Cifar10.testPicture(cifar, at), p -> {
            int n = p.height() * p.width();
            Tensor rgb = Tensor.zeros(3, p.height(), p.width());
            for (int i = 0; i < 3 * n; i++) rgb.data()[i] = (p.pixels()[i] & 0xFF) / 255.0;
            vm.usePicture(rgb);
            String name = Cifar10.CLASSES.get(p.labels()[0]);
            I18n i18n = ctx.i18n();
            cifarText.bind(i18n.bind(() -> i18n.tr("channels.cifarPicture", at, i18n.tr("cifar.class." + name))));
        });
    }

    /** A colour picture as three channels; a file that is no image leaves the input as it was. */
    private void openImage() {
        cifarText.unbind();
        cifarText.set("");
        ImageFiles.choose(owner.getScene().getWindow())
                .ifPresent(file -> ImageFiles.read(file)
                        .ifPresent(
                                p -> vm.usePicture(rgb(p), file.toAbsolutePath().toString())));
    }

    /** A picture file's red, green and blue (values 0–1); IllegalArgumentException when it is no picture. */
    static Tensor read(String file) {
        return ImageFiles.read(Path.of(file))
                .map(ChannelsPictures::rgb)
                .orElseThrow(() -> new IllegalArgumentException("cannot read a picture from " + file));
    }

    private static Tensor rgb(ImageFiles.Pixels p) {
        int n = p.width() * p.height();
        Tensor rgb = Tensor.zeros(3, p.height(), p.width());
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) rgb.data()[c * n + i] = ((p.argb()[i] >> (16 - 8 * c)) & 0xFF) / 255.0;
        }
        return rgb;
    }
}
