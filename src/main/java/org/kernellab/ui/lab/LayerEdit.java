package org.kernellab.ui.lab;

import java.util.Arrays;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Window;
import org.kernellab.model.Layer;

/**
 * One layer in a lab's editor: its torch.nn type and the settings a student changes there (one value for every axis);
 * a layer read with different values per axis keeps them until one of its settings is edited.
 */
public final class LayerEdit {
    /** The types the editor adds, in its menu's order; their 2D or 3D form follows the lab's data. */
    public static final List<String> KINDS =
            List.of("Conv", "BatchNorm", "ReLU", "MaxPool", "AvgPool", "Dropout", "Flatten", "Linear");

    private final String kind;
    /** out_channels, out_features or output_size; kernel_size; stride; padding. */
    private final IntegerProperty out = new SimpleIntegerProperty(),
            kernel = new SimpleIntegerProperty(),
            stride = new SimpleIntegerProperty();

    private final IntegerProperty padding = new SimpleIntegerProperty();
    private final DoubleProperty p = new SimpleDoubleProperty(0.5);
    private final BooleanProperty ceil = new SimpleBooleanProperty();
    private Layer exact;

    private LayerEdit(String kind, Layer exact) {
        this.kind = kind;
        this.exact = exact;
        for (Observable o : settings()) o.addListener(x -> this.exact = null);
    }

    /** The torch.nn type without its 2d or 3d: Conv, MaxPool, Linear… */
    public String kind() {
        return kind;
    }

    /** A new layer of {@code kind} with sensible starting values: 16 filters of 3, pooling by 2, dropout 0.5, 10 units. */
    public static LayerEdit of(String kind) {
        LayerEdit e = new LayerEdit(kind, null);
        e.out.set(kind.equals("Linear") ? 10 : 16);
        e.kernel.set(kind.equals("Conv") ? 3 : 2);
        e.stride.set(kind.equals("Conv") ? 1 : 2);
        e.exact = null;
        return e;
    }

    /** The editor's row for a layer of a net. */
    public static LayerEdit of(Layer l) {
        String kind = l.type().replaceAll("[23]d$", "");
        LayerEdit e = new LayerEdit(kind, null);
        if (l instanceof Layer.Conv c) e.set(c.out(), c.kernel(), c.stride(), c.padding());
        else if (l instanceof Layer.Pool pool) e.set(0, pool.kernel(), pool.stride(), pool.padding());
        else if (l instanceof Layer.Linear lin) e.out.set(lin.out());
        else if (l instanceof Layer.Dropout d) e.p.set(d.p());
        else if (l instanceof Layer.AdaptiveAvgPool a) e.out.set(a.output()[0]);
        if (l instanceof Layer.Pool pool) e.ceil.set(pool.ceil());
        e.exact = free(l); // after the settings: what the student has not touched stays as it was read
        return e;
    }

    /** The layer without the sizes that follow from its input, so that it takes whatever the layers before it give. */
    private static Layer free(Layer l) {
        if (l instanceof Layer.Conv c)
            return new Layer.Conv(c.dims(), 0, c.out(), c.kernel(), c.stride(), c.padding(), c.dilation(), c.bias());
        if (l instanceof Layer.Linear lin) return new Layer.Linear(0, lin.out(), lin.bias());
        if (l instanceof Layer.BatchNorm b) return new Layer.BatchNorm(b.dims(), 0, b.eps(), b.momentum());
        return l;
    }

    private void set(int o, int[] k, int[] s, int[] pad) {
        out.set(o);
        kernel.set(k[0]);
        stride.set(s[0]);
        padding.set(pad[0]);
    }

    /** The layer for data with {@code dims} spatial axes. */
    public Layer layer(int dims) {
        if (exact != null && exact.dims() == dims || exact != null && exact.dims() == 0) return exact;
        int d = Math.max(dims, 2);
        int[] k = Window.fill(d, kernel.get()), s = Window.fill(d, stride.get()), pad = Window.fill(d, padding.get());
        return switch (kind) {
            case "Conv" -> new Layer.Conv(d, 0, out.get(), k, s, pad, Window.fill(d, 1), true);
            case "BatchNorm" -> new Layer.BatchNorm(d, 0, Layer.BatchNorm.EPS, Layer.BatchNorm.MOMENTUM);
            case "MaxPool", "AvgPool" ->
                new Layer.Pool(d, kind.equals("MaxPool") ? PoolMode.MAX : PoolMode.AVG, k, s, pad, ceil.get());
            case "AdaptiveAvgPool" -> new Layer.AdaptiveAvgPool(d, Window.fill(d, out.get()));
            case "Dropout" -> new Layer.Dropout(p.get());
            case "Flatten" -> new Layer.Flatten();
            case "Linear" -> new Layer.Linear(0, out.get(), true);
            case "Softmax" -> new Layer.Softmax();
            default -> new Layer.ReLU();
        };
    }

    /** Which settings the kind has: out, kernel, stride, padding, p. */
    public boolean has(String setting) {
        return switch (setting) {
            case "out" -> List.of("Conv", "Linear", "AdaptiveAvgPool").contains(kind);
            case "kernel", "stride", "padding" ->
                List.of("Conv", "MaxPool", "AvgPool").contains(kind);
            case "p" -> kind.equals("Dropout");
            default -> false;
        };
    }

    public IntegerProperty out() {
        return out;
    }

    public IntegerProperty kernel() {
        return kernel;
    }

    public IntegerProperty stride() {
        return stride;
    }

    public IntegerProperty padding() {
        return padding;
    }

    public DoubleProperty p() {
        return p;
    }

    /** Every setting, to follow edits. */
    public List<Observable> settings() {
        return Arrays.asList(out, kernel, stride, padding, p, ceil);
    }
}
