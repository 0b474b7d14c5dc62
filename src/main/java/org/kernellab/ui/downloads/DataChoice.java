package org.kernellab.ui.downloads;

import java.util.LinkedHashMap;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Segments;

/**
 * Which Fashion-MNIST the lessons use, where they show it (the data browser, the training lab, the feature maps):
 * Built-in subset | Full set, shown once there is a full set to switch to, and Get the full set…, which opens the Data
 * sets window. The choice is the workbench's, so it holds in all three.
 */
public final class DataChoice {
    private DataChoice() {}

    /** @param narrow the two choices one above the other, for a settings column */
    public static FlowPane of(AppContext ctx, Lifetime life, boolean narrow) {
        Workbench bench = ctx.workbench();
        LinkedHashMap<Boolean, String[]> which = new LinkedHashMap<>();
        which.put(false, new String[] {"data-builtin", "data.setBuiltIn"});
        which.put(true, new String[] {"data-full", "data.setFull"});
        Node full = narrow
                ? Segments.column(bench.fullSetProperty(), which, ctx.i18n())
                : Segments.of(bench.fullSetProperty(), which, ctx.i18n());
        // only where there is a full set: else it would offer a choice that does nothing
        full.setVisible(bench.fullSetAvailable());
        full.managedProperty().bind(full.visibleProperty());
        life.onChange(bench.dataProperty(), d -> full.setVisible(bench.fullSetAvailable()));
        FlowPane bar = new FlowPane(10, 6, full);
        Button get = Controls.button(
                "data-get-full",
                ctx.i18n(),
                "data.getFull",
                () -> DataSetsView.show(bar.getScene().getWindow(), ctx));
        if (!narrow) get.setMaxWidth(Region.USE_PREF_SIZE);
        bar.getChildren().add(get);
        if (narrow) {
            get.setWrapText(true);
        } else {
            for (Node n : bar.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
