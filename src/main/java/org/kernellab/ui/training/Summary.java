package org.kernellab.ui.training;

import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.Problem;

/**
 * The edited architecture: its layers and total, or why it is not possible.
 *
 * @param problem why the edited settings make no network, null when they do
 */
public record Summary(List<Summary.Layer> layers, long parameters, Problem problem) {
    /** One line of the layer table; {@code pytorch} names the layer. */
    public record Layer(String pytorch, int[] shape, long parameters) {
        /** The shape of one image's output, without the batch: 16×26×26. */
        public String shapeText() { return String.join("×", Arrays.stream(shape).skip(1).mapToObj(String::valueOf).toList()); }
    }

    public boolean ok() { return problem == null; }
}
