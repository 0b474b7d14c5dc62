package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.model.ModelFile;

/**
 * Every class of bad input found by a sweep of the command line: it must answer with one line on stderr and exit 2,
 * never a stack trace, never exit 1, never an error after JSON went to stdout, and never a wrong number.
 */
class CliBadInputTest {
    static final String SOBEL_IN = "[[1,2,3],[4,5,6],[7,8,9]]", SOBEL = "[[-1,0,1],[-2,0,2],[-1,0,1]]";

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    static void refused(CliTest.Run r, String expected) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("", r.out(), "nothing on stdout when the input is refused");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    /** Sizes that wrapped around in 32 bits and gave wrong grids. */
    static Stream<Arguments> wrappedSizes() {
        return Stream.of(
                Arguments.of(
                        new String[] {"conv", "--input", SOBEL_IN, "--kernel", SOBEL, "--dilation", "2147483647"},
                        "from 1 to 1,000,000"),
                Arguments.of(
                        new String[] {
                            "conv",
                            "--input",
                            SOBEL_IN,
                            "--kernel",
                            "[[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1]]",
                            "--dilation",
                            "1000000"
                        },
                        "spans 4,000,001 cells"),
                Arguments.of(
                        new String[] {"shape", "--input", "1,1,3,3", "--layer", "conv:out=1,k=1,p=2147483647"},
                        "limit of 1,000,000"),
                Arguments.of(
                        new String[] {"shape", "--input", "1,1,3,3", "--layer", "conv:out=1,k=1073741824,d=1073741824"},
                        "limit of 1,000,000"),
                Arguments.of(
                        new String[] {"shape", "--input", "1,1,3,3", "--layer", "maxpool:k=2,s=2147483647"},
                        "limit of 1,000,000"));
    }

    /** Work and memory checked before allocating. */
    static Stream<Arguments> hugeWork() {
        return Stream.of(
                Arguments.of(
                        new String[] {"conv", "--input", "[[1,2],[3,4]]", "--kernel", "[[1]]", "--padding", "8000"},
                        "padded input would hold"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1,2],[3,4]]", "--kernel", "[[1]]", "--padding", "100000"},
                        "padded input would hold"),
                Arguments.of(
                        new String[] {
                            "pool",
                            "--input",
                            "[[1,2],[3,4]]",
                            "--mode",
                            "max",
                            "--size",
                            "1000000",
                            "--padding",
                            "500000"
                        },
                        "padded input"),
                Arguments.of(
                        new String[] {
                            "pool", "--input", "[[1,2],[3,4]]", "--mode", "avg", "--size", "20000", "--padding", "10000"
                        },
                        "padded input"),
                Arguments.of(
                        new String[] {"shape", "--input", "1,65536,65536,1", "--layer", "flatten"},
                        "4,294,967,296 features"));
    }

    /** Lenient input, now refused. */
    static Stream<Arguments> lenientInput() {
        return Stream.of(
                Arguments.of(new String[] {"conv", "--input", "[[1,2]] junk", "--kernel", "[[1]]"}, "not valid JSON"),
                Arguments.of(new String[] {"conv", "--input", "[[1,2]] [[3]]", "--kernel", "[[1]]"}, "not valid JSON"),
                Arguments.of(new String[] {"conv", "--input", "[[1e400]]", "--kernel", "[[1]]"}, "too large"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1]]", "--kernel", "[[1]]", "--bias", "0x1p3"},
                        "must be a number"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1]]", "--kernel", "[[1]]", "--bias", "NaN"},
                        "must be a number"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1]]", "--kernel", "[[1]]", "--bias", "Infinity"},
                        "must be a number"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1,2],[3,4]]", "--kernel", "[[1]]", "--padding", "1,"},
                        "--padding"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1,2],[3,4]]", "--kernel", "[[1]]", "--stride", "١"},
                        "whole number"),
                Arguments.of(new String[] {"shape", "--input", "1,1,8,8", "--layer", "dropout:p=abc"}, "dropout p=abc"),
                Arguments.of(new String[] {"shape", "--input", "1,1,8,8", "--layer", "dropout:p=1.5"}, "dropout p=1.5"),
                Arguments.of(
                        new String[] {"shape", "--input", "1,1,8,8", "--layer", "conv:out=1,k=3,k=5"}, "given twice"),
                Arguments.of(
                        new String[] {"shape", "--input", "1,1,8,8", "--layer", "conv:out=1,k=3x"},
                        "not a whole number"),
                Arguments.of(new String[] {"shape", "--input", "1,1,8,", "--layer", "relu"}, "sizes joined by commas"),
                Arguments.of(
                        new String[] {"conv", "--input", "[[1e300,1e300]]", "--kernel", "[[1e300,1e300]]"}, "overflow"),
                Arguments.of(
                        new String[] {"pool", "--input", "[[1,2],[3,4]]", "--mode", "max", "--size", "2", "--ceil=yes"},
                        "takes no value"),
                Arguments.of(
                        new String[] {"pool", "--input", "@/no/such/file.json", "--mode", "max", "--size", "2"},
                        "cannot read /no/such/file.json"));
    }

    /** Train: every check before the first JSON line. */
    static Stream<Arguments> trainChecks() {
        return Stream.of(
                Arguments.of(train("cnn", "1", "1e-3", "adam", "--dropout", "NaN"), "--dropout"),
                Arguments.of(train("cnn", "1", "1e-3", "adam", "--threads", "-1"), "--threads"),
                Arguments.of(train("mlp", "1", "1e-3", "sgd", "--save", "/"), "is a folder"),
                Arguments.of(train("mlp", "1", "1e-3", "sgd", "--save", ""), "no file name"),
                Arguments.of(train("mlp", "1", "1e-3", "sgd", "--save", "/no/such/dir/m.model"), "does not exist"),
                Arguments.of(train("mlp", "1", "1e-3", "sgd", "--save", "/proc/m.model"), "cannot save"),
                Arguments.of(train("mlp", "0", "1e-3", "sgd"), "--epochs"),
                Arguments.of(train("mlp", "1", "0", "sgd"), "learning rate"));
    }

    /** A net that fits any input: Flatten and Linear. */
    static String anyInput(String input) {
        return "{\"input\":" + input + ",\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out_features\":4}]}";
    }

    /** Nets given in their JSON form: every check before the data is read. */
    static Stream<Arguments> netChecks() {
        String grids = "takes [1, G, G, G] with G from 8 to 64";
        Stream<Arguments> notGrids = Stream.of(
                        "[1,28,28]", "[2,8,8,8]", "[1,8,9,8]", "[1,8,8,9]", "[1,7,7,7]", "[1,65,65,65]")
                .map(in -> Arguments.of(train3d("--net", anyInput(in)), grids));
        return Stream.concat(
                notGrids,
                Stream.of(
                        Arguments.of(
                                train3d("--net", anyInput("[1,8,8,8]"), "--grid", "9"),
                                "takes samples of [1, 8, 8, 8] but the data's are [1, 9, 9, 9]"),
                        Arguments.of(
                                train3d("--net", anyInput("[1,64,64,64]"), "--grid", "63"),
                                "takes samples of [1, 64, 64, 64]"),
                        Arguments.of(
                                train3d("--net", anyInput("[1,8,8,8]"), "--dropout", "0.2"),
                                "option --dropout describes the course's net"),
                        Arguments.of(
                                train("mlp", "1", "1e-3", "sgd", "--net", anyInput("[1,28,28]")),
                                "option --model describes the course's net"),
                        Arguments.of(
                                TrainCliTest.train2d("--net", anyInput("[1,28,28]"), "--filters", "16"),
                                "option --filters describes the course's net"),
                        Arguments.of(
                                train("mlp", "1", "1e-3", "sgd", "--dropout", "0.2", "--dropout-at", "conv"),
                                "the MLP has none"),
                        Arguments.of(
                                new String[] {"shape", "--net", anyInput("[1,28,28]"), "--layer", "relu"},
                                "either --model or --layer"),
                        Arguments.of(
                                new String[] {"shape", "--net", "/no/such/net.json"}, "cannot read /no/such/net.json"),
                        Arguments.of(new String[] {"conv", "--input", "[]", "--kernel", SOBEL}, "--input is ragged"),
                        Arguments.of(
                                new String[] {"conv", "--input", "[[1,2],[3", "--kernel", SOBEL},
                                "--input is not valid JSON: column")));
    }

    /** A train3d command line of one epoch, then {@code more}. */
    static String[] train3d(String... more) {
        List<String> args = new ArrayList<>(List.of("train3d", "--epochs", "1", "--batch", "8", "--lr", "0.001"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A train command line: the model, the epochs, a batch of 64, the learning rate and the optimizer, then {@code more}. */
    static String[] train(String model, String epochs, String lr, String optimizer, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "train", "--model", model, "--epochs", epochs, "--batch", "64", "--lr", lr, "--optimizer", optimizer));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource({"wrappedSizes", "hugeWork", "lenientInput", "trainChecks", "netChecks"})
    void refusedWithOneLine(String[] args, String expected) {
        refused(run(args), expected);
    }

    @Test
    void voxelizeAndGenerate3dFollowTheirContract(@TempDir Path dir) throws Exception {
        CliTest.Run g = run("generate3d", "--out", dir.toString(), "--per-class", "2", "--seed", "3");
        assertEquals(0, g.status(), g.err());
        assertEquals(30, new ObjectMapper().readTree(g.out()).get("files").asInt());
        Path square = Files.writeString(
                dir.resolve("square.off"), "OFF4 1 0\n0 0 0\n2 0 0\n2 1 0\n0 1 0\n4 0 1 2 3 200 10 10\n");
        CliTest.Run v = run("voxelize", "--mesh", square.toString(), "--grid", "8", "--points", "500", "--seed", "1");
        assertEquals(0, v.status(), v.err());
        var j = new ObjectMapper().readTree(v.out());
        assertEquals(4, j.get("vertices").asInt());
        assertEquals(1, j.get("faces").asInt());
        assertEquals(2, j.get("triangles").asInt());
        assertEquals(8, j.get("grid").asInt());
        assertEquals("[[0,0,0],[2,1,0]]", j.get("bounds").toString());
        assertTrue(
                j.get("occupied").asInt() > 40 && j.get("occupied").asInt() <= 64,
                "a flat square fills one layer: " + j);
        refused(run("voxelize", "--mesh", dir.resolve("none.off").toString()), "no such file");
        refused(run("voxelize", "--mesh", square.toString(), "--grid", "65"), "from 8 to 64");
        refused(
                run(
                        "voxelize",
                        "--mesh",
                        Files.writeString(dir.resolve("bad.off"), "OFF\n3 1 0\n0 0 0\n")
                                .toString()),
                "bad.off, line 4");
    }

    @Test
    void train3dPrintsEpochsThenTheConfusionMatrix(@TempDir Path dir) throws Exception {
        ModelNetLikeFolder.write(dir, 3);
        Path saved = dir.resolve("net.model3d");
        CliTest.Run r = run(
                "train3d",
                "--data",
                dir.toString(),
                "--classes",
                "2",
                "--grid",
                "24",
                "--points",
                "512",
                "--epochs",
                "2",
                "--batch",
                "4",
                "--lr",
                "0.002",
                "--threads",
                "1",
                "--save",
                saved.toString());
        assertEquals(2, ModelFile.load(saved).classes(), "--save wrote the trained net");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        var epoch = new ObjectMapper().readTree(lines[1]);
        for (String k : new String[] {"epoch", "samples_per_second", "test_accuracy", "test_loss"})
            assertTrue(epoch.has(k), k);
        var end = new ObjectMapper().readTree(lines[2]);
        assertEquals("[\"bathtub\",\"bed\"]", end.get("classes").toString());
        assertEquals(2, end.get("confusion").size());
        assertTrue(end.has("peak_rss_mb") && end.get("final").asBoolean());
        refused(run("train3d", "--epochs", "1", "--batch", "4", "--lr", "0.001", "--net", "resnet"), "unknown net");
        refused(
                run("train3d", "--epochs", "1", "--batch", "4", "--lr", "0.001", "--save", dir.toString()),
                "is a folder");
        refused(
                run(
                        "train3d",
                        "--epochs",
                        "1",
                        "--batch",
                        "4",
                        "--lr",
                        "0.001",
                        "--data",
                        dir.resolve("none").toString()),
                "no such folder");
    }

    /** A small ModelNet-style folder of the built-in objects. */
    static final class ModelNetLikeFolder {
        static void write(Path dir, int perClass) throws Exception {
            ModelNetLike.write(dir, perClass, 2);
        }
    }

    @Test
    void helpAndVersionPrintWithoutOpeningAWindow() {
        for (String h : List.of("help", "--help", "-h")) {
            CliTest.Run r = run(h);
            assertEquals(0, r.status());
            for (String command : List.of("conv", "pool", "shape", "train", "voxelize", "generate3d", "train3d")) {
                assertTrue(r.out().contains("\n  " + command + " "), command + " in\n" + r.out());
            }
            assertFalse(r.out().contains("bench"), "the benchmarks are not the product's commands");
            assertTrue(Cli.isCommand(h), "the launcher hands " + h + " to the command line");
        }
        CliTest.Run v = run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().matches("kernellab \\d+\\.\\d+\\.\\d+.*"), v.out());
        assertFalse(Cli.isCommand("--lessons"), "--lessons DIR still opens the app");
    }

    @Test
    void largeMatricesComeFromAFileOrStandardInput(@TempDir Path dir) throws Exception {
        int n = 600; // 360,000 values: far past the command line's argument limit as inline text
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < n; r++) {
            b.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < n; c++) b.append(c == 0 ? "" : ",").append((r + c) % 7);
            b.append(']');
        }
        Path file = Files.writeString(dir.resolve("big.json"), b.append(']'));
        CliTest.Run r = run("conv", "--input", "@" + file, "--kernel", "[[1,1],[1,1]]", "--stride", "2");
        assertEquals(0, r.status(), r.err());
        var out = new ObjectMapper().readTree(r.out());
        assertEquals("[300,300]", out.get("shape").toString());
        assertEquals(0 + 1 + 1 + 2, out.get("output").get(0).get(0).asInt());

        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("[[1,2],[3,4]]".getBytes(StandardCharsets.UTF_8)));
            int status = Cli.run(
                    new String[] {"pool", "--input", "-", "--mode", "avg", "--size", "2"},
                    new PrintStream(o, true, StandardCharsets.UTF_8),
                    new PrintStream(e, true, StandardCharsets.UTF_8));
            assertEquals(0, status, e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(stdin);
        }
        assertEquals(
                "{\"shape\":[1,1],\"output\":[[2.5]]}",
                o.toString(StandardCharsets.UTF_8).trim());
    }

    /** Valid command lines, each mutated (a seeded sweep): whatever comes out is JSON with exit 0, or one line with exit 2. */
    @Test
    void mutatedCommandLinesNeverCrash() throws Exception {
        Random rnd = new Random(20261123);
        for (int n = 0; n < 1500; n++) mutatedCase(mutated(rnd));
    }

    static void mutatedCase(List<String> args) throws Exception {
        CliTest.Run r = run(args.toArray(String[]::new));
        if (r.status() == 0) {
            new ObjectMapper().readTree(r.out()); // complete, valid JSON
            assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
            assertEquals("", r.err());
        } else {
            assertEquals(2, r.status(), args + " → " + r.err());
            assertEquals(1, r.err().lines().count(), args + " → " + r.err());
            assertEquals("", r.out(), args + ": nothing on stdout");
        }
    }

    static final List<List<String>> VALID = List.of(
            List.of(
                    "conv",
                    "--input",
                    SOBEL_IN,
                    "--kernel",
                    SOBEL,
                    "--padding",
                    "1",
                    "--stride",
                    "2",
                    "--dilation",
                    "1",
                    "--bias",
                    "0.5"),
            List.of(
                    "conv",
                    "--input",
                    "[[[1,2],[3,4]],[[5,6],[7,8]]]",
                    "--kernel",
                    "[[[[1,0],[0,1]],[[1,1],[1,1]]]]",
                    "--bias",
                    "[1]"),
            List.of(
                    "pool",
                    "--input",
                    "[[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]]",
                    "--mode",
                    "max",
                    "--size",
                    "2",
                    "--stride",
                    "1",
                    "--padding",
                    "1"),
            List.of("pool", "--input", "[[1,2,3,4,5]]", "--mode", "avg", "--size", "1,2", "--ceil"),
            List.of(
                    "shape",
                    "--input",
                    "1,3,19,19",
                    "--layer",
                    "conv:out=7,k=5,s=1,p=0",
                    "--layer",
                    "maxpool:k=2,ceil",
                    "--layer",
                    "flatten",
                    "--layer",
                    "dropout:p=0.25",
                    "--layer",
                    "linear:out=10"),
            List.of("shape", "--model", "alexnet", "--input", "1,3,224,224"));
    static final List<String> ODD = List.of(
            "",
            "-1",
            "0",
            "2147483647",
            "2147483648",
            "99999999999",
            "1e400",
            "-1e400",
            "NaN",
            "1,",
            ",1",
            "1,2,3",
            "0x10",
            "[[1,2],[3]]",
            "[[]]",
            "[]",
            "[[1,2]] x",
            "{}",
            "null",
            "[[\"a\"]]",
            "[[[[[1]]]]]",
            "max",
            "avg",
            "3x",
            "k=3,k=3",
            "conv:out=0,k=1",
            "linear:out=2147483647",
            "dropout:p=-0.1",
            "maxpool:k=2,p=2",
            "vgg16",
            "adaptiveavgpool:out=0",
            "linear:in=3,out=2",
            "\u0000",
            "@",
            "@/dev/null",
            "--input",
            "--ceil",
            "٣");

    /** A valid command line with one or two of its words replaced, inserted or left out. */
    static List<String> mutated(Random rnd) {
        List<String> args = new ArrayList<>(VALID.get(rnd.nextInt(VALID.size())));
        for (int m = 1 + rnd.nextInt(2); m > 0 && args.size() > 1; m--) {
            int at = 1 + rnd.nextInt(args.size() - 1);
            String odd = ODD.get(rnd.nextInt(ODD.size()));
            switch (rnd.nextInt(3)) {
                case 0 -> args.set(at, odd);
                case 1 -> args.add(at, odd);
                default -> args.remove(at);
            }
        }
        return args;
    }
}
