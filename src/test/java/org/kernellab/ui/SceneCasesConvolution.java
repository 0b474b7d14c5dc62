package org.kernellab.ui;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scene cases for the convolution, data and from-scratch views: settings unlike the views' defaults. */
final class SceneCasesConvolution {
    private SceneCasesConvolution() {}

    private static final List<List<Integer>> COUNTING =
            List.of(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10, 11, 12), List.of(13, 14, 15, 16));
    private static final List<Object> QUESTIONS = List.of(Map.of(
            "text", Map.of("en", "Which?"),
            "options", List.of(Map.of("en", "this"), Map.of("en", "that")),
            "correct", 1,
            "why", Map.of("en", "because")));

    static void add(Map<String, Map<String, Object>> cases) {
        grids(cases);
        exercises(cases);
        looks(cases);
    }

    /** The data, a trained net's maps, 3D, famous nets and the loops. */
    private static void looks(Map<String, Map<String, Object>> cases) {
        cases.put("fashion-mnist", Map.of("pictures", "fashion", "set", "train", "class", 3, "page", 2));
        cases.put(
                "feature-maps",
                Map.of(
                        "net", "pretrained",
                        "image", 5,
                        "other", 7,
                        "compare", true,
                        "stage", "pool",
                        "block", 1,
                        "filter", 3));
        threeDAndNets(cases);
    }

    private static void threeDAndNets(Map<String, Map<String, Object>> cases) {
        cases.put(
                "conv3d",
                Map.of(
                        "input",
                        6,
                        "kernel",
                        2,
                        "stride",
                        2,
                        "padding",
                        1,
                        "step",
                        5,
                        "yaw",
                        40.0,
                        "pitch",
                        10.0,
                        "distance",
                        600.0));
        cases.put(
                "famous-nets",
                Map.of(
                        "net",
                        "vgg16",
                        "side",
                        128,
                        "tab",
                        "dense",
                        "image",
                        64,
                        "channels",
                        1,
                        "units",
                        100,
                        "filters",
                        32,
                        "kernel",
                        5));
        cases.put(
                "from-scratch",
                Map.ofEntries(
                        entry("op", "max"),
                        entry("m", 4),
                        entry("nCPrev", 2),
                        entry("nPrev", 6),
                        entry("nC", 5),
                        entry("f", 3),
                        entry("pad", 1),
                        entry("stride", 1),
                        entry("seed", 7),
                        entry("example", 2),
                        entry("channel", 1)));
    }

    /** The views of one convolution's grids. */
    private static void grids(Map<String, Map<String, Object>> cases) {
        cases.put(
                "conv-intro",
                Map.of(
                        "input", COUNTING,
                        "kernel", List.of(List.of(1, 0), List.of(0, -1)),
                        "padding", 2,
                        "stride", 2,
                        "step", 3));
        cases.put(
                "conv-animator",
                Map.ofEntries(
                        entry("mode", "transposed"),
                        entry("separate", true),
                        entry("fashionIndex", 5),
                        entry("source", "custom"),
                        entry("input", List.of(List.of(1, 2, 3, 4, 5), List.of(6, 7, 8, 9, 0), List.of(2, 4, 6, 8, 1))),
                        entry("preset", "custom"),
                        entry("kernel", List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6))),
                        entry("padding", 1),
                        entry("paddingW", 2),
                        entry("stride", 2),
                        entry("strideW", 1),
                        entry("dilation", 1),
                        entry("dilationW", 2),
                        entry("bias", 1.5),
                        entry("flip", true),
                        entry("step", 2)));
        cases.put(
                "channels",
                Map.ofEntries(
                        entry("channels", 2),
                        entry("filters", 3),
                        entry("size", 4),
                        entry("kernel", 2),
                        entry("padding", 1),
                        entry("stride", 2),
                        entry("input", numbers(1, 2, 4, 4)),
                        entry("weights", numbers(2, 3, 2, 2, 2)),
                        entry("bias", List.of(1, -1, 0.5)),
                        entry("filter", 2),
                        entry("channel", 1),
                        entry("step", 3)));
    }

    private static void exercises(Map<String, Map<String, Object>> cases) {
        cases.put(
                "exercise-conv",
                Map.ofEntries(
                        entry("seed", 7),
                        entry("questions", QUESTIONS),
                        entry("input", COUNTING),
                        entry("kernel", List.of(List.of(1, 0), List.of(0, 1))),
                        entry("padding", 1),
                        entry("stride", 2),
                        entry("answerRows", 3),
                        entry("answerCols", 3),
                        entry("answer", List.of(List.of("1", "", "3"), List.of("4", "5", "6"), List.of("7", "8", "x"))),
                        entry("choices", List.of(1))));
        cases.put(
                "exercise-chain",
                Map.ofEntries(
                        entry("questions", QUESTIONS),
                        entry("input", 10),
                        entry("target", 3),
                        entry("kernel1", 5),
                        entry("stride1", 2),
                        entry("padding1", 1),
                        entry("kernel2", 2),
                        entry("stride2", 1),
                        entry("padding2", 0),
                        entry("alternatives", true),
                        entry("choices", List.of(0))));
    }

    /** Nested lists of the given shape holding small whole numbers, different from {@code seed}'s. */
    private static Object numbers(int seed, int... shape) {
        int[] next = {seed};
        return nested(shape, 0, next);
    }

    private static Object nested(int[] shape, int axis, int[] next) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) {
                out.add(next[0] % 7 - 3);
                next[0] += 5;
            } else {
                out.add(nested(shape, axis + 1, next));
            }
        }
        return out;
    }
}
