package org.kernellab.ui.lab;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.kernellab.model.Net;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.task.WorkContext;

/**
 * What a lab trains on: the two labs share their code and differ by this. Fashion-MNIST's pictures for the training
 * lab, voxel grids of ModelNet-like objects for the 3D lab.
 */
public interface LabData {
    /** The shape of one sample, channels first: what the lab's nets take. */
    int[] input();

    /** How many classes the data have: what the lab's nets score. */
    int classes();

    /** On the FX thread: hands {@code then} the work that gives a run its samples, to run off the FX thread. */
    void prepare(Consumer<Loader> then);

    /** Loads (or hands over, when already loaded) the samples of a run. */
    @FunctionalInterface
    interface Loader {
        Loaded load(WorkContext work) throws Exception;
    }

    /**
     * The samples a run trains and is tested on, the folder (or key) name of each class, and for a test sample the
     * parameters of the voxel viewer that shows it (null for pictures, which are drawn where they are listed).
     */
    record Loaded(Samples train, Samples test, List<String> classes, IntFunction<Map<String, Object>> viewer) {}

    /** A class's name in the student's language. */
    String className(I18n i18n, Loaded data, int c);

    /** The nets a student starts from, the first the lab's default: a message key and the net. */
    List<Preset> presets();

    /** A net of the course, made for other pictures, fitted to this data's shape and classes (as it is by default). */
    default Net fit(Net net) {
        return net;
    }

    /** A net to start from: its button's message key and its layers. */
    record Preset(String key, Net net) {}
}
