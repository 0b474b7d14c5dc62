package org.kernellab.ui.widgets;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.kernellab.compute.Problem;
import org.kernellab.model.Network;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;

/**
 * Which net the views that look inside one use (the workbench's): where it came from and what it is, the shipped one
 * again, one opened from a file (KernelLab's or PyTorch's), and for a file whether its pictures are normalized.
 */
public final class NetSource {
    private NetSource() {}

    /**
     * @param id       the prefix of the controls' ids ({@code id-source}, {@code id-pretrained}, …)
     * @param describe what the view says of the net under its source
     */
    public static Node[] of(
            Workbench bench, I18n i18n, Lifetime life, Node owner, String id, Function<Network, String> describe) {
        Label source = new Label();
        source.setId(id + "-source");
        source.setWrapText(true);
        source.textProperty()
                .bind(i18n.bind(
                        () -> text(bench, i18n, describe),
                        bench.sourceProperty(),
                        bench.networkProperty(),
                        bench.modelProblemProperty()));
        Button pretrained =
                Controls.button(id + "-pretrained", i18n, "maps.usePretrained", () -> bench.usePretrained(true));
        pretrained.setMaxWidth(Double.MAX_VALUE);
        Button load = Controls.button(id + "-load", i18n, "train.load", () -> {
            ModelFiles.open(owner.getScene().getWindow()).ifPresent(bench::loadModel);
        });
        load.setTooltip(Controls.tip(i18n, "train.loadTip"));
        // how a net opened from a file reads its pictures: the student says so
        CheckBox normalize = new CheckBox();
        normalize.setId(id + "-normalize");
        normalize.setWrapText(true);
        normalize.textProperty().bind(i18n.bind("train.normalize"));
        normalize.setTooltip(Controls.tip(i18n, "train.normalizeTip"));
        normalize.setOnAction(e -> bench.normalize(normalize.isSelected()));
        Consumer<Workbench.Source> shown = s -> {
            normalize.setVisible(s != null && Workbench.FILE_SOURCES.contains(s.key()));
            normalize.setSelected(s != null && s.key().equals("maps.sourceFileNormalized"));
        };
        life.onChange(bench.sourceProperty(), shown);
        shown.accept(bench.sourceProperty().get());
        normalize.managedProperty().bind(normalize.visibleProperty());
        return new Node[] {source, pretrained, load, normalize};
    }

    private static String text(Workbench bench, I18n i18n, Function<Network, String> describe) {
        Workbench.Source s = bench.sourceProperty().get();
        Network net = bench.networkProperty().get();
        Problem problem = bench.modelProblemProperty().get();
        String text = s == null || net == null
                ? i18n.tr("maps.noNetwork")
                : i18n.tr(s.key(), s.detail()) + "\n" + describe.apply(net);
        return problem == null ? text : text + "\n✗ " + i18n.tr(problem);
    }
}
