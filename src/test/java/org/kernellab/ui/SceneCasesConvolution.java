package org.kernellab.ui;

import java.util.Map;

/** Scene cases for the convolution, data and from-scratch views: settings unlike the views' defaults. */
final class SceneCasesConvolution {
    private SceneCasesConvolution() {}

    static void add(Map<String, Map<String, Object>> cases) {}
}
