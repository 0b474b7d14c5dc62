package org.kernellab.ui.channels;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Problem;
import org.kernellab.compute.PyTorch;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.data.Images;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * Convolution over C channels with F filters of C slices each: per output cell, each channel's products
 * summing into one number per channel, the channel sums and the bias adding up to one output value, and
 * the F feature maps stacked. Shapes in PyTorch's notation at every stage.
 */
public final class ChannelsViewModel {
    private final IntegerProperty channels = new SimpleIntegerProperty(3);
    private final IntegerProperty filters = new SimpleIntegerProperty(2);
    private final IntegerProperty size = new SimpleIntegerProperty(5);
    private final IntegerProperty kernel = new SimpleIntegerProperty(3);
    private final IntegerProperty padding = new SimpleIntegerProperty(0);
    private final IntegerProperty stride = new SimpleIntegerProperty(1);
    /** The filter whose computation is shown. */
    private final IntegerProperty filter = new SimpleIntegerProperty(0);
    /** The channel shown on its own, a page at a time, where the grids need the whole stage (presentation mode). */
    private final IntegerProperty channel = new SimpleIntegerProperty(0);

    /** Everything shown; {@code problem} non-null means no output. */
    public record Result(
            Problem problem, AxisSize rows, Tensor input, Tensor weights, Tensor bias, ConvTrace trace, Tensor output) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final Stepper stepper = new Stepper();
    private final ObservableBooleanValue engineReady;
    private final Random random;
    private Tensor input, weights, bias, picture;
    private boolean fromPicture;
    /** The file the picture was read from (null: none, or CIFAR-10's). */
    private String pictureFile;

    public ChannelsViewModel(ObservableBooleanValue engineReady, long seed) {
        this.engineReady = engineReady;
        this.random = new Random(seed);
        regenerate();
        channels.addListener((o, a, n) -> {
            if (channel.get() >= n.intValue()) channel.set(n.intValue() - 1);
            fromPicture = false; // a picture has exactly three channels
            regenerate();
        });
        size.addListener((o, a, n) -> regenerate());
        for (IntegerProperty p : new IntegerProperty[] {filters, kernel})
            p.addListener((o, a, n) -> {
                newWeights();
                recompute();
            });
        for (IntegerProperty p : new IntegerProperty[] {padding, stride}) p.addListener((o, a, n) -> recompute());
        filter.addListener((o, a, n) -> recompute());
        filters.addListener((o, a, n) -> {
            if (filter.get() >= n.intValue()) filter.set(n.intValue() - 1);
        });
        engineReady.addListener((o, a, ready) -> {
            if (ready) recompute();
        });
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Result result() {
        return result.get();
    }

    public Stepper stepper() {
        return stepper;
    }

    /** New random numbers: inputs 0–9, weights −1…1, biases −2…2 (small, so sums can be checked by hand). */
    public void randomize() {
        fromPicture = false;
        regenerate();
    }

    private void regenerate() {
        if (fromPicture && picture != null) {
            input = fit(picture, size.get());
        } else {
            input = Tensor.zeros(channels.get(), size.get(), size.get());
            for (int i = 0; i < input.size(); i++) input.data()[i] = random.nextInt(10);
        }
        newWeights();
        recompute();
    }

    /** An RGB picture as three channels (values 0–1), fitted to the input size. */
    public void usePicture(Tensor rgb) {
        usePicture(rgb, null);
    }

    /** An RGB picture as the channels, and the file it was read from (null: none). */
    public void usePicture(Tensor rgb, String file) {
        channels.set(3);
        picture = rgb;
        fromPicture = true;
        pictureFile = file;
        regenerate();
    }

    /** The picture file the channels are taken from, null when they are random numbers or CIFAR-10's. */
    public String imageFile() {
        return fromPicture ? pictureFile : null;
    }

    /** The input's numbers (channels × size × size), as a scene gives them. */
    public Tensor input() {
        return input;
    }

    /** The filters' weights (filters × channels × kernel × kernel). */
    public Tensor weights() {
        return weights;
    }

    /** The filters' biases. */
    public Tensor bias() {
        return bias;
    }

    /** Other input numbers of the same shape; a picture still in use is fitted again when the size changes. */
    public void useInput(Tensor t) {
        input = same(t, input);
        recompute();
    }

    /** Other weights of the same shape. */
    public void useWeights(Tensor t) {
        weights = same(t, weights);
        recompute();
    }

    /** Other biases, one a filter. */
    public void useBias(Tensor t) {
        bias = same(t, bias);
        recompute();
    }

    private static Tensor same(Tensor t, Tensor now) {
        if (!Arrays.equals(t.shape(), now.shape()))
            throw new IllegalArgumentException(
                    "the shape must be " + Arrays.toString(now.shape()) + ", not " + Arrays.toString(t.shape()));
        return t;
    }

    private static Tensor fit(Tensor rgb, int n) {
        Tensor out = Tensor.zeros(3, n, n);
        for (int c = 0; c < 3; c++) {
            System.arraycopy(Images.fit(rgb.slice(c), n, n).data(), 0, out.data(), c * n * n, n * n);
        }
        return out;
    }

    private void newWeights() {
        weights = Tensor.zeros(filters.get(), channels.get(), kernel.get(), kernel.get());
        for (int i = 0; i < weights.size(); i++) weights.data()[i] = random.nextInt(3) - 1;
        bias = Tensor.zeros(filters.get());
        for (int i = 0; i < bias.size(); i++) bias.data()[i] = random.nextInt(5) - 2;
    }

    void recompute() {
        if (weights.dim(1) != input.dim(0)) newWeights();
        AxisSize rows = Shapes.conv(size.get(), kernel.get(), stride.get(), padding.get(), 1);
        if (!rows.ok()) {
            result.set(new Result(rows.problem(), rows, input, weights, bias, null, null));
            stepper.countProperty().set(0);
            return;
        }
        Window w = Window.square(kernel.get(), stride.get(), padding.get());
        int f = Math.min(filter.get(), filters.get() - 1);
        Tensor slice = new Tensor(
                new int[] {channels.get(), kernel.get(), kernel.get()},
                Arrays.copyOfRange(
                        weights.data(),
                        f * channels.get() * kernel.get() * kernel.get(),
                        (f + 1) * channels.get() * kernel.get() * kernel.get()));
        ConvTrace trace = ConvTrace.of(input, slice, bias.get(f), w);
        Tensor out = engineReady.get()
                ? NdOps.conv(input.reshape(1, channels.get(), size.get(), size.get()), weights, bias, w)
                : null;
        result.set(new Result(null, rows, input, weights, bias, trace, out));
        stepper.countProperty().set(trace.steps().size());
    }

    /** Channel c of the input with its padding, as rows. */
    public double[][] padded(int c) {
        return input.slice(c).padded(padding.get(), padding.get(), 0);
    }

    /** Slice c of the shown filter. */
    public double[][] kernelSlice(int c) {
        int k = kernel.get();
        double[][] m = new double[k][k];
        int f = Math.min(filter.get(), filters.get() - 1);
        for (int r = 0; r < k; r++) for (int col = 0; col < k; col++) m[r][col] = weights.get(f, c, r, col);
        return m;
    }

    /** What channel c adds to the current output cell: the sum of its products. */
    public double channelSum(int c) {
        Result r = result.get();
        if (r == null || !r.ok() || stepper.count() == 0) return 0;
        ConvTrace.Step s = r.trace().steps().get(stepper.step());
        double sum = 0;
        for (int i = 0; i < s.size(); i++) if (s.channel(i) == c) sum += s.product(i);
        return sum;
    }

    /** "12 + (−3) + 7 + bias 1 = 17" for the current output cell. */
    public String totalText(Numbers numbers) {
        Result r = result.get();
        if (r == null || !r.ok() || stepper.count() == 0) return "";
        ConvTrace.Step s = r.trace().steps().get(stepper.step());
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < channels.get(); c++) sb.append(c == 0 ? "" : " + ").append(numbers.factor(channelSum(c)));
        return sb.append(" + ")
                .append(numbers.factor(s.bias()))
                .append(" = ")
                .append(numbers.format(s.value()))
                .toString();
    }

    /** The shapes of this layer in PyTorch's notation. */
    public List<String> shapes() {
        Result r = result.get();
        int c = channels.get(), f = filters.get(), k = kernel.get(), n = size.get();
        Window w = Window.square(k, stride.get(), padding.get());
        return List.of(
                "x: " + PyTorch.size(1, c, n, n),
                "conv = " + PyTorch.conv(c, f, w, true),
                "conv.weight: " + PyTorch.size(f, c, k, k) + "    conv.bias: " + PyTorch.size(f),
                "conv(x): "
                        + (r.ok()
                                ? PyTorch.size(1, f, r.rows().output(), r.rows().output())
                                : "✗"));
    }

    public IntegerProperty channelsProperty() {
        return channels;
    }

    public IntegerProperty filtersProperty() {
        return filters;
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public IntegerProperty kernelProperty() {
        return kernel;
    }

    public IntegerProperty paddingProperty() {
        return padding;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public IntegerProperty filterProperty() {
        return filter;
    }

    /** The channel shown on its own while presenting: 0 to channels − 1. */
    public IntegerProperty channelProperty() {
        return channel;
    }
}
