package org.kernellab.ui.dataset;

import java.nio.file.Path;
import org.kernellab.data.FashionMnist;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.core.Workbench;

/**
 * Which Fashion-MNIST the app's views use, as scene fields of the views that offer the choice: {@code fullSet} (the
 * full set rather than the built-in subset, where there is one) and {@code dataFile} (a folder of Fashion-MNIST's
 * files the student picked). The workbench's, so that they hold in every view; applied once the data in use is there.
 */
public final class FashionFields {
    private FashionFields() {}

    public static SceneFields declare(SceneFields scene, Workbench bench) {
        return scene.custom("fullSet", () -> bench.fullSetProperty().get(), v -> {
                    boolean full = SceneFields.truth("fullSet", v);
                    if (full == Boolean.TRUE.equals(bench.fullSetProperty().get())) return;
                    if (full && !bench.fullSetAvailable())
                        throw new IllegalArgumentException("there is no full Fashion-MNIST set on this computer");
                    bench.withData(d -> bench.fullSetProperty().set(full));
                })
                .custom("dataFile", () -> folder(bench.dataProperty().get()), v -> {
                    String folder = String.valueOf(v);
                    bench.withData(d -> {
                        if (!folder.equals(folder(d))) bench.useFolder(Path.of(folder));
                    });
                });
    }

    private static String folder(FashionMnist.Loaded d) {
        return d == null || d.source() != FashionMnist.Source.FOLDER ? null : d.location();
    }
}
