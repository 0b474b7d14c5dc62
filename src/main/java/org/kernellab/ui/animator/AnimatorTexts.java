package org.kernellab.ui.animator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.binding.StringBinding;
import org.kernellab.compute.ConvAnimation;
import org.kernellab.compute.ConvSettings;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.ScatterTrace;
import org.kernellab.compute.Tensor;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.core.I18n;

/**
 * What the animator's labels say, in the student's language: the grids' titles, the size formula, the message, the
 * step's title and its products and sum, and the PyTorch code. Each is a binding on the view-model's result (and step),
 * so the page only binds its labels.
 */
final class AnimatorTexts {
    private final AnimatorViewModel vm;
    private final I18n i18n;

    AnimatorTexts(AnimatorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    StringBinding inputTitle() {
        return onResult(() -> {
            ConvSettings s = vm.result().settings();
            int h = s.input().dim(0), w = s.input().dim(1);
            return !s.transposed() && (s.padH() > 0 || s.padW() > 0)
                    ? i18n.tr("animator.inputPadded", h, w, h + 2 * s.padH(), w + 2 * s.padW())
                    : i18n.tr("convintro.input", h, w);
        });
    }

    StringBinding kernelTitle() {
        return onResult(() -> {
            ConvSettings s = vm.result().settings();
            return i18n.tr(
                    s.flipped() ? "animator.kernelFlipped" : "convintro.kernel",
                    s.kernel().dim(0),
                    s.kernel().dim(1));
        });
    }

    StringBinding outputTitle() {
        return onResult(() -> {
            ConvAnimation r = vm.result();
            if (!r.ok()) return i18n.tr("convintro.noOutput");
            ConvSettings s = r.settings();
            return s.transposed() && (s.padH() > 0 || s.padW() > 0)
                    ? i18n.tr(
                            "animator.outputCropped",
                            r.rows().output(),
                            r.cols().output())
                    : i18n.tr("convintro.output", r.rows().output(), r.cols().output());
        });
    }

    /** One formula while both axes have the same, else one for the height and one for the width. */
    StringBinding formula() {
        return onResult(() -> {
            ConvAnimation r = vm.result();
            Tensor in = r.settings().input();
            return r.rows().formula().equals(r.cols().formula()) && in.dim(0) == in.dim(1)
                    ? i18n.tr("convintro.outputSize", r.rows().formula())
                    : i18n.tr(
                            "convintro.outputSizeHW",
                            r.rows().formula(),
                            r.cols().formula());
        });
    }

    /** Why there is no output; else the input cells the kernel never reaches, and whether ND4J is still loading. */
    StringBinding message() {
        return onResult(() -> {
            ConvAnimation r = vm.result();
            if (!r.ok()) return "✗ " + i18n.tr("animator.noOutput", i18n.tr(r.problem()));
            List<String> lines = new ArrayList<>();
            Coverage coverage = vm.coverage();
            List<Integer> rows = coverage.uncoveredRows(), cols = coverage.uncoveredCols();
            if (!rows.isEmpty() || !cols.isEmpty()) {
                lines.add(i18n.tr("animator.uncovered", join(rows), join(cols)));
            } else if (coverage.uncoveredCells() > 0) {
                lines.add(i18n.tr("animator.uncoveredCells", coverage.uncoveredCells()));
            }
            if (!r.settings().engine()) lines.add(i18n.tr("animator.waitingEngine"));
            return String.join("\n", lines);
        });
    }

    StringBinding stepTitle() {
        return onStep(() -> {
            ConvAnimation r = vm.result();
            if (!r.ok()) return "";
            int i = vm.stepper().step(), n = vm.stepper().count();
            if (r.trace() != null) {
                ConvTrace.Step s = r.trace().steps().get(i);
                return i18n.tr("convintro.step", i + 1, n, s.outRow(), s.outCol());
            }
            ScatterTrace.Step s = r.scatter().steps().get(i);
            return i18n.tr("animator.scatterStep", i + 1, n, s.inRow(), s.inCol());
        });
    }

    /** The current step's arithmetic: each pair multiplied, the products, the sum with the bias. */
    StringBinding products() {
        return onStep(() -> {
            ConvAnimation r = vm.result();
            if (!r.ok()) return "";
            Numbers numbers = i18n.numbers();
            if (r.trace() != null) return sum(r.trace().steps().get(vm.stepper().step()), r, numbers);
            ScatterTrace.Step s = r.scatter().steps().get(vm.stepper().step());
            String added = s.added().stream().map(numbers::factor).collect(Collectors.joining(numbers.listSeparator()));
            return numbers.format(s.input()) + " · w = [" + added + "]";
        });
    }

    /** The PyTorch layer, an input of the same shape and what the layer makes of it. */
    StringBinding python() {
        return onResult(() -> {
            ConvAnimation r = vm.result();
            Tensor in = r.settings().input();
            String flip = r.settings().flipped()
                    ? "\n# " + i18n.tr("animator.flipComment") + "\nlayer.weight.data = torch.flip(w, dims=[2, 3])"
                    : "";
            return "layer = " + r.pytorch() + flip + "\nx = torch.zeros(1, 1, " + in.dim(0) + ", " + in.dim(1) + ")\n"
                    + (r.ok() ? "layer(x).shape  # " + r.outputShape() : "layer(x)  # RuntimeError");
        });
    }

    /** One line per kernel row, so the text keeps the kernel's shape and needs no wrapping. */
    private static String sum(ConvTrace.Step s, ConvAnimation r, Numbers numbers) {
        int width = r.settings().kernel().dim(1);
        StringBuilder pairs = new StringBuilder(), products = new StringBuilder("= ");
        for (int i = 0; i < s.size(); i++) {
            String sep = i == 0 ? "" : i % width == 0 ? " +\n" : " + ";
            pairs.append(sep).append(numbers.factor(s.input(i))).append('·').append(numbers.factor(s.weight(i)));
            products.append(i == 0 ? "" : i % width == 0 ? " +\n  " : " + ").append(numbers.factor(s.product(i)));
        }
        String b = s.bias() == 0 ? "" : " + " + numbers.factor(s.bias());
        return pairs + b + "\n" + products + b + "\n= " + numbers.format(s.value());
    }

    private static String join(List<Integer> l) {
        return l.isEmpty()
                ? "–"
                : String.join(", ", l.stream().map(String::valueOf).toList());
    }

    private StringBinding onResult(Callable<String> text) {
        return i18n.bind(text, vm.resultProperty());
    }

    private StringBinding onStep(Callable<String> text) {
        return i18n.bind(text, vm.resultProperty(), vm.stepper().stepProperty());
    }
}
