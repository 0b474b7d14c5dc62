package org.kernellab.ui.lab;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Net;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;

/** The training lab's data: Fashion-MNIST as the workbench has it (the student's folder, Debian's copy or the built-in subset). */
public final class FashionData implements LabData {
    /** The demo net: the course's CNN with 16 filters, which reaches 88% in about 25 s of training here. */
    public static final int DEMO_FILTERS = 16;

    private final Workbench bench;

    public FashionData(Workbench bench) {
        this.bench = bench;
    }

    @Override
    public int[] input() {
        return CourseNets.FASHION.clone();
    }

    @Override
    public int classes() {
        return CourseNets.CLASSES;
    }

    @Override
    public void prepare(Consumer<Loader> then) {
        bench.withData(d -> then.accept(work -> new Loaded(
                Samples.of(d.train()),
                Samples.of(d.test()),
                IntStream.range(0, CourseNets.CLASSES).mapToObj(String::valueOf).toList(),
                null)));
    }

    @Override
    public String className(I18n i18n, Loaded data, int c) {
        return i18n.tr("data.class." + c);
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("lab.preset.demo", CourseNets.cnn(DEMO_FILTERS, 2, 0, CourseNets.DropoutAt.HIDDEN)),
                new Preset("lab.preset.cnn", CourseNets.cnn()),
                new Preset("lab.preset.mlp", CourseNets.mlp(0)),
                new Preset("lab.preset.norm", normNet()));
    }

    /** A stride-2 5×5 convolution, BatchNorm and average pooling: a net the course's editor could not make. */
    public static Net normNet() {
        return Net.fromJson("{\"input\": [1, 28, 28], \"layers\": ["
                + "{\"type\": \"Conv2d\", \"out_channels\": 16, \"kernel_size\": 5, \"stride\": 2, \"padding\": 2}, "
                + "{\"type\": \"BatchNorm2d\"}, {\"type\": \"ReLU\"}, {\"type\": \"AvgPool2d\", \"kernel_size\": 2}, "
                + "{\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 10}]}");
    }
}
