package org.kernellab.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.Cifar10;
import org.kernellab.data.FashionMnist;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.task.DirectTaskRunner;

/** The data browser's pictures without a window: CIFAR-10's batches, a folder of one's own, and Fashion-MNIST again. */
class DatasetViewModelTest {
    @TempDir
    Path dir;

    @Test
    void cifarAndAFolderArePagedAndCountedByClassAndFashionComesBack() throws Exception {
        DirectTaskRunner tasks = new DirectTaskRunner();
        Workbench bench = new Workbench(new I18n(), tasks);
        DatasetViewModel vm = new DatasetViewModel(bench, tasks, new I18n());
        bench.withData(d -> {});
        assertEquals(2_000, vm.shownProperty().get().matching(), "the built-in test images");

        Random r = new Random(2);
        byte[] test = new byte[70 * Cifar10.RECORD];
        r.nextBytes(test);
        int[] perClass = new int[10];
        for (int k = 0; k < 70; k++) perClass[test[k * Cifar10.RECORD] = (byte) (k % 7)]++;
        Files.write(dir.resolve(Cifar10.TEST.get(0)), test);
        for (String name : Cifar10.TRAIN) Files.write(dir.resolve(name), new byte[Cifar10.RECORD]);
        vm.use(PictureData.Source.CIFAR10, dir);
        assertEquals(PictureData.Source.CIFAR10, vm.sourceProperty().get());
        assertNull(vm.set(), "no Fashion-MNIST set while CIFAR-10 is shown");
        DatasetViewModel.Page p = vm.shownProperty().get();
        assertEquals(70, p.matching());
        assertArrayEquals(perClass, p.classCounts());
        assertEquals(Cifar10.CLASSES, vm.classes());
        vm.labelProperty().set(3);
        assertEquals(10, vm.shownProperty().get().matching(), "the 10 pictures labelled 3");

        Path mine = dir.resolve("mine");
        for (String c : List.of("a", "b")) {
            Files.createDirectories(mine.resolve(c));
            for (int i = 0; i < 5; i++)
                ImageIO.write(
                        new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB),
                        "png",
                        mine.resolve(c + "/" + i + ".png").toFile());
        }
        vm.use(PictureData.Source.FOLDER, mine);
        assertEquals(List.of("a", "b"), vm.classes());
        assertEquals(-1, vm.labelProperty().get(), "every class of the new pictures");
        assertEquals(2, vm.shownProperty().get().matching(), "one test picture of each class's five");
        assertEquals(3 * 32 * 32, vm.pictures().size());

        Files.write(mine.resolve("b/broken.png"), new byte[] {1, 2, 3});
        vm.use(PictureData.Source.FOLDER, mine);
        assertEquals(1, vm.skipped().size(), "the broken file is listed");
        assertEquals("b/broken.png", vm.skipped().get(0).args().get(0), "named under the folder");

        vm.use(PictureData.Source.FOLDER, dir.resolve("missing"));
        assertEquals("data.noFolder", vm.problemProperty().get().key());
        assertEquals(PictureData.Source.FOLDER, vm.sourceProperty().get(), "the pictures shown stay");

        vm.useFashion();
        assertEquals(FashionMnist.Source.EMBEDDED, bench.dataProperty().get().source());
        assertEquals(2_000, vm.shownProperty().get().matching());
        assertNull(vm.problemProperty().get());
    }
}
