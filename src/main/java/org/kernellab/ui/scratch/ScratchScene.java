package org.kernellab.ui.scratch;

import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_CHANNELS;
import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_F;
import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_FILTERS;
import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_M;
import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_PAD;
import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_SIDE;
import static org.kernellab.ui.scratch.FromScratchViewModel.MAX_STRIDE;

import java.util.List;
import org.kernellab.compute.SideBySide.Op;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.SceneFields;

/**
 * The from-scratch view's scene fields: the operation (which starts from the notebook's cell for it, as a lesson's
 * {@code op} always has), then the notebook's sizes and seed, then the map shown. Declared without a run after each.
 */
final class ScratchScene {
    /** The operations as a scene names them, in {@link Op}'s order. */
    private static final List<String> OPS = List.of("conv", "max", "avg");

    private ScratchScene() {}

    /** The fields, applied and finished. */
    static SceneFields declare(LessonParams params, FromScratchViewModel vm) {
        SceneFields scene = vm.quietly(() -> new SceneFields(params)
                .custom("op", () -> OPS.get(vm.opProperty().get().ordinal()), v -> {
                    if (!OPS.contains(v))
                        throw new SceneFields.Invalid("scene.notChoice", "op", v, String.join(", ", OPS));
                    Op op = Op.values()[OPS.indexOf(v)];
                    if (op != vm.opProperty().get()) vm.useCourse(op);
                })
                .integer("m", vm.mProperty(), 1, MAX_M)
                .integer("nCPrev", vm.nCPrevProperty(), 1, MAX_CHANNELS)
                .integer("nPrev", vm.nPrevProperty(), 1, MAX_SIDE)
                .integer("nC", vm.nCProperty(), 1, MAX_FILTERS)
                .integer("f", vm.fProperty(), 1, MAX_F)
                .integer("pad", vm.padProperty(), 0, MAX_PAD)
                .integer("stride", vm.strideProperty(), 1, MAX_STRIDE)
                .integer("seed", vm.seedProperty(), 0, 99)
                .custom(
                        "example",
                        () -> vm.exampleProperty().get(),
                        v -> vm.exampleProperty()
                                .set(SceneFields.whole(
                                        "example", v, 0, vm.mProperty().get() - 1)))
                .custom(
                        "channel",
                        () -> vm.channelProperty().get(),
                        v -> vm.channelProperty().set(SceneFields.whole("channel", v, 0, channels(vm) - 1))));
        scene.finish();
        return scene;
    }

    /** The maps a result has for each example: one a filter, or, pooled, one an input channel. */
    private static int channels(FromScratchViewModel vm) {
        return vm.opProperty().get() == Op.CONV
                ? vm.nCProperty().get()
                : vm.nCPrevProperty().get();
    }
}
