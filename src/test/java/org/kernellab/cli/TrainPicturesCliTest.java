package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.Cifar10;

/**
 * {@code train --data} on colour pictures: CIFAR-10's binary batches and a folder of one's own pictures train the
 * course's nets with their input and classes fitted, parameters counted here by hand from the layer sizes.
 */
class TrainPicturesCliTest {
    @TempDir
    Path dir;

    private static final String[] RUN = {
        "train", "--epochs", "1", "--batch", "16", "--lr", "0.002", "--optimizer", "adam", "--threads", "1"
    };

    @Test
    void cifarsBatchesTrainTheThreeChannelCnn() throws Exception {
        Random r = new Random(4);
        for (String name : Cifar10.TRAIN) Files.write(dir.resolve(name), batch(20, r));
        Files.write(dir.resolve(Cifar10.TEST.get(0)), batch(10, r));
        JsonNode end =
                TrainCliTest.last(CliTest.run(TrainCliTest.with(RUN, "--model", "cnn", "--data", dir.toString())));
        assertEquals("cifar10", end.path("data").asText());
        assertEquals(100, end.path("train_images").asInt());
        // Conv2d(3, 32, 3): 3·9·32 + 32 = 896; Conv2d(32, 32, 3): 9,248; 32→30→15→13→6, so Linear(32·6·6 = 1,152, 128):
        // 147,584; Linear(128, 10): 1,290
        assertEquals(896 + 9_248 + 147_584 + 1_290, end.path("parameters").asInt());
        assertEquals("truck", end.path("classes").get(9).asText());

        CliTest.Run fashionNet = CliTest.run(TrainCliTest.with(
                RUN,
                "--net",
                "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"Flatten\"}, "
                        + "{\"type\": \"Linear\", \"out_features\": 10}]}",
                "--data",
                dir.toString()));
        assertEquals(2, fashionNet.status());
        assertTrue(fashionNet.err().contains("[3, 32, 32]"), fashionNet.err());
    }

    @Test
    void aFashionMnistFolderWithASubFolderIsStillFashionMnist() throws Exception {
        for (String f : List.of(
                "train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz")) Files.copy(Path.of("assets/fashion-mnist", f), dir.resolve(f));
        Files.createDirectories(dir.resolve("notes"));
        JsonNode end = TrainCliTest.last(CliTest.run(
                TrainCliTest.with(RUN, "--model", "mlp", "--data", dir.toString(), "--limit-train", "200")));
        assertEquals("folder", end.path("data").asText());
    }

    private static byte[] batch(int n, Random r) {
        byte[] b = new byte[n * Cifar10.RECORD];
        r.nextBytes(b);
        for (int k = 0; k < n; k++) b[k * Cifar10.RECORD] = (byte) r.nextInt(10);
        return b;
    }

    @Test
    void aFolderOfOnesOwnPicturesTrainsWithItsClassesAndListsWhatItSkipped() throws Exception {
        Random r = new Random(5);
        for (String c : List.of("apple", "banana", "cherry")) {
            Files.createDirectories(dir.resolve(c));
            for (int i = 0; i < 10; i++) {
                BufferedImage img = new BufferedImage(20 + i, 30, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 30; y++) for (int x = 0; x < 20 + i; x++) img.setRGB(x, y, r.nextInt(0x1000000));
                ImageIO.write(img, "png", dir.resolve(c).resolve(i + ".png").toFile());
            }
        }
        Files.write(dir.resolve("banana/torn.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0});
        JsonNode end = TrainCliTest.last(CliTest.run(
                TrainCliTest.with(RUN, "--model", "mlp", "--data", dir.toString(), "--image-size", "16", "--colour")));
        assertEquals("image-folder", end.path("data").asText());
        assertEquals("[\"apple\",\"banana\",\"cherry\"]", end.path("classes").toString());
        assertEquals(1, end.path("skipped").size());
        assertTrue(end.path("skipped").get(0).asText().contains("torn.jpg"));
        // Linear(3·16·16 = 768, 64): 49,216; Linear(64, 128): 8,320; Linear(128, 3 classes): 387
        assertEquals(49_216 + 8_320 + 387, end.path("parameters").asInt());
        assertEquals(24, end.path("train_images").asInt(), "8 of each class's 10 (or 11) files train, 2 test");
    }
}
