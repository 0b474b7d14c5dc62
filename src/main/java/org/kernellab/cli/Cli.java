package org.kernellab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.kernellab.compute.Explained;
import org.kernellab.data.DataException;
import org.kernellab.i18n.Messages;
import org.kernellab.install.Versions;
import org.kernellab.lesson.SceneFiles;

/**
 * The command line: one registry of commands gives the help, the unknown-command message and the dispatch. Each prints
 * JSON on stdout; bad input gives one line on stderr and exit status 2. Option names and JSON keys are a contract
 * teachers' scripts rely on (add, never rename).
 */
public final class Cli {
    private static final Set<String> HELP = Set.of("help", "--help", "-h", "-?"),
            VERSION = Set.of("version", "--version", "-V");

    /** What a command does with its options: returns its one JSON document, or null when it printed lines itself. */
    interface Handler {
        Object run(List<String> args, PrintStream out, PrintStream err) throws DataException;
    }

    /** A command, its usage (message {@code cli.usage.NAME}) and what runs it. */
    record Command(String name, Handler handler) {
        String usage() {
            return "  " + Messages.english("cli.usage." + name);
        }
    }

    static final List<Command> COMMANDS = List.of(
            new Command("conv", (a, out, err) -> Matrices.conv(a)),
            new Command("pool", (a, out, err) -> Matrices.pool(a)),
            new Command("shape", (a, out, err) -> ShapeCommand.run(a)),
            new Command("train", (a, out, err) -> TrainCommand.train(a, out)),
            new Command("voxelize", (a, out, err) -> Objects3d.voxelize(a)),
            new Command("generate3d", (a, out, err) -> Objects3d.generate(a)),
            new Command("train3d", (a, out, err) -> Train3dCommand.train(a, out)),
            new Command("evaluate", (a, out, err) -> EvaluateCommand.run(a, out)),
            new Command("export-pytorch", (a, out, err) -> ExportCommand.run(a, out)),
            new Command("export-onnx", (a, out, err) -> ExportCommand.onnx(a, out)),
            new Command("fetch-data", (a, out, err) -> FetchDataCommand.run(a, out)),
            new Command("explain", (a, out, err) -> ExplainCommand.explain(a, out)),
            new Command("attack", (a, out, err) -> ExplainCommand.attack(a, out)),
            new Command("robustness", (a, out, err) -> ExplainCommand.robustness(a, out)),
            new Command("progress", (a, out, err) -> ProgressCommand.merge(a, err)));

    private Cli() {}

    /** Whether the arguments ask for the command line rather than the window (a command, help or the version). */
    public static boolean isCommand(String arg) {
        // a scene or script file given alone opens in the window, as a file manager's "open with" passes it
        return !SceneFiles.isSceneFile(arg) && (!arg.startsWith("-") || HELP.contains(arg) || VERSION.contains(arg));
    }

    /** The help: every command's usage, from the registry. */
    static String usage() {
        StringBuilder b = new StringBuilder(Messages.english("cli.usageHead")).append("\n\n");
        for (Command c : COMMANDS) b.append(c.usage()).append('\n');
        return b.append(Messages.english("cli.usageTail")).toString();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        String command = args[0];
        try {
            Object result = run(command, Arrays.asList(args).subList(1, args.length), out, err);
            if (result != null) out.println(result instanceof String s ? s : Json.write(result));
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.problem.english());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("error: " + Messages.english("cli.outOfMemory", command));
            return 2;
        } catch (RuntimeException | LinkageError | DataException e) {
            if (e instanceof Explained x) { // bad input the compute core or the data layer named
                err.println("error: " + x.problem().english());
                return 2;
            }
            // a fault of the app, not of the input: still one line, never a stack trace
            err.println("error: " + command + " failed: " + e);
            return 1;
        }
    }

    private static Object run(String command, List<String> rest, PrintStream out, PrintStream err)
            throws DataException {
        if (HELP.contains(command)) return usage();
        if (VERSION.contains(command)) return "kernellab " + Versions.APP;
        for (Command c : COMMANDS)
            if (c.name().equals(command)) return c.handler().run(rest, out, err);
        List<String> names = COMMANDS.stream().map(Command::name).toList();
        throw new CliException("cli.unknownCommand", command, String.join(", ", names));
    }
}
