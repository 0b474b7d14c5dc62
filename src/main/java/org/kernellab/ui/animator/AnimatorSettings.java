package org.kernellab.ui.animator;

import static org.kernellab.ui.animator.AnimatorViewModel.MAX_DILATION;
import static org.kernellab.ui.animator.AnimatorViewModel.MAX_INPUT;
import static org.kernellab.ui.animator.AnimatorViewModel.MAX_KERNEL;
import static org.kernellab.ui.animator.AnimatorViewModel.MAX_PADDING;
import static org.kernellab.ui.animator.AnimatorViewModel.MAX_STRIDE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.kernellab.compute.Kernels;
import org.kernellab.data.DataException;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;

/** The animator's settings column: mode, the size sliders, where the input and the kernel come from, the bias and export. */
final class AnimatorSettings {
    private final AnimatorViewModel vm;
    private final I18n i18n;
    private final Consumer<Runnable> guarded;
    private final Runnable openImage;
    private final Consumer<Boolean> export;
    private final CifarChannel cifar;

    /**
     * @param guarded   runs a change that may be refused, showing why
     * @param openImage asks for a picture file to use as the input
     * @param export    asks for a file and exports to it: a GIF when true, else a PNG
     * @param cifar     a CIFAR-10 picture's channels as the input
     */
    AnimatorSettings(
            AnimatorViewModel vm,
            I18n i18n,
            Consumer<Runnable> guarded,
            Runnable openImage,
            Consumer<Boolean> export,
            CifarChannel cifar) {
        this.vm = vm;
        this.i18n = i18n;
        this.guarded = guarded;
        this.openImage = openImage;
        this.export = export;
        this.cifar = cifar;
    }

    ScrollPane build() {
        VBox box = new VBox(
                10,
                modes(),
                separate(),
                sliders(),
                new Separator(),
                title(i18n, "animator.inputValues"),
                source(),
                fashion(),
                new VBox(
                        6,
                        Controls.button("new-random", i18n, "animator.random", vm::randomize),
                        Controls.button("open-image", i18n, "animator.openImage", openImage),
                        cifar.button(),
                        cifar.line()),
                new Separator(),
                title(i18n, "animator.kernelValues"),
                preset(),
                bias(),
                flip(),
                editHint(),
                new Separator(),
                title(i18n, "animator.export"),
                Controls.button("export-png", i18n, "animator.exportPng", () -> export.accept(false)),
                Controls.button("export-gif", i18n, "animator.exportGif", () -> export.accept(true)));
        box.getStyleClass().add("settings");
        return Controls.column(box, 250);
    }

    private SegmentedButton modes() {
        Map<AnimatorViewModel.Mode, String[]> modes = new LinkedHashMap<>();
        modes.put(AnimatorViewModel.Mode.CONVOLUTION, new String[] {"mode-conv", "animator.modeConv"});
        modes.put(AnimatorViewModel.Mode.TRANSPOSED, new String[] {"mode-transposed", "animator.modeTransposed"});
        return Segments.of(vm.modeProperty(), modes, i18n);
    }

    private CheckBox separate() {
        CheckBox separate = new CheckBox();
        separate.setId("separate");
        separate.textProperty().bind(i18n.bind("animator.separate"));
        separate.selectedProperty().bindBidirectional(vm.separateProperty());
        return separate;
    }

    private VBox sliders() {
        VBox box = new VBox(8);
        addPair(box, "input", "animator.input", vm.inputHProperty(), vm.inputWProperty(), 1, MAX_INPUT);
        addPair(box, "padding", "animator.padding", vm.padHProperty(), vm.padWProperty(), 0, MAX_PADDING);
        addPair(box, "kernel", "animator.kernel", vm.kernelHProperty(), vm.kernelWProperty(), 1, MAX_KERNEL);
        addPair(box, "stride", "animator.stride", vm.strideHProperty(), vm.strideWProperty(), 1, MAX_STRIDE);
        addPair(box, "dilation", "animator.dilation", vm.dilationHProperty(), vm.dilationWProperty(), 1, MAX_DILATION);
        return box;
    }

    /** Where the input's numbers come from; a source the list does not offer (a picture file, typing) shows as a prompt. */
    private ComboBox<AnimatorViewModel.Source> source() {
        ComboBox<AnimatorViewModel.Source> source = new ComboBox<>();
        source.setId("input-source");
        source.getItems()
                .setAll(
                        AnimatorViewModel.Source.RANDOM,
                        AnimatorViewModel.Source.COURSE_1_1,
                        AnimatorViewModel.Source.COURSE_1_2,
                        AnimatorViewModel.Source.COURSE_1_3,
                        AnimatorViewModel.Source.COUNTING,
                        AnimatorViewModel.Source.FASHION);
        Controls.localized(source, i18n, s -> i18n.tr("animator.source." + s.name()));
        source.setMaxWidth(Double.MAX_VALUE);
        source.setValue(vm.sourceProperty().get());
        source.valueProperty().addListener((o, a, s) -> {
            if (s != null && s != vm.sourceProperty().get())
                guarded.accept(() -> vm.sourceProperty().set(s));
        });
        vm.sourceProperty()
                .addListener((o, a, s) -> source.setValue(source.getItems().contains(s) ? s : null));
        source.promptTextProperty()
                .bind(i18n.bind(
                        () -> i18n.tr(
                                "animator.source." + vm.sourceProperty().get().name()),
                        vm.sourceProperty()));
        return source;
    }

    /** Which Fashion-MNIST image, and its class; shown while that is the source. */
    private HBox fashion() {
        Spinner<Integer> index =
                new Spinner<>(0, 1999, vm.fashionIndexProperty().get());
        index.setId("fashion-index");
        index.setEditable(true);
        index.valueProperty()
                .addListener((o, a, n) ->
                        guarded.accept(() -> vm.fashionIndexProperty().set(n)));
        Label kind = new Label();
        kind.textProperty().bind(i18n.bind(this::fashionClass, vm.fashionIndexProperty()));
        HBox row = new HBox(8, index, kind);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.sourceProperty().isEqualTo(AnimatorViewModel.Source.FASHION));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private String fashionClass() {
        try {
            return i18n.tr("data.class."
                    + vm.pictures().test().label(vm.fashionIndexProperty().get()));
        } catch (DataException e) {
            return i18n.tr(e.problem());
        }
    }

    private ComboBox<Kernels> preset() {
        ComboBox<Kernels> preset = new ComboBox<>();
        preset.setId("kernel-preset");
        preset.getItems().setAll(Kernels.values());
        Controls.localized(preset, i18n, kk -> i18n.tr("kernel." + kk.name()));
        preset.promptTextProperty().bind(i18n.bind("kernel.CUSTOM"));
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setValue(vm.presetProperty().get());
        preset.valueProperty().addListener((o, a, kk) -> {
            if (kk != vm.presetProperty().get())
                guarded.accept(() -> vm.presetProperty().set(kk));
        });
        vm.presetProperty().addListener((o, a, kk) -> preset.setValue(kk));
        return preset;
    }

    private HBox bias() {
        Spinner<Double> bias = new Spinner<>(-9.0, 9.0, vm.biasProperty().get(), 0.5);
        bias.setId("bias");
        bias.setEditable(true);
        bias.valueProperty().addListener((o, a, n) -> vm.biasProperty().set(n));
        HBox row = new HBox(8, title(i18n, "animator.bias"), bias);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private CheckBox flip() {
        CheckBox flip = new CheckBox();
        flip.setId("animator-flip");
        flip.setWrapText(true);
        flip.textProperty().bind(i18n.bind("animator.trueConvolution"));
        flip.selectedProperty().bindBidirectional(vm.trueConvolutionProperty());
        flip.disableProperty().bind(vm.modeProperty().isEqualTo(AnimatorViewModel.Mode.TRANSPOSED));
        return flip;
    }

    private Label editHint() {
        Label hint = title(i18n, "animator.editHint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return hint;
    }

    /** A slider for the height (or both axes) and, when they are separate, one for the width. */
    private void addPair(VBox box, String id, String key, IntegerProperty h, IntegerProperty w, int min, int max) {
        SliderRow height = new SliderRow(
                id,
                i18n.bind(() -> i18n.tr(vm.separateProperty().get() ? key + "Height" : key), vm.separateProperty()),
                h,
                min,
                max);
        SliderRow width = new SliderRow(id + "-w", i18n.bind(key + "Width"), w, min, max);
        width.visibleProperty().bind(vm.separateProperty());
        width.managedProperty().bind(vm.separateProperty());
        box.getChildren().addAll(height, width);
    }

    /** A settings column title that follows the language. */
    static Label title(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("settings-title");
        return l;
    }
}
