package org.kernellab.ui.conv3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.compute.AxisSize;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Problem;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * A 3D convolution stepped through: a small volume, a k×k×k kernel, stride and padding alike along the three axes. The
 * output comes from ND4J's conv3d; each step shows the window's products, whose sum is that output cell.
 */
public final class Conv3dViewModel {
    public static final int MAX_INPUT = 10;

    /** One output cell: where it is, where its window starts (padding counted), and its products (input · weight). */
    public record Step(int d, int h, int w, int d0, int h0, int w0, List<double[]> products, double value) {}

    /** The input (D, H, W), the kernel, the output from ND4J, or why there is none. */
    public record Result(Tensor input, Tensor kernel, Tensor output, AxisSize size, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final IntegerProperty input = new SimpleIntegerProperty(8);
    private final IntegerProperty kernel = new SimpleIntegerProperty(3);
    private final IntegerProperty stride = new SimpleIntegerProperty(1);
    private final IntegerProperty padding = new SimpleIntegerProperty(0);
    private final Stepper stepper = new Stepper();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding engineReady;
    private final long seed;

    public Conv3dViewModel(BooleanBinding engineReady, long seed) {
        this.engineReady = engineReady;
        this.seed = seed;
        for (Observable o : new Observable[] {input, kernel, stride, padding, engineReady})
            o.addListener(x -> update());
        update();
    }

    public Stepper stepper() {
        return stepper;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    private void update() {
        int n = input.get(), k = kernel.get();
        Random r = new Random(seed + n);
        Tensor in = Tensor.zeros(n, n, n), w = Tensor.zeros(k, k, k);
        for (int i = 0; i < in.size(); i++)
            in.data()[i] = r.nextDouble() < 0.15 ? 1 + r.nextInt(3) : 0; // sparse, like voxels
        for (int i = 0; i < w.size(); i++) w.data()[i] = r.nextInt(3) - 1;
        AxisSize size = Shapes.conv(n, k, stride.get(), padding.get(), 1);
        if (!size.ok()) {
            result.set(new Result(in, w, null, size, size.problem()));
            stepper.countProperty().set(0);
            return;
        }
        Tensor out = null;
        if (engineReady.get()) {
            int o = size.output();
            out = NdOps.conv(
                            in.reshape(1, 1, n, n, n),
                            w.reshape(1, 1, k, k, k),
                            null,
                            Window.cubic(3, k, stride.get(), padding.get(), 1))
                    .reshape(o, o, o);
        }
        result.set(new Result(in, w, out, size, null));
        stepper.countProperty().set(size.output() * size.output() * size.output());
        if (stepper.step() >= stepper.count()) stepper.stepProperty().set(0);
    }

    /** Step {@code i}: output cells in order, depth slowest. */
    public Step step(int i) {
        Result r = result.get();
        int o = r.size().output(), k = kernel.get(), s = stride.get(), p = padding.get(), n = input.get();
        int d = i / (o * o), h = i / o % o, w = i % o, d0 = d * s - p, h0 = h * s - p, w0 = w * s - p;
        List<double[]> products = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    int x = d0 + a, y = h0 + b, z = w0 + c;
                    double v = x < 0 || y < 0 || z < 0 || x >= n || y >= n || z >= n
                            ? 0
                            : r.input().get(x, y, z);
                    products.add(new double[] {v, r.kernel().get(a, b, c)});
                }
            }
        }
        return new Step(
                d,
                h,
                w,
                d0,
                h0,
                w0,
                products,
                r.output() == null ? Double.NaN : r.output().get(d, h, w));
    }

    public IntegerProperty inputProperty() {
        return input;
    }

    public IntegerProperty kernelProperty() {
        return kernel;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public IntegerProperty paddingProperty() {
        return padding;
    }
}
