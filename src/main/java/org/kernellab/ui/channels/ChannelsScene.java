package org.kernellab.ui.channels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.SceneFields;

/**
 * The channels' scene fields: the sizes first, then a picture file, then the numbers themselves (the input, the
 * weights and the biases as nested lists, so that a scene keeps the very numbers drawn), then what is shown.
 */
final class ChannelsScene {
    private ChannelsScene() {}

    static SceneFields declare(LessonParams params, long seed, ChannelsViewModel vm) {
        SceneFields scene = new SceneFields(params)
                .fixed("seed", seed)
                .integer("channels", vm.channelsProperty(), 1, 3)
                .integer("filters", vm.filtersProperty(), 1, 3)
                .integer("size", vm.sizeProperty(), 3, 8)
                .integer("kernel", vm.kernelProperty(), 1, 5)
                .integer("padding", vm.paddingProperty(), 0, 2)
                .integer("stride", vm.strideProperty(), 1, 3)
                .custom("imageFile", vm::imageFile, v -> {
                    String file = String.valueOf(v);
                    vm.usePicture(ChannelsPictures.read(file), file);
                });
        tensor(scene, "input", vm::input, vm::useInput);
        tensor(scene, "weights", vm::weights, vm::useWeights);
        tensor(scene, "bias", vm::bias, vm::useBias);
        return scene.integer(
                        "filter", vm.filterProperty(), 0, vm.filtersProperty().get() - 1)
                .integer(
                        "channel",
                        vm.channelProperty(),
                        0,
                        vm.channelsProperty().get() - 1)
                .step(vm.stepper());
    }

    /** A tensor of any rank as nested lists: its first axis outermost, rows of numbers innermost. */
    private static void tensor(SceneFields scene, String name, Supplier<Tensor> get, Consumer<Tensor> set) {
        scene.custom(
                name,
                () -> nested(get.get()),
                v -> set.accept(tensor(v, get.get().shape())));
    }

    static Object nested(Tensor t) {
        return nested(t.shape(), t.data(), 0, 0);
    }

    private static Object nested(int[] shape, double[] data, int axis, int offset) {
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) inner *= shape[a];
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < shape[axis]; i++)
            out.add(axis == shape.length - 1 ? data[offset + i] : nested(shape, data, axis + 1, offset + i * inner));
        return out;
    }

    /** Nested lists of numbers of exactly {@code shape}; IllegalArgumentException saying what it must be. */
    static Tensor tensor(Object v, int[] shape) {
        int size = 1;
        for (int n : shape) size *= n;
        double[] data = new double[size];
        fill(v, shape, 0, data, 0);
        return new Tensor(shape.clone(), data);
    }

    private static int fill(Object v, int[] shape, int axis, double[] data, int at) {
        if (!(v instanceof List<?> list) || list.size() != shape[axis])
            throw new IllegalArgumentException(
                    "must be nested lists of numbers of the shape " + Arrays.toString(shape));
        for (Object x : list) {
            if (axis < shape.length - 1) at = fill(x, shape, axis + 1, data, at);
            else if (x instanceof Number n) data[at++] = n.doubleValue();
            else throw new IllegalArgumentException(x + " is not a number");
        }
        return at;
    }
}
