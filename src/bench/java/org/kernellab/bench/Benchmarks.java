package org.kernellab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernellab.Launcher;
import org.kernellab.ui.core.Theme;

/**
 * The benchmarks, built into their own jar ({@code target/kernellab-bench.jar}), never into the product's: {@code bench} (the compute core), {@code bench-modelnet} (a
 * ModelNet10-sized folder voxelised), {@code bench-explain} (saliency maps and attacks), {@code bench-draw} (a stroke on the drawing canvas; a display too), {@code bench-scene} (opening a scene to its view redrawn; a display too), {@code bench-animator}, {@code bench-training} and {@code bench-voxels} (the whole
 * app in a window; they need a display), and {@code screens} (the lessons saved as PNGs to look at; a display too). Each prints one JSON object per line
 * and asserts nothing; bad options give one line on stderr and exit status 2, as on the rest of the command line.
 */
public final class Benchmarks {
    private static final Set<String> COMMANDS = Set.of(
            "bench",
            "bench-animator",
            "bench-training",
            "bench-voxels",
            "bench-modelnet",
            "bench-explain",
            "bench-draw",
            "bench-scene",
            "screens");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Benchmarks() {}

    /** {@code java -jar target/kernellab-bench.jar BENCHMARK [options]}. */
    public static void main(String[] args) {
        Launcher.prepareNatives();
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.println("usage: kernellab-bench "
                    + String.join("|", COMMANDS.stream().sorted().toList()) + " [options]");
            return 2;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "bench" -> ComputeBench.run(repeat(rest), out);
                case "bench-animator" -> {
                    only(rest, Set.of());
                    AnimatorBench.run(300, 8, out);
                }
                case "bench-training" -> {
                    only(rest, Set.of("--warm"));
                    TrainingBench.run(rest.contains("--warm"), out);
                }
                case "bench-voxels" -> {
                    only(rest, Set.of());
                    VoxelBench.run(6, out);
                }
                case "bench-modelnet" -> ModelNetBench.run(scale(rest), out);
                case "bench-explain" -> ExplainBench.run(repeat(rest), out);
                case "bench-draw" -> {
                    only(rest, Set.of());
                    DrawBench.run(300, out);
                }
                case "bench-scene" -> {
                    only(rest, Set.of());
                    SceneBench.run(5, out);
                }
                case "screens" -> Screens.run(screens(rest), Path.of(value(rest, "--out", null)), out);
                default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("error: " + args[0] + " failed: " + e);
            return 1;
        }
    }

    /** {@code --repeat N} (1 to 100,000; 200 when absent). */
    private static int repeat(List<String> args) {
        if (args.isEmpty()) return 200;
        String v = args.size() == 2 && args.get(0).equals("--repeat")
                ? args.get(1)
                : args.size() == 1 && args.get(0).startsWith("--repeat=")
                        ? args.get(0).substring(9)
                        : null;
        if (v == null) throw new IllegalArgumentException("bench takes only --repeat N");
        if (!v.matches("[0-9]{1,6}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 100_000) {
            throw new IllegalArgumentException("option --repeat must be from 1 to 100,000, got \"" + v + "\"");
        }
        return Integer.parseInt(v);
    }

    /** {@code --scale F}: the share of ModelNet10's 4,899 files to write (0.01 to 1; 1 when absent). */
    private static double scale(List<String> args) {
        if (args.isEmpty()) return 1;
        if (args.size() != 2 || !args.get(0).equals("--scale"))
            throw new IllegalArgumentException("bench-modelnet takes only --scale F");
        try {
            double f = Double.parseDouble(args.get(1));
            if (f >= 0.01 && f <= 1) return f;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("option --scale must be from 0.01 to 1, got \"" + args.get(1) + "\"");
    }

    /**
     * {@code screens --out DIR [--size 1280x720] [--language en|es] [--theme light|dark] [--no-text] [--presentation]
     * [--lessons ID,ID,…] [--train IMAGES] [--windows] [--lab-pictures DIR] [--press ID]}; {@code --windows} adds the About and Data sets windows,
     * {@code --lab-pictures} has the training lab train on a folder of pictures, {@code --press ID} presses a page's
     * button before the shot.
     */
    private static Screens.Setup screens(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (Set.of(
                            "--out",
                            "--size",
                            "--language",
                            "--theme",
                            "--lessons",
                            "--train",
                            "--lab-pictures",
                            "--press",
                            "--script",
                            "--class")
                    .contains(a)) i++;
            else if (!Set.of("--no-text", "--presentation", "--windows").contains(a))
                throw new IllegalArgumentException("unknown option \"" + a + "\"");
        }
        value(args, "--out", null);
        String[] size = value(args, "--size", "1280x720").split("x");
        String lessons = value(args, "--lessons", "");
        return new Screens.Setup(
                Integer.parseInt(size[0]),
                Integer.parseInt(size[1]),
                Locale.forLanguageTag(value(args, "--language", "en")),
                Theme.valueOf(value(args, "--theme", "light").toUpperCase(Locale.ROOT)),
                !args.contains("--no-text"),
                args.contains("--presentation"),
                lessons.isEmpty() ? List.of() : List.of(lessons.split(",")),
                Integer.parseInt(value(args, "--train", "0")),
                args.contains("--windows"),
                args.contains("--lab-pictures") ? Path.of(value(args, "--lab-pictures", null)) : null,
                args.contains("--press") ? value(args, "--press", null) : null,
                args.contains("--script") ? Path.of(value(args, "--script", null)) : null,
                args.contains("--class")
                        ? Arrays.stream(value(args, "--class", null).split(","))
                                .map(Path::of)
                                .toList()
                        : List.of());
    }

    /** The value after {@code name}, or {@code otherwise}; a missing required value (null) is refused. */
    private static String value(List<String> args, String name, String otherwise) {
        int at = args.indexOf(name);
        if (at >= 0 && at + 1 < args.size()) return args.get(at + 1);
        if (otherwise == null) throw new IllegalArgumentException("needs the option " + name);
        return otherwise;
    }

    private static void only(List<String> args, Set<String> flags) {
        for (String a : args)
            if (!flags.contains(a)) throw new IllegalArgumentException("unknown option \"" + a + "\"");
    }

    /** One benchmark's result as a JSON line: {@code {"bench": name, ...fields}}. */
    static void line(PrintStream out, String name, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", name);
        m.putAll(fields);
        try {
            out.println(MAPPER.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
