package org.kernellab;

import org.kernellab.bench.Benchmarks;
import org.kernellab.cli.Cli;
import org.kernellab.ui.KernelLabApp;

/**
 * Entry point for {@code java -jar kernellab.jar} and {@code javafx:run}. A plain class, not an
 * {@code Application}: launching an Application subclass from the class path fails with "JavaFX runtime
 * components are missing". A first argument that is a word runs the command line; none (or options such
 * as {@code --lessons DIR}) opens the app.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && Benchmarks.isCommand(args[0])) {
            System.exit(Benchmarks.run(args, System.out, System.err));
        }
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        KernelLabApp.main(args);
    }
}
