package org.kernellab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.kernellab.compute.Explained;
import org.kernellab.data.DataException;
import org.kernellab.i18n.Messages;
import org.kernellab.install.Versions;

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
        Object run(List<String> args, PrintStream out) throws DataException;
    }

    /** A command, its usage (message {@code cli.usage.NAME}) and what runs it. */
    record Command(String name, Handler handler) {
        String usage() {
            return "  " + Messages.english("cli.usage." + name);
        }
    }

    static final List<Command> COMMANDS = List.of(
            new Command("conv", (a, out) -> Matrices.conv(a)),
            new Command("pool", (a, out) -> Matrices.pool(a)),
            new Command("shape", (a, out) -> ShapeCommand.run(a)),
            new Command("train", TrainCommand::train),
            new Command("voxelize", (a, out) -> Objects3d.voxelize(a)),
            new Command("generate3d", (a, out) -> Objects3d.generate(a)),
            new Command("train3d", Train3dCommand::train),
            new Command("evaluate", EvaluateCommand::run),
            new Command("export-pytorch", ExportCommand::run),
            new Command("export-onnx", ExportCommand::onnx),
            new Command("fetch-data", FetchDataCommand::run),
            new Command("explain", ExplainCommand::explain),
            new Command("attack", ExplainCommand::attack),
            new Command("robustness", ExplainCommand::robustness));

    private Cli() {}

    /** Whether the arguments ask for the command line rather than the window (a command, help or the version). */
    public static boolean isCommand(String arg) {
        return !arg.startsWith("-") || HELP.contains(arg) || VERSION.contains(arg);
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
            Object result = run(command, Arrays.asList(args).subList(1, args.length), out);
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

    private static Object run(String command, List<String> rest, PrintStream out) throws DataException {
        if (HELP.contains(command)) return usage();
        if (VERSION.contains(command)) return "kernellab " + Versions.APP;
        for (Command c : COMMANDS)
            if (c.name().equals(command)) return c.handler().run(rest, out);
        List<String> names = COMMANDS.stream().map(Command::name).toList();
        throw new CliException("cli.unknownCommand", command, String.join(", ", names));
    }
}
