package org.kernellab.ui.channels;

import java.util.List;
import java.util.Random;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.PyTorch;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.model.LayerTable;
import org.kernellab.model.LayerText;
import org.kernellab.model.Net;

/** The course's two-layer chain under the channels, run for real. */
final class CourseChain {
    private CourseChain() {}

    /**
     * The course's chain, run for real on random numbers with ND4J: (1,3,19,19) → Conv2d(3,7,5) →
     * Conv2d(7,2,3), without bias as in the course. Each line: the layer, its weight shape, the output shape.
     */
    static List<String> lines() {
        Random r = new Random(1);
        Tensor x = Tensor.zeros(1, 3, 19, 19), w1 = Tensor.zeros(7, 3, 5, 5), w2 = Tensor.zeros(2, 7, 3, 3);
        for (Tensor t : new Tensor[] {x, w1, w2}) for (int i = 0; i < t.size(); i++) t.data()[i] = r.nextGaussian();
        Tensor y1 = NdOps.conv(x, w1, null, Window.square(5, 1, 0));
        Tensor y2 = NdOps.conv(y1, w2, null, Window.square(3, 1, 0));
        List<LayerTable.Row> chain = Net.of(
                        new int[] {3, 19, 19},
                        List.of(
                                LayerText.parse("conv:out=7,k=5,bias=false", 2),
                                LayerText.parse("conv:out=2,k=3,bias=false", 2)))
                .table(1);
        return List.of(
                "x = torch.randn(1, 3, 19, 19)    # " + PyTorch.size(x.shape()),
                "conv1 = " + chain.get(0).pytorch() + "    # weight "
                        + PyTorch.size(chain.get(0).weightShape()) + ", "
                        + chain.get(0).parameters() + " params",
                "conv1(x).shape    # " + PyTorch.size(y1.shape()),
                "conv2 = " + chain.get(1).pytorch() + "    # weight "
                        + PyTorch.size(chain.get(1).weightShape()) + ", "
                        + chain.get(1).parameters() + " params",
                "conv2(conv1(x)).shape    # " + PyTorch.size(y2.shape()));
    }
}
