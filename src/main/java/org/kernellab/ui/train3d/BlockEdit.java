package org.kernellab.ui.train3d;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.model.Net3DSpec;

/** One block of the student's own net, edited in the lab: its filters, kernel, stride, padding and pooling. */
public final class BlockEdit {
    public final IntegerProperty out, kernel, stride, padding;
    public final javafx.beans.property.BooleanProperty pool;

    BlockEdit(Net3DSpec.Block b) {
        out = new SimpleIntegerProperty(b.out());
        kernel = new SimpleIntegerProperty(b.kernel());
        stride = new SimpleIntegerProperty(b.stride());
        padding = new SimpleIntegerProperty(b.padding());
        pool = new javafx.beans.property.SimpleBooleanProperty(b.pool());
    }

    Net3DSpec.Block block() { return new Net3DSpec.Block(out.get(), kernel.get(), stride.get(), padding.get(), pool.get()); }

    /** Every setting of the block, to follow edits. */
    public List<javafx.beans.value.ObservableValue<?>> settings() { return List.of(out, kernel, stride, padding, pool); }
}
