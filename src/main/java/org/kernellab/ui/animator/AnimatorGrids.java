package org.kernellab.ui.animator;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import org.kernellab.compute.ConvAnimation;
import org.kernellab.compute.ConvSettings;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.ScatterTrace;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.widgets.MatrixView;

/**
 * The animator's three grids, in line with the view-model: the input (padded, for a convolution) with the kernel's
 * window gliding over it and the cells it never reaches hatched, the kernel as it meets the input, and the output
 * filling in; for the transposed convolution, the input cell scattering and the sums it leaves in the output.
 */
final class AnimatorGrids {
    private final AnimatorViewModel vm;
    private final MatrixView input = new MatrixView(), kernel = new MatrixView(), output = new MatrixView();
    private final Timeline glide = new Timeline();
    private int[] lastWindow;

    AnimatorGrids(AnimatorViewModel vm, ObservableValue<Theme.Palette> palette, ObservableValue<Numbers> numbers) {
        this.vm = vm;
        for (MatrixView m : all()) {
            m.paletteProperty().bind(palette);
            m.numbersProperty().bind(numbers);
        }
        input.setId("animator-input");
        kernel.setId("animator-kernel");
        output.setId("animator-output");
        input.setOnCellEdited((rc, v) -> vm.editInput(rc[0], rc[1], v));
        kernel.setOnCellEdited((rc, v) -> vm.editKernel(rc[0], rc[1], v));
        output.setOnCellClicked(this::jumpToOutput);
        vm.resultProperty().addListener((o, a, b) -> redraw(true));
        vm.stepper().stepProperty().addListener((o, a, b) -> redraw(false));
        redraw(true);
    }

    /** Input, kernel and output, left to right. */
    List<MatrixView> all() {
        return List.of(input, kernel, output);
    }

    MatrixView input() {
        return input;
    }

    MatrixView output() {
        return output;
    }

    /** Puts the grids, the window and the marks in line with the view-model; {@code fresh}: new settings. */
    void redraw(boolean fresh) {
        ConvAnimation r = vm.result();
        kernel.setValues(r.settings().applied().toMatrix());
        if (r.settings().transposed()) scatter(r);
        else slide(r, fresh);
    }

    /** Stops the window's glide where it is going: a frame then shows it in place. */
    void stopGlide() {
        glide.stop();
        input.windowShiftRowProperty().set(0);
        input.windowShiftColProperty().set(0);
    }

    private void slide(ConvAnimation r, boolean fresh) {
        ConvSettings s = r.settings();
        input.setValues(vm.paddedInput(), s.padH(), s.padW());
        input.setSelected(-1, -1);
        if (!r.ok()) {
            input.setWindow(List.of());
            input.setUncovered(null);
            output.setValues(new double[0][0]);
            lastWindow = null;
            return;
        }
        input.setUncovered(vm.coverage().neverCovered());
        ConvTrace.Step step = r.trace().steps().get(vm.stepper().step());
        input.setWindow(step.terms().stream()
                .filter(t -> t.channel() == 0)
                .map(t -> new int[] {t.row(), t.col()})
                .toList());
        glideFrom(fresh ? null : lastWindow, step.top(), step.left());
        lastWindow = new int[] {step.top(), step.left()};
        output.setFilled(r.output(), r.trace().outHeight(), r.trace().outWidth(), step.index() + 1);
        output.setSelected(step.outRow(), step.outCol());
        output.setUncovered(null);
    }

    private void scatter(ConvAnimation r) {
        ConvSettings s = r.settings();
        input.setValues(s.input().toMatrix());
        input.setUncovered(null);
        input.setWindow(List.of());
        if (!r.ok()) {
            input.setSelected(-1, -1);
            output.setValues(new double[0][0]);
            output.setWindow(List.of());
            return;
        }
        ScatterTrace.Step step = r.scatter().steps().get(vm.stepper().step());
        input.setSelected(step.inRow(), step.inCol());
        output.setValues(r.scatter().partialSum(step.index() + 1), s.padH(), s.padW());
        output.setWindow(step.cells());
        output.setSelected(-1, -1);
        lastWindow = null;
    }

    /** Glides the window from its last place to (top, left) in a fraction of a step's time. */
    private void glideFrom(int[] last, int top, int left) {
        stopGlide();
        if (last == null) return;
        input.windowShiftRowProperty().set(last[0] - top);
        input.windowShiftColProperty().set(last[1] - left);
        double ms = Math.min(180, 600 / vm.stepper().speedProperty().get());
        glide.getKeyFrames()
                .setAll(new KeyFrame(
                        Duration.millis(ms),
                        new KeyValue(input.windowShiftRowProperty(), 0),
                        new KeyValue(input.windowShiftColProperty(), 0)));
        glide.playFromStart();
    }

    private void jumpToOutput(int row, int col) {
        ConvTrace t = vm.result().trace();
        if (t != null && row < t.outHeight() && col < t.outWidth())
            vm.stepper().stepProperty().set(row * t.outWidth() + col);
    }
}
