package org.kernellab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.Cifar10;
import org.kernellab.data.DataException;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Net;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.lab.RunPlan;
import org.kernellab.ui.task.DirectTaskRunner;

/**
 * The training lab on colour pictures, without a window: CIFAR-10's batches and a folder of the student's own pictures
 * reshape the edited net (parameters counted here by hand), train, and name their classes; Fashion-MNIST comes back.
 */
class ColourPicturesLabTest {
    @TempDir
    Path dir;

    I18n i18n = new I18n();
    Workbench bench;
    PictureData data;
    LabViewModel vm;
    TrainingLab lab;

    @BeforeEach
    void setUp() {
        DirectTaskRunner tasks = new DirectTaskRunner();
        bench = new Workbench(i18n, tasks);
        data = new PictureData(bench, dir.resolve("cifar10"));
        vm = new LabViewModel(data, tasks, Runnable::run, i18n, () -> 1);
        lab = new TrainingLab(vm, bench);
        vm.epochsProperty().set(1);
        vm.batchProperty().set(16);
    }

    @Test
    void cifarReshapesTheDemoNetTrainsAndNamesItsClassesInEitherLanguage() throws Exception {
        Path cifar = Files.createDirectories(dir.resolve("cifar10"));
        Random r = new Random(9);
        for (String name : Cifar10.TRAIN) Files.write(cifar.resolve(name), batch(12, r));
        Files.write(cifar.resolve(Cifar10.TEST.get(0)), batch(8, r));
        lab.use(PictureData.Source.CIFAR10);
        assertArrayEquals(new int[] {3, 32, 32}, vm.editor().input());
        // the demo CNN on colour: Conv2d(3, 16, 3) 448; Conv2d(16, 16, 3) 2,320; 32→30→15→13→6, Linear(576, 128)
        // 73,856; Linear(128, 10) 1,290
        assertEquals(448 + 2_320 + 73_856 + 1_290, vm.editor().table().parameters());
        Run run = trained();
        assertEquals(60, run.data().train().count());
        assertNull(bench.networkProperty().get(), "the other views read Fashion-MNIST: a colour net is not theirs");
        Workbench.OtherPictures other = bench.otherPicturesProperty().get();
        assertSame(run.network(), other.net(), "the feature maps get it, with its test pictures and class names");
        assertSame(run.data().test(), other.test());
        assertEquals(Cifar10.CLASSES, other.classes());
        assertEquals("truck", vm.className(run, 9));
        i18n.localeProperty().set(Locale.forLanguageTag("es"));
        assertEquals("camión", vm.className(run, 9));

        vm.enqueue(() -> List.of(new RunPlan(CourseNets.mlp(0), vm.training(), vm.feed())));
        Run stale = vm.runs().get(vm.runs().size() - 1);
        assertEquals(Run.Status.FAILED, stale.statusProperty().get(), "a net made for other pictures is not trained");
        assertEquals("cli.netInput", vm.noticeProperty().get().key());

        lab.use(PictureData.Source.FASHION);
        assertArrayEquals(new int[] {1, 28, 28}, vm.editor().input());
        assertEquals(55_098, vm.editor().table().parameters(), "the demo CNN again");
        assertEquals("camión", vm.className(run, 9), "the CIFAR run keeps its class names");
    }

    @Test
    void aFolderOfOwnPicturesGivesTheNetOneScorePerClass() throws Exception {
        Random r = new Random(3);
        for (String c : List.of("maple", "oak", "pine", "willow")) {
            Files.createDirectories(dir.resolve("leaves").resolve(c));
            for (int i = 0; i < 5; i++) {
                BufferedImage img = new BufferedImage(40, 36 + i, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < img.getHeight(); y++)
                    for (int x = 0; x < 40; x++) img.setRGB(x, y, r.nextInt(0x1000000));
                ImageIO.write(
                        img,
                        "png",
                        dir.resolve("leaves").resolve(c).resolve(i + ".png").toFile());
            }
        }
        vm.editor().set(data.fit(CourseNets.mlp(0)));
        lab.useFolder(dir.resolve("leaves"));
        // the MLP on 32×32 colour squares: Linear(3072, 64) 196,672; Linear(64, 128) 8,320; Linear(128, 4) 516
        assertEquals(196_672 + 8_320 + 516, vm.editor().table().parameters());
        Run run = trained();
        assertEquals(16, run.data().train().count(), "4 of each class's 5 train, 1 tests");
        assertEquals("willow", vm.className(run, 3));
        Net softmax = Net.fromJson("{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"Flatten\"}, "
                + "{\"type\": \"Linear\", \"out_features\": 10}, {\"type\": \"Softmax\"}]}");
        assertEquals(4, data.fit(softmax).classes(), "the last Linear gives the scores, a Softmax after it or not");

        Files.createDirectories(dir.resolve("one/only"));
        DataException e = assertThrows(DataException.class, () -> lab.useFolder(dir.resolve("one")));
        assertEquals("data.folderClasses", e.problem().key());
        assertEquals(PictureData.Source.FOLDER, data.sourceProperty().get(), "the folder in use stays");
    }

    /** The edited net trained on the lab's pictures, finished. */
    private Run trained() {
        vm.train();
        Run run = vm.runs().get(0);
        assertEquals(
                Run.Status.DONE,
                run.statusProperty().get(),
                String.valueOf(vm.noticeProperty().get()));
        return run;
    }

    private static byte[] batch(int n, Random r) {
        byte[] b = new byte[n * Cifar10.RECORD];
        r.nextBytes(b);
        for (int k = 0; k < n; k++) b[k * Cifar10.RECORD] = (byte) r.nextInt(10);
        return b;
    }
}
