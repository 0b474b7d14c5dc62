package org.kernellab.ui.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Network;
import org.kernellab.model.Saliency;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.ModelFiles;
import org.kernellab.ui.widgets.NetSource;

/** The top of the chapter's settings: the net looked at, and the picture (a test image, or the drawing). */
public final class InputColumn {
    private InputColumn() {}

    public static List<Node> of(ExplainInput input, AppContext ctx, Lifetime life, Node owner) {
        I18n i18n = ctx.i18n();
        List<Node> out = new ArrayList<>(List.of(netSource(input, ctx, life, owner, "explain")));
        out.add(Controls.label(i18n, "explain.picture"));
        Spinner<Integer> index =
                new Spinner<>(0, ExplainScene.MAX_IMAGE, input.indexProperty().get());
        index.setId("explain-index");
        index.setEditable(true);
        index.getValueFactory().valueProperty().bindBidirectional(input.indexProperty());
        Runnable max = () -> {
            if (input.testCount() > 0)
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory())
                        .setMax(input.testCount() - 1);
        };
        life.onChange(input.workbench().dataProperty(), d -> max.run());
        max.run();
        CheckBox drawing = new CheckBox();
        drawing.setId("explain-use-drawing");
        drawing.setWrapText(true);
        drawing.textProperty().bind(i18n.bind("explain.useDrawing"));
        drawing.selectedProperty().bindBidirectional(input.useDrawingProperty());
        index.disableProperty().bind(input.useDrawingProperty());
        out.add(index);
        out.add(drawing);
        return out;
    }

    /**
     * The net's source ({@link NetSource}), where a net opened from a file is the chapter's: its file is kept, for a
     * scene to name it.
     */
    public static Node[] netSource(ExplainInput input, AppContext ctx, Lifetime life, Node owner, String id) {
        Node[] nodes = NetSource.of(ctx.workbench(), ctx.i18n(), life, owner, id, net -> describe(net, ctx.i18n()));
        for (Node n : nodes)
            if (n instanceof Button b && (id + "-load").equals(b.getId()))
                b.setOnAction(
                        e -> ModelFiles.open(owner.getScene().getWindow()).ifPresent(f -> input.loadModel(f, false)));
        return nodes;
    }

    /** What the chapter says of a net under its source: whether it fits, and whether Grad-CAM has a layer to read. */
    public static String describe(Network net, I18n i18n) {
        if (!Arrays.equals(net.net().input(), CourseNets.FASHION)) return i18n.tr("explain.unfit");
        return i18n.tr(Saliency.gradCamLayer(net) > 0 ? "explain.netConv" : "explain.netNoConv", net.parameters());
    }
}
