package org.kernellab.ui.famous;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.Problem;
import org.kernellab.model.Architectures;
import org.kernellab.model.Layer;
import org.kernellab.model.LayerTable;
import org.kernellab.model.LayerText;
import org.kernellab.model.Net;

/**
 * A network read layer by layer, torchinfo style (output shape, parameters, multiply-accumulates and activation memory
 * of each layer, then the totals), for a picture size the student chooses; and the slides' comparison of one dense layer
 * with one convolution on the same picture. Every number comes from {@link LayerTable}.
 */
public final class FamousNetsViewModel {
    public enum Choice {
        ALEXNET,
        VGG16,
        COURSE_MLP,
        COURSE_CNN,
        LAB,
        LAB_RUN,
        CONV3DNET,
        LAB_3D,
        LAB_3D_RUN
    }

    /** Where the labs' nets come from, read when chosen; each may throw a ComputeException that says why there is none. */
    public interface Labs {
        /** The net being edited in the training lab ({@code threeD} false) or the 3D lab. */
        Net edited(boolean threeD);

        /** The net of the run chosen on that lab's Results tab: trained there or opened from a file. */
        Net chosenRun(boolean threeD);
    }

    /** The picture sizes offered: 2D nets from 8 to 512 pixels a side, 3D nets from 8 to 64 voxels. */
    public static final int MIN_SIDE = 8, MAX_SIDE = 512, MAX_SIDE_3D = 64;

    public static final int MAX_IMAGE = 1000, MAX_UNITS = 4096, MAX_FILTERS = 512, MAX_KERNEL = 11;

    /**
     * One layer's line; the shares are of the net's largest layer, for bars.
     *
     * @param shape the output without the batch
     * @param field how many input pixels one output value depends on
     */
    public record Row(
            int index,
            Layer kind,
            String pytorch,
            int[] shape,
            long parameters,
            long macs,
            long activationBytes,
            double parameterShare,
            double macShare,
            LayerTable.Field field) {}

    /** Consecutive layers with the same output, drawn as one block of the shape strip ({@code layers} of them). */
    public record Block(int[] shape, int layers) {}

    /** The summary, or why the picture cannot go through ({@code rows} then empty). */
    public record Table(List<Row> rows, List<Block> blocks, LayerTable.Totals totals, int[] input, Problem problem) {}

    /** The slides' argument: a dense layer and a convolution, each on the same picture. */
    public record Comparison(LayerTable.Row dense, LayerTable.Row conv, Problem problem) {
        public long denseWeights() {
            return dense.parameters() - dense.shape()[1];
        }

        public long convWeights() {
            return conv.parameters() - conv.shape()[1];
        }
    }

    private final ObjectProperty<Choice> net = new SimpleObjectProperty<>(Choice.ALEXNET);
    private final IntegerProperty side = new SimpleIntegerProperty(224);
    private final IntegerProperty image = new SimpleIntegerProperty(1000);
    private final IntegerProperty channels = new SimpleIntegerProperty(3);
    private final IntegerProperty units = new SimpleIntegerProperty(1000);
    private final IntegerProperty filters = new SimpleIntegerProperty(64);
    private final IntegerProperty kernel = new SimpleIntegerProperty(3);

    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final Labs labs;

    public FamousNetsViewModel(Labs labs) {
        this.labs = labs;
        net.addListener((o, was, now) -> {
            Net a = architecture();
            int s = a == null ? side.get() : a.input()[a.input().length - 1];
            if (s == side.get()) table.set(summarize());
            else side.set(s);
        });
        side.addListener(o -> table.set(summarize()));
        table.set(summarize());
        for (Observable o : new Observable[] {image, channels, units, filters, kernel})
            o.addListener(x -> comparison.set(compare()));
        comparison.set(compare());
    }

    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public Table table() {
        return table.get();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public Comparison comparison() {
        return comparison.get();
    }

    public boolean threeD() {
        return net.get() == Choice.CONV3DNET || net.get() == Choice.LAB_3D || net.get() == Choice.LAB_3D_RUN;
    }

    public int maxSide() {
        return threeD() ? MAX_SIDE_3D : MAX_SIDE;
    }

    /** The chosen net; null with {@link #problem} set when a lab's net cannot be read. */
    private Net architecture() {
        return switch (net.get()) {
            case ALEXNET -> Architectures.ALEXNET.net();
            case VGG16 -> Architectures.VGG16.net();
            case COURSE_MLP -> Architectures.COURSE_MLP.net();
            case COURSE_CNN -> Architectures.COURSE_CNN.net();
            case CONV3DNET -> Architectures.CONV3DNET.net();
            case LAB -> readLab(() -> labs.edited(false));
            case LAB_3D -> readLab(() -> labs.edited(true));
            case LAB_RUN -> readLab(() -> labs.chosenRun(false));
            case LAB_3D_RUN -> readLab(() -> labs.chosenRun(true));
        };
    }

    private Problem problem;

    private Net readLab(Supplier<Net> s) {
        try {
            problem = null;
            return s.get();
        } catch (ComputeException e) {
            problem = e.problem();
            return null;
        }
    }

    private Table summarize() {
        Net a = architecture();
        if (a == null) return new Table(List.of(), List.of(), new LayerTable.Totals(0, 0, 0), new int[0], problem);
        int[] one = a.input().clone();
        for (int i = 1; i < one.length; i++) one[i] = side.get();
        int[] input = new int[one.length + 1];
        input[0] = 1;
        System.arraycopy(one, 0, input, 1, one.length);
        List<LayerTable.Row> results;
        try {
            results = a.withInput(one).table(1);
        } catch (ComputeException e) {
            return new Table(List.of(), List.of(), new LayerTable.Totals(0, 0, 0), input, e.problem());
        }
        long maxParams = Math.max(
                1, results.stream().mapToLong(LayerTable.Row::parameters).max().orElse(1));
        long maxMacs = Math.max(
                1, results.stream().mapToLong(LayerTable.Row::macs).max().orElse(1));
        List<Row> rows = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Arrays.copyOfRange(input, 1, input.length), 0));
        for (int i = 0; i < results.size(); i++) {
            LayerTable.Row r = results.get(i);
            int[] shape = Arrays.copyOfRange(r.shape(), 1, r.shape().length);
            rows.add(new Row(
                    i + 1,
                    r.layer(),
                    r.pytorch(),
                    shape,
                    r.parameters(),
                    r.macs(),
                    r.activationBytes(),
                    r.parameters() / (double) maxParams,
                    r.macs() / (double) maxMacs,
                    r.field()));
            Block last = blocks.get(blocks.size() - 1);
            if (Arrays.equals(last.shape(), shape)) blocks.set(blocks.size() - 1, new Block(shape, last.layers() + 1));
            else blocks.add(new Block(shape, 1));
        }
        return new Table(List.copyOf(rows), List.copyOf(blocks), LayerTable.Totals.of(results), input, null);
    }

    private Comparison compare() {
        int[] in = {channels.get(), image.get(), image.get()};
        try {
            LayerTable.Row dense = Net.of(in, List.of(new Layer.Flatten(), new Layer.Linear(0, units.get(), true)))
                    .table(1)
                    .get(1);
            // "same" padding, as the slides' Conv2d(3, 64, kernel_size=3, padding=1): the picture keeps its size
            LayerTable.Row conv = Net.of(
                            in,
                            List.of(LayerText.parse(
                                    "conv:out=" + filters.get() + ",k=" + kernel.get() + ",p=" + kernel.get() / 2, 2)))
                    .table(1)
                    .get(0);
            return new Comparison(dense, conv, null);
        } catch (ComputeException e) {
            return new Comparison(null, null, e.problem());
        }
    }

    public ObjectProperty<Choice> netProperty() {
        return net;
    }

    public IntegerProperty sideProperty() {
        return side;
    }

    public IntegerProperty imageProperty() {
        return image;
    }

    public IntegerProperty channelsProperty() {
        return channels;
    }

    public IntegerProperty unitsProperty() {
        return units;
    }

    public IntegerProperty filtersProperty() {
        return filters;
    }

    public IntegerProperty kernelProperty() {
        return kernel;
    }
}
