package org.kernellab.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.cli.Cli;

/**
 * The app image jpackage made (target/installer/KernelLab, built before this runs, in the verify phase): its own
 * launcher runs the command line with the runtime and native libraries inside the image, as a teacher's script
 * would on a machine without a JDK, and the image holds only what the app uses.
 */
@Tag("installer")
class AppImageTest {
    private static final Path IMAGE = Path.of("target", "installer", "KernelLab");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {}

    @TempDir
    Path home;

    /** jpackage lays the image out per OS (KernelLab.app on macOS, KernelLab.exe on Windows); this checks Linux's. */
    /** JavaCPP's links point into the image: gone before JUnit cleans up, which warns of links leaving its folder. */
    @AfterEach
    void removeLinks() throws IOException {
        if (home == null) return;
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.filter(Files::isSymbolicLink).collect(Collectors.toList())) Files.delete(p);
        }
    }

    @BeforeAll
    static void linuxImage() {
        assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "the app image's layout is checked on Linux");
    }

    /** The image's launcher, its JVM pointed (through JAVA_TOOL_OPTIONS, as any Java launcher honours) at a fresh home. */
    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(IMAGE.resolve("bin/KernelLab").toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dkernellab.home=" + home);
        pb.environment().remove("JAVA_HOME");
        Path out = home.resolve("stdout.txt"), err = home.resolve("stderr.txt");
        Files.createDirectories(home);
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher returns");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLauncherRunsConvAndPrintsTheJarsJson() throws Exception {
        String[] args = {"conv", "--input", "[[1,2,3],[4,5,6],[7,8,9]]", "--kernel", "[[1,0],[0,1]]"};
        Run run = launch(args);
        assertEquals(0, run.exit(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals("[2,2]", json.get("shape").toString());
        assertEquals("[[6,8],[12,14]]", json.get("output").toString(), "1+5, 2+6, 4+8, 5+9");
        assertEquals(inProcess(args), run.out(), "the same JSON as the jar's command line");

        // a three-channel convolution: ND4J's native code runs from the image's own libraries
        String[] multi = {
            "conv", "--input", "[[[1,2],[3,4]],[[5,6],[7,8]],[[9,10],[11,12]]]", "--kernel", "[[[[1]],[[1]],[[1]]]]"
        };
        Run m = launch(multi);
        assertEquals(0, m.exit(), m.err());
        assertEquals("[[[15,18],[21,24]]]", JSON.readTree(m.out()).get("output").toString());
    }

    @Test
    void badInputIsOneLineNotAStackTrace() throws Exception {
        Run run = launch("conv", "--input", "[[1,2],[3]]", "--kernel", "[[1]]");
        assertEquals(2, run.exit());
        assertTrue(run.out().isEmpty());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    void theUsersFilesGoToTheUsersFoldersNotTheImage() throws Exception {
        List<String> before = listing(IMAGE);
        assertEquals(0, launch("conv", "--input", "[[1]]", "--kernel", "[[2]]").exit());
        assertEquals(before, listing(IMAGE), "nothing is written inside the install folder");
        assertTrue(Files.isDirectory(home.resolve("cache/javacpp")), "JavaCPP's links go to the user's cache");
    }

    @Test
    void theImageHoldsWhatTheAppUsesAndNothingElse() throws Exception {
        Path app = IMAGE.resolve("lib/app"), runtime = IMAGE.resolve("lib/runtime");
        String modules = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(l -> l.startsWith("MODULES="))
                .findFirst()
                .orElseThrow();
        assertTrue(
                modules.contains("jdk.localedata") && modules.contains("jdk.zipfs") && modules.contains("java.desktop"),
                modules);
        assertFalse(
                modules.contains("jdk.compiler") || modules.contains("jdk.jshell"), "no development tools: " + modules);
        assertFalse(
                Files.exists(runtime.resolve("include")) || Files.exists(runtime.resolve("jmods")),
                "no headers or jmods");

        try (Stream<Path> natives = Files.list(app.resolve("natives"))) {
            List<String> names = natives.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertTrue(
                    names.contains(System.mapLibraryName("nd4jcpu")) && names.contains(System.mapLibraryName("glass")),
                    names.toString());
        }
        try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
            for (Path jar : jars.collect(Collectors.toList())) {
                String name = jar.getFileName().toString();
                assertFalse(
                        name.matches("(nd4j-native|openblas|javacpp)-\\d.*-(linux|windows|macosx)-.*\\.jar"),
                        "unpacked, not shipped twice: " + name);
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    boolean fxNatives = name.startsWith("javafx-graphics")
                            && zip.stream().anyMatch(e -> e.getName().matches(".*\\.(so|dll|dylib)$"));
                    assertFalse(
                            fxNatives,
                            "JavaFX's libraries load from natives/, not unpacked into each user's home: " + name);
                }
            }
        }
        try (ZipFile jar = new ZipFile(app.resolve("kernellab.jar").toFile())) {
            assertTrue(jar.getEntry("lessons/01-what-is-a-convolution/lesson.json") != null, "built-in lessons inside");
            assertTrue(
                    jar.stream().anyMatch(e -> e.getName().startsWith("assets/fashion-mnist/")),
                    "built-in data inside");
        }
        assertTrue(Files.isExecutable(app.resolve("appcds.sh")));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p)
                            + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
