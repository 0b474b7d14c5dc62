package org.kernellab.ui.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.model.Layer;
import org.kernellab.model.LayerTable;
import org.kernellab.model.Net;

/**
 * A lab's net being edited: its layers, which a student adds, removes, moves and changes, or replaces with a preset or
 * the net's JSON form; and the live table of the edited net (each layer's shape and parameters), or why it does not fit
 * its input, naming the layer and the shapes.
 */
public final class NetEditor {
    /** The edited net's rows, or the reason it is no net. */
    public record Table(Net net, List<LayerTable.Row> rows, long parameters, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private int[] input;
    private final ObservableList<LayerEdit> layers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>();

    public NetEditor(int[] input, Net start) {
        this.input = input.clone();
        InvalidationListenerOwner owner = new InvalidationListenerOwner();
        layers.addListener((ListChangeListener<LayerEdit>) c -> {
            while (c.next())
                for (LayerEdit e : c.getAddedSubList()) for (Observable o : e.settings()) o.addListener(owner);
            update();
        });
        set(start);
    }

    /** Re-reads the table on any layer's change (one listener object, so that it can be told apart from others). */
    private final class InvalidationListenerOwner implements InvalidationListener {
        @Override
        public void invalidated(Observable o) {
            update();
        }
    }

    public ObservableList<LayerEdit> layers() {
        return layers;
    }

    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public Table table() {
        return table.get();
    }

    public int[] input() {
        return input.clone();
    }

    /** The lab's data changed shape (CIFAR-10's colour pictures after Fashion-MNIST): the layers are read for it. */
    public void input(int[] shape) {
        input = shape.clone();
        update();
    }

    /** Replaces the edited layers with a net's (a preset, a lesson's net, a file's); its input must be the lab's. */
    public void set(Net net) {
        if (!Arrays.equals(net.input(), input)) {
            throw new ComputeException("cli.netInput", Arrays.toString(net.input()), Arrays.toString(input));
        }
        layers.setAll(net.layers().stream().map(LayerEdit::of).toList());
    }

    /** The edited net; throws {@link ComputeException} naming the layer that does not fit. */
    public Net net() {
        Table t = table.get();
        if (!t.ok()) throw new ComputeException(t.problem());
        return t.net();
    }

    public void add(String kind, int at) {
        layers.add(Math.max(0, Math.min(at, layers.size())), LayerEdit.of(kind));
    }

    public void remove(int at) {
        if (at >= 0 && at < layers.size()) layers.remove(at);
    }

    /** Moves layer {@code at} one place up (−1) or down (+1). */
    public void move(int at, int by) {
        int to = at + by;
        if (at < 0 || at >= layers.size() || to < 0 || to >= layers.size()) return;
        LayerEdit e = layers.remove(at);
        layers.add(to, e);
    }

    /** The edited net's JSON form, or null when it is no net. */
    public String json() {
        return table.get().ok() ? table.get().net().toJson() : null;
    }

    /** Replaces the layers with a net given in its JSON form; returns why not, or null. */
    public Problem apply(String json) {
        try {
            set(Net.fromJson(json));
            return null;
        } catch (ComputeException e) {
            return e.problem();
        }
    }

    private void update() {
        List<Layer> list = new ArrayList<>();
        for (LayerEdit e : layers) list.add(e.layer(input.length - 1));
        try {
            Net net = Net.of(input, list);
            List<LayerTable.Row> rows = net.table(1);
            table.set(new Table(net, rows, LayerTable.Totals.of(rows).parameters(), null));
        } catch (ComputeException e) {
            table.set(new Table(null, List.of(), 0, e.problem()));
        }
    }
}
