package org.kernellab.ui.animator;

import static org.kernellab.ui.animator.AnimatorViewModel.MAX_DILATION;
import static org.kernellab.ui.animator.AnimatorViewModel.MAX_PADDING;
import static org.kernellab.ui.animator.AnimatorViewModel.MAX_STRIDE;

import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import org.kernellab.compute.Kernels;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.animator.AnimatorViewModel.Mode;
import org.kernellab.ui.animator.AnimatorViewModel.Source;
import org.kernellab.ui.core.SceneFields;

/**
 * The animator's scene fields, in the order they rely on one another: where the input comes from before its numbers,
 * the preset before the kernel's numbers, the tie of height and width before the sizes. A lesson that gives
 * {@code input} or {@code kernel} without saying where they come from has its own matrices, as before scenes.
 */
final class AnimatorScene {
    /** What {@code preset} says of a kernel of the student's own. */
    static final String CUSTOM = "custom";

    private AnimatorScene() {}

    /**
     * @param read a picture file's grey values; throws IllegalArgumentException when it is no picture
     */
    static SceneFields declare(LessonParams params, long seed, AnimatorViewModel vm, Function<String, Tensor> read) {
        boolean sourceGiven =
                params.values().containsKey("source") || params.values().containsKey("imageFile");
        boolean presetGiven = params.values().containsKey("preset");
        SceneFields scene = new SceneFields(params)
                .fixed("seed", seed)
                .choice("mode", vm.modeProperty(), Mode.class)
                .integer("fashionIndex", vm.fashionIndexProperty(), 0, 1999)
                .choice("source", vm.sourceProperty(), Source.class)
                .custom("imageFile", vm::imageFile, v -> {
                    String file = String.valueOf(v);
                    vm.useImageFile(read.apply(file), file);
                })
                .matrix("input", () -> vm.inputProperty().get(), t -> {
                    vm.useInput(t);
                    if (!sourceGiven) vm.sourceProperty().set(Source.CUSTOM);
                })
                .custom(
                        "preset",
                        () -> vm.presetProperty().get() == null
                                ? CUSTOM
                                : SceneFields.word(vm.presetProperty().get()),
                        v -> vm.presetProperty()
                                .set(CUSTOM.equals(v) ? null : SceneFields.choose("preset", v, Kernels.class)))
                .matrix("kernel", () -> vm.kernelProperty().get(), t -> {
                    vm.useKernel(t);
                    if (!presetGiven) vm.presetProperty().set(null);
                })
                // after the input and the kernel: a preset or a course input sets the axes back together
                .bool("separate", vm.separateProperty());
        pair(scene, vm, "padding", vm.padHProperty(), vm.padWProperty(), 0, MAX_PADDING);
        pair(scene, vm, "stride", vm.strideHProperty(), vm.strideWProperty(), 1, MAX_STRIDE);
        pair(scene, vm, "dilation", vm.dilationHProperty(), vm.dilationWProperty(), 1, MAX_DILATION);
        return scene.decimal("bias", vm.biasProperty(), -9, 9)
                .bool("flip", vm.trueConvolutionProperty())
                .step(vm.stepper());
    }

    /**
     * {@code name} sets the height and the width alike (the slider a lesson knows); {@code nameW}, written only while
     * they are set apart, the width.
     */
    private static void pair(
            SceneFields scene,
            AnimatorViewModel vm,
            String name,
            IntegerProperty h,
            IntegerProperty w,
            int min,
            int max) {
        String width = name + "W";
        scene.custom(name, h::get, v -> {
                    int n = SceneFields.whole(name, v, min, max);
                    h.set(n);
                    w.set(n);
                })
                .custom(width, () -> vm.separateProperty().get() ? w.get() : null, v -> {
                    int n = SceneFields.whole(width, v, min, max);
                    if (!vm.separateProperty().get() && n != h.get())
                        throw new IllegalArgumentException(
                                "the width differs from the height only with \"separate\": true");
                    w.set(n);
                });
    }
}
