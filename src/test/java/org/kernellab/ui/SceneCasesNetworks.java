package org.kernellab.ui;

import java.util.Map;

/** Scene cases for the views of trained networks, 3D and explanations: settings unlike the views' defaults. */
final class SceneCasesNetworks {
    private SceneCasesNetworks() {}

    static void add(Map<String, Map<String, Object>> cases) {}
}
