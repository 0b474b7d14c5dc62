package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's contract: option names, JSON output, exit status 2 and one line on bad input. */
class CliTest {
    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                status,
                out.toString(StandardCharsets.UTF_8).trim(),
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void convSobel() {
        Run r = run("conv", "--input", "[[1,2,3],[4,5,6],[7,8,9]]", "--kernel", "[[-1,0,1],[-2,0,2],[-1,0,1]]");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"shape\":[1,1],\"output\":[[8]]}", r.out());
    }

    @Test
    void convLaplacianPadding1() {
        Run r = run(
                "conv",
                "--input",
                "[[1,0,2],[3,0,4],[5,6,0]]",
                "--kernel",
                "[[0,1,0],[1,-4,1],[0,1,0]]",
                "--padding",
                "1");
        assertEquals("{\"shape\":[3,3],\"output\":[[-1,3,-4],[-6,13,-14],[-11,-19,10]]}", r.out());
    }

    @Test
    void convStride2AndEqualsForm() {
        Run r = run(
                "conv", "--input=[[1,1,2,4],[2,2,3,5],[3,3,1,0],[4,4,0,0]]", "--kernel=[[1,-1],[-1,1]]", "--stride=2");
        assertEquals("{\"shape\":[2,2],\"output\":[[0,0],[0,1]]}", r.out());
    }

    @Test
    void convMultiChannelWithBiasAndPerAxisSettings() throws Exception {
        // two channels of ones, one filter of ones 2x2 per channel: each window sums 8, plus bias 0.5
        Run r = run(
                "conv",
                "--input",
                "[[[1,1,1],[1,1,1]],[[1,1,1],[1,1,1]]]",
                "--kernel",
                "[[[[1,1],[1,1]],[[1,1],[1,1]]]]",
                "--bias",
                "0.5",
                "--stride",
                "1,2");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"shape\":[1,1,1],\"output\":[[[8.5]]]}", r.out());
        Run dil = run("conv", "--input", "[[1,2,3,4,5]]", "--kernel", "[[1,1]]", "--dilation", "1,3");
        assertEquals("{\"shape\":[1,2],\"output\":[[5,7]]}", dil.out());
    }

    @Test
    void poolMaxAndAvgCeil() {
        assertEquals(
                "{\"shape\":[2,2],\"output\":[[6,8],[14,16]]}",
                run(
                                "pool",
                                "--input",
                                "[[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]]",
                                "--mode",
                                "max",
                                "--size",
                                "2")
                        .out());
        assertEquals(
                "{\"shape\":[1,3],\"output\":[[1.5,3.5,5]]}",
                run("pool", "--input", "[[1,2,3,4,5]]", "--mode", "avg", "--size", "1,2", "--ceil")
                        .out());
    }

    @Test
    void shapeChainOfTheCourse() throws Exception {
        Run r = run("shape", "--input", "1,3,19,19", "--layer", "conv:out=7,k=5", "--layer", "conv:out=2,k=3");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals("[1,7,15,15]", j.get("layers").get(0).get("shape").toString());
        assertEquals("[7,3,5,5]", j.get("layers").get(0).get("weight_shape").toString());
        assertEquals(
                "nn.Conv2d(3, 7, kernel_size=5)",
                j.get("layers").get(0).get("pytorch").asText());
        assertEquals("[1,2,13,13]", j.get("output").toString());
        assertEquals(7 * 3 * 25 + 7 + 2 * 7 * 9 + 2, j.get("parameters").asLong());
        assertFalse(j.has("net"), "layers given one by one: no JSON form to hand back");
    }

    @Test
    void shapeOfANetInItsJsonFormFromAFile(@TempDir Path dir) throws Exception {
        String net = "{\"input\":[1,28,28],\"layers\":[{\"type\":\"Conv2d\",\"out_channels\":4,\"kernel_size\":3},"
                + "{\"type\":\"ReLU\"},{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out_features\":10}]}";
        Path file = Files.writeString(dir.resolve("net.json"), net);
        Run r = run("shape", "--net", file.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json(),
                conv = j.get("layers").get(0),
                relu = j.get("layers").get(1);
        assertEquals("[4,1,3,3]", conv.get("weight_shape").toString());
        assertEquals(2, conv.get("formula").size(), "a formula per axis");
        assertEquals("[3,3]", conv.get("receptive_field").toString(), "a 3×3 window of the picture");
        assertFalse(relu.has("weight_shape") || relu.has("formula"), relu.toString());
        assertEquals("[3,3]", relu.get("receptive_field").toString(), "a ReLU sees what its input saw");
        assertFalse(j.get("layers").get(2).has("receptive_field"), "a Flatten has no field of its own");
        assertEquals("all", j.get("layers").get(3).get("receptive_field").asText());
        long activations = 0;
        for (JsonNode l : j.get("layers"))
            activations += l.get("activation_bytes").asLong();
        assertEquals(4 * 26 * 26 * 4 * 2 + 2704 * 4 + 40, activations, "conv and ReLU outputs, flattened, logits");
        assertEquals(
                Math.round(activations / 1e6 * 100) / 100.0,
                j.get("totals").get("activations_mb").asDouble());
        assertEquals("Conv2d", j.get("net").get("layers").get(0).get("type").asText(), "the JSON form handed back");
        assertEquals(4 * 9 + 4 + 2704 * 10 + 10, j.get("parameters").asLong());
    }

    @Test
    void alexNetHas61MillionParameters() throws Exception {
        Run r = run(
                "shape",
                "--input",
                "1,3,224,224",
                "--layer",
                "conv:out=64,k=11,s=4,p=2",
                "--layer",
                "relu",
                "--layer",
                "maxpool:k=3,s=2",
                "--layer",
                "conv:out=192,k=5,p=2",
                "--layer",
                "relu",
                "--layer",
                "maxpool:k=3,s=2",
                "--layer",
                "conv:out=384,k=3,p=1",
                "--layer",
                "relu",
                "--layer",
                "conv:out=256,k=3,p=1",
                "--layer",
                "relu",
                "--layer",
                "conv:out=256,k=3,p=1",
                "--layer",
                "relu",
                "--layer",
                "maxpool:k=3,s=2",
                "--layer",
                "flatten",
                "--layer",
                "dropout",
                "--layer",
                "linear:out=4096",
                "--layer",
                "relu",
                "--layer",
                "dropout",
                "--layer",
                "linear:out=4096",
                "--layer",
                "relu",
                "--layer",
                "linear:out=1000");
        JsonNode j = r.json();
        assertEquals("[1,64,55,55]", j.get("layers").get(0).get("shape").toString());
        assertEquals(23296, j.get("layers").get(0).get("parameters").asLong());
        assertEquals("[1,256,6,6]", j.get("layers").get(12).get("shape").toString());
        assertEquals(61.1, Math.round(j.get("parameters").asLong() / 1e5) / 10.0);
    }

    @Test
    void trainPrintsOneJsonObjectPerEpochAndAFinalLine() throws Exception {
        Run r = run(
                "train",
                "--model",
                "mlp",
                "--epochs",
                "2",
                "--batch",
                "128",
                "--lr",
                "0.1",
                "--optimizer",
                "sgd",
                "--limit-train",
                "1024",
                "--data",
                "assets/fashion-mnist",
                "--seed",
                "3");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        for (int i = 0; i < 2; i++) {
            JsonNode e = new ObjectMapper().readTree(lines[i]);
            assertEquals(i + 1, e.get("epoch").asInt());
            for (String k : new String[] {"train_seconds", "images_per_second", "test_accuracy", "test_loss"})
                assertTrue(e.has(k), k);
        }
        JsonNode last = new ObjectMapper().readTree(lines[2]);
        assertTrue(last.get("final").asBoolean());
        assertTrue(last.get("test_accuracy").asDouble() > 0.3, "better than chance: " + last);
        assertTrue(last.has("train_seconds") && last.has("peak_rss_mb"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "conv --input [[1,2],[3,4] --kernel [[1]]                 | not valid JSON",
                "conv --input [[1,2],[3]] --kernel [[1]]                  | ragged",
                "conv --input [[1,2],[3,4]] --kernel [[1,2,3]]            | kernel 3 spans 3 cells but the padded input has 2",
                "conv --input [[1,2],[3,4]] --kernel [[1]] --stride 0     | option --stride must be from 1 to 1,000,000",
                "conv --input [[1,2],[3,4]] --kernel [[1]] --colour red   | unknown option",
                "conv --input [[1,2],[3,4]]                               | needs the option --kernel",
                "conv --input [[1,\"a\"]] --kernel [[1]]                  | not a number",
                "conv --input [[1,2],[3,4]] --kernel [[1]] --padding      | needs a value",
                "conv --input [[1,2],[3,4]] --kernel [[1]] --padding x    | must be a whole number",
                "pool --input [[1,2],[3,4]] --mode median --size 2        | unknown pooling mode",
                "pool --input [[1,2],[3,4]] --mode max --size 2 --padding 2 | more than half",
                "shape --input 1,3,19,19 --layer conv:out=7,k=25          | layer 1",
                "shape --input 1,3,x --layer relu                         | sizes joined by commas",
                "shape --input 1,3,19,19 --layer warp:out=7               | unknown layer",
                "frobnicate                                               | unknown command",
                "train --model rnn --epochs 1 --batch 8 --lr 0.1 --optimizer sgd | unknown model",
                "train --model cnn --epochs 1 --batch 8 --lr 0.1 --optimizer sgd --blocks 5 | option --blocks must be from 1 to 3",
                "train --model mlp --epochs 1 --batch 8 --lr 0.1 --optimizer sgd --data /no/such | no such folder",
                "train --model mlp --batch 8 --lr 0.1 --optimizer sgd     | train needs the option --epochs",
            })
    void badInputGivesOneLineAndStatus2(String command, String expected) {
        Run r = run(command.trim().split("\\s+"));
        assertEquals(2, r.status(), r.out());
        assertEquals("", r.out());
        assertFalse(r.err().contains("\n"), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void shapeOfAFamousNetworkWithTotals() throws Exception {
        Run r = run("shape", "--model", "alexnet");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals("AlexNet", j.get("model").asText());
        assertEquals("[1,3,224,224]", j.get("input").toString());
        assertEquals(61_100_840, j.get("parameters").asLong());
        assertEquals(61_100_840, j.get("totals").get("parameters").asLong());
        assertEquals(714_188_480L, j.get("totals").get("macs").asLong());
        assertEquals(244.4, j.get("totals").get("weights_mb").asDouble(), 1e-9);
        JsonNode first = j.get("layers").get(0);
        assertEquals(
                "nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)",
                first.get("pytorch").asText());
        assertEquals(70_276_800L, first.get("macs").asLong());
        assertEquals(64 * 55 * 55 * 4, first.get("activation_bytes").asLong());
        assertEquals(
                "nn.AdaptiveAvgPool2d((6, 6))",
                j.get("layers").get(13).get("pytorch").asText());
        assertEquals(
                138_357_544,
                run("shape", "--model", "vgg16")
                        .json()
                        .get("totals")
                        .get("parameters")
                        .asLong());
        assertEquals(
                "[1,10]",
                run("shape", "--model", "course-cnn").json().get("output").toString());
        Run bad = run("shape", "--model", "course-cnn", "--layer", "relu");
        assertEquals(2, bad.status());
        assertEquals("error: shape takes either --model or --layer options, not both", bad.err());
    }
}
