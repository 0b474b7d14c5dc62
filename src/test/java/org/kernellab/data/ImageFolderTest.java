package org.kernellab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader of a folder of one's own pictures against hand-made folders, with values worked out by hand. */
class ImageFolderTest {
    @TempDir
    Path root;

    private static final ImageFolder.Settings GREY = new ImageFolder.Settings(8, false, 0.25, 1);

    private static BufferedImage picture(int w, int h, int type, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        return img;
    }

    private void write(String file, BufferedImage img, String format) throws Exception {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        assertTrue(ImageIO.write(img, format, p.toFile()), format);
    }

    @Test
    void classesInNameOrderEverySizeAndKindAndABrokenFileListed() throws Exception {
        int k = 0;
        for (String c : List.of("dog", "cat", "bird")) {
            for (int i = 0; i < 4; i++, k++) {
                write(c + "/" + i + ".png", picture(40 + i, 30, BufferedImage.TYPE_INT_RGB, k), "png");
            }
            write(c + "/grey.png", picture(12, 50, BufferedImage.TYPE_BYTE_GRAY, k), "png");
            write(c + "/deeper/photo.jpg", picture(64, 64, BufferedImage.TYPE_INT_RGB, k), "jpg");
        }
        Files.write(root.resolve("cat/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(root.resolve("cat/notes.txt"), "not a picture");
        Files.writeString(root.resolve("dog/.DS_Store"), "hidden");
        int[] told = {0};
        Pictures.Split s = ImageFolder.load(root, GREY, (done, total) -> told[0] = total, () -> false);
        assertEquals(List.of("bird", "cat", "dog"), s.classes(), "torchvision numbers the classes in name order");
        assertEquals(1, s.skipped().size());
        assertEquals(
                "cat/broken.png: not a PNG or JPEG picture that can be read",
                s.skipped().get(0).english());
        assertEquals(19, told[0], "six pictures a class and the broken one were tried");
        assertEquals(18, s.train().count() + s.test().count());
        assertEquals(
                6,
                s.test().count(),
                "a quarter of each class's files, rounded: 2 of 6, 2 of cat's 7 (the broken one drawn for training)");
        assertEquals(8, s.train().height());
        assertEquals(1, s.train().channels());
        int[] perClass = new int[3];
        for (byte l : s.test().labels()) perClass[l]++;
        assertArrayEquals(new int[] {2, 2, 2}, perClass, "every class is tested");

        Pictures.Split again = ImageFolder.load(root, GREY, (d, t) -> {}, () -> false);
        assertArrayEquals(s.test().pixels(), again.test().pixels(), "the same seed, the same split");
        Pictures.Split colour =
                ImageFolder.load(root, new ImageFolder.Settings(16, true, 0.25, 1), (d, t) -> {}, () -> false);
        assertEquals(3 * 16 * 16, colour.train().size());
    }

    @Test
    void eachOutputPixelAveragesTheAreaItCoversAfterACentreCrop() {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int[] v = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};
        for (int i = 0; i < 16; i++) img.setRGB(i % 4, i / 4, v[i] << 16 | v[i] << 8 | v[i]);
        // 4×4 to 2×2: each output the mean of a 2×2 block, e.g. (0 + 10 + 40 + 50) / 4 = 25
        assertArrayEquals(new byte[] {25, 45, 105, (byte) 125}, ImageFolder.square(img, 2, false));

        BufferedImage wide = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) for (int y = 0; y < 2; y++) wide.setRGB(x, y, 0xFF0000 * (x == 1 ? 1 : 0) + x * 60);
        // the shorter side is already 2: no scaling, the middle two columns kept; red alone is grey 255 × 0.299
        byte[] grey = ImageFolder.square(wide, 2, false);
        assertEquals(Math.round(255 * 0.299 + 60 * 0.114), grey[0] & 0xFF);
        assertEquals(Math.round(120 * 0.114), grey[1] & 0xFF);
        byte[] rgb = ImageFolder.square(wide, 2, true);
        assertArrayEquals(
                new byte[] {(byte) 255, 0, (byte) 255, 0, 0, 0, 0, 0, 60, 120, 60, 120}, rgb, "channels first");
    }

    @Test
    void aFolderWithOneClassOrAnEmptyClassIsRefused() throws Exception {
        write("only/a.png", picture(10, 10, BufferedImage.TYPE_INT_RGB, 1), "png");
        DataException one =
                assertThrows(DataException.class, () -> ImageFolder.load(root, GREY, (d, t) -> {}, () -> false));
        assertEquals("data.folderClasses", one.problem().key());
        Files.createDirectories(root.resolve("empty"));
        DataException empty =
                assertThrows(DataException.class, () -> ImageFolder.load(root, GREY, (d, t) -> {}, () -> false));
        assertEquals("data.folderEmptyClass", empty.problem().key());
        for (int c = 0; c < 128; c++) Files.createDirectories(root.resolve("many/" + c));
        DataException many = assertThrows(
                DataException.class, () -> ImageFolder.load(root.resolve("many"), GREY, (d, t) -> {}, () -> false));
        assertEquals("data.folderClasses", many.problem().key(), "more classes than a label byte holds");
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }
}
