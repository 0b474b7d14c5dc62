package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.model.Layer;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Network;

/**
 * The training commands' options a teacher's script uses, each run for real on the embedded data: what the final line
 * reports is worked out here by hand (parameter counts from the layer sizes) or compared between two runs that differ
 * only in the option, so an option that is parsed but ignored fails.
 */
class TrainCliTest {
    static JsonNode last(CliTest.Run r) throws Exception {
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        JsonNode end = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertTrue(end.path("final").asBoolean(), r.out());
        return end;
    }

    static JsonNode first(CliTest.Run r) throws Exception {
        return new ObjectMapper().readTree(r.out().split("\n")[0]);
    }

    /** {@code base} then {@code extra}: one run's command line. */
    static String[] with(String[] base, String... extra) {
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    static String[] train2d(String... extra) {
        return train2d(2000, 5, extra);
    }

    /** A one-epoch run as the course's demo trains (batch 64, Adam 0.002) on the first {@code images} images. */
    static String[] train2d(int images, int seed, String... extra) {
        return with(
                new String[] {
                    "train",
                    "--epochs",
                    "1",
                    "--batch",
                    "64",
                    "--lr",
                    "0.002",
                    "--optimizer",
                    "adam",
                    "--limit-train",
                    String.valueOf(images),
                    "--seed",
                    String.valueOf(seed),
                    "--threads",
                    "1"
                },
                extra);
    }

    /** A one-block CNN of 8 filters with dropout after the conv block and augmentation, saved and opened again. */
    @Test
    void aShorthandCnnWithEveryOptionTrainsAndSaves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cnn.model");
        JsonNode end = last(CliTest.run(train2d(
                "--model",
                "cnn",
                "--filters",
                "8",
                "--blocks",
                "1",
                "--dropout",
                "0.3",
                "--dropout-at",
                "conv",
                "--augment",
                "--save",
                file.toString())));
        // Conv2d(1, 8, 3): 8·9 + 8; 26 → 13 after pooling: 8·13·13 features into 128 hidden units, then 10 classes
        long byHand = (8 * 9 + 8) + (8L * 13 * 13 * 128 + 128) + (128 * 10 + 10);
        assertEquals(byHand, end.get("parameters").asLong());
        assertEquals("conv", end.get("dropout_at").asText());
        assertTrue(end.get("augment").asBoolean());
        assertEquals(2000, end.get("train_images").asInt());
        assertTrue(end.get("test_accuracy").asDouble() > 0.5, "one epoch learns something: " + end);
        assertTrue(Files.size(file) > 4 * byHand, "the weights are in the file");
        try (Network opened = ModelFile.load(file)) {
            assertEquals(byHand, opened.parameters());
            long dropouts = opened.net().layers().stream()
                    .filter(l -> l instanceof Layer.Dropout d && d.p() == 0.3)
                    .count();
            assertEquals(1, dropouts, "dropout 0.3 after the conv block, none on the hidden layer");
        }
    }

    /** Augmentation changes what the net sees: the same seed without it gives another first epoch. */
    @Test
    void augmentAndDropoutChangeTheRun() throws Exception {
        JsonNode plain = first(CliTest.run(train2d("--model", "cnn", "--filters", "8", "--blocks", "1")));
        JsonNode augmented =
                first(CliTest.run(train2d("--model", "cnn", "--filters", "8", "--blocks", "1", "--augment")));
        JsonNode dropped = first(CliTest.run(train2d(
                "--model", "cnn", "--filters", "8", "--blocks", "1", "--dropout", "0.5", "--dropout-at", "both")));
        assertNotEquals(plain.get("train_accuracy"), augmented.get("train_accuracy"));
        assertNotEquals(plain.get("train_accuracy"), dropped.get("train_accuracy"));
    }

    /**
     * Any sequential net in PyTorch's words: a stride-2 5×5 convolution, BatchNorm and average pooling, one epoch on 6,000
     * images, to at least 60% test accuracy.
     */
    @Test
    void aJsonNetWithBatchNormAndAveragePoolingLearns() throws Exception {
        String net =
                "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"Conv2d\", \"out_channels\": 16, \"kernel_size\": 5,"
                        + " \"stride\": 2, \"padding\": 2}, {\"type\": \"BatchNorm2d\"}, {\"type\": \"ReLU\"},"
                        + " {\"type\": \"AvgPool2d\", \"kernel_size\": 2}, {\"type\": \"Flatten\"},"
                        + " {\"type\": \"Linear\", \"out_features\": 10}]}";
        JsonNode end = last(CliTest.run(train2d(6000, 1, "--net", net)));
        // 16·25 + 16 weights and biases, BatchNorm's 16 + 16; 28 → 14 → 7: 16·7·7 features into 10
        assertEquals(
                16 * 25 + 16 + 32 + (16 * 7 * 7 * 10 + 10),
                end.get("parameters").asLong());
        assertTrue(end.get("test_accuracy").asDouble() >= 0.60, "after one epoch: " + end);
        assertEquals("none", end.get("dropout_at").asText());
    }

    static String[] train3d(String... extra) {
        return with(new String[] {"train3d", "--batch", "32", "--lr", "0.001", "--seed", "3", "--threads", "1"}, extra);
    }

    /** The exercise's modified net on two classes, counted here layer by layer, with its dropout and voxelising options. */
    @Test
    void theModified3dNetWithItsOptions() throws Exception {
        CliTest.Run kept = CliTest.run(
                train3d("--epochs", "1", "--classes", "2", "--net", "modified", "--dropout", "0.3", "--keep-aspect"));
        JsonNode end = last(kept);
        long byHand = (32L * 125 + 32)
                + (64L * 32 * 27 + 64)
                + (128L * 64 * 27 + 128)
                + (128L * 64 * 512 + 512)
                + (512L * 2 + 2);
        assertEquals(byHand, end.get("parameters").asLong());
        assertTrue(end.get("keep_aspect").asBoolean());
        assertEquals(0.3, end.get("net").get("layers").findValue("p").asDouble());
        JsonNode squashed =
                first(CliTest.run(train3d("--epochs", "1", "--classes", "2", "--net", "modified", "--dropout", "0.3")));
        assertNotEquals(
                first(kept).get("train_accuracy"), squashed.get("train_accuracy"), "other voxels, another epoch");
    }

    /** A Conv3d + BatchNorm3d net in the JSON form through train3d, on the built-in objects. */
    @Test
    void aJson3dNetWithBatchNormLearns() throws Exception {
        String net =
                "{\"input\": [1, 16, 16, 16], \"layers\": [{\"type\": \"Conv3d\", \"out_channels\": 8, \"kernel_size\": 3},"
                        + " {\"type\": \"BatchNorm3d\"}, {\"type\": \"ReLU\"}, {\"type\": \"MaxPool3d\", \"kernel_size\": 2},"
                        + " {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 4}]}";
        JsonNode end = last(CliTest.run(train3d("--net", net, "--epochs", "3")));
        // 8·27 + 8, BatchNorm3d's 8 + 8; 16 → 14 → 7: 8·7³ features into 4 classes
        assertEquals(8 * 27 + 8 + 16 + (8 * 343 * 4 + 4), end.get("parameters").asLong());
        assertTrue(end.get("test_accuracy").asDouble() > 0.4, "better than a guess among 4: " + end);
    }
}
