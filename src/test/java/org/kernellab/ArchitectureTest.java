package org.kernellab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering the app relies on: the compute side never touches JavaFX, views never call ND4J. */
class ArchitectureTest {
    private static List<String> offenders(String packageDir, String forbidden) throws IOException {
        List<String> bad = new ArrayList<>();
        Path root = Path.of("src/main/java/org/kernellab", packageDir);
        if (!Files.exists(root)) return bad;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).contains("import " + forbidden)) bad.add(f.toString());
            }
        }
        return bad;
    }

    @Test void computeDataModelLessonCliAreFreeOfJavaFx() throws IOException {
        for (String pkg : List.of("compute", "data", "model", "lesson", "cli", "i18n")) {
            assertEquals(List.of(), offenders(pkg, "javafx."), pkg + " must not import JavaFX");
        }
    }

    @Test void lessonViewsDoNotCallNd4jDirectly() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/org/kernellab/ui"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (d.getFileName().toString().equals("task")) continue;
                assertEquals(List.of(), offenders("ui/" + d.getFileName(), "org.nd4j."), d + " must go through the compute layer");
            }
        }
    }
}
