package org.kernellab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.FashionMnist;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Network;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.task.DirectTaskRunner;

/** A folder without the data never leaves the lessons without data, and says what was wrong. */
class WorkbenchTest {
    @Test
    void aBadFolderFallsBackAndSaysWhy() {
        Workbench bench = new Workbench(new I18n(), new DirectTaskRunner());
        bench.useFolder(Path.of("no-such-folder"));
        assertEquals(
                FashionMnist.Source.EMBEDDED,
                bench.dataProperty().get().source(),
                "the built-in subset, as nothing was loaded before");
        assertTrue(
                bench.dataProblemProperty().get().english().contains("no-such-folder"),
                bench.dataProblemProperty().get().english());

        bench.useFolder(Path.of("assets/fashion-mnist"));
        assertEquals(FashionMnist.Source.FOLDER, bench.dataProperty().get().source());
        assertNull(bench.dataProblemProperty().get());

        bench.useFolder(Path.of("src"));
        assertEquals(FashionMnist.Source.FOLDER, bench.dataProperty().get().source(), "what was loaded before stays");
        assertTrue(
                bench.dataProblemProperty().get().english().contains("missing"),
                bench.dataProblemProperty().get().english());
        int[] calls = {0};
        bench.withData(d -> calls[0]++);
        assertEquals(1, calls[0]);
    }

    @Test
    void aSavedModelOpensForTheFeatureMapsAndADamagedOneIsNamed(@TempDir Path dir) throws Exception {
        Workbench bench = new Workbench(new I18n(), new DirectTaskRunner());
        bench.usePretrained(false);
        Network shipped = bench.networkProperty().get();
        Path file = dir.resolve("boots.model");
        ModelFile.save(shipped, file);
        Path damaged = dir.resolve("damaged.model");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(damaged, Arrays.copyOf(bytes, 100));

        bench.loadModel(damaged);
        assertSame(shipped, bench.networkProperty().get(), "the net on screen stays");
        assertTrue(
                bench.modelProblemProperty().get().english().contains("damaged.model"),
                bench.modelProblemProperty().get().english());
        bench.loadModel(file);
        assertEquals(
                new Workbench.Source("maps.sourceFile", "boots.model", file.toAbsolutePath()),
                bench.sourceProperty().get(),
                "the whole path kept, for every view's scene");
        assertEquals(113386, bench.networkProperty().get().parameters());
        assertNull(bench.modelProblemProperty().get());
    }
}
