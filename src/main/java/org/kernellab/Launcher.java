package org.kernellab;

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

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench-animator")) {
            // the benchmarks that need JavaFX (and a display) live beside the views they measure
            org.kernellab.ui.animator.AnimatorBenchmark.run(300, 8, System.out);
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("bench-training")) {
            org.kernellab.ui.training.TrainingBenchmark.run(java.util.Arrays.asList(args).contains("--warm"), System.out);
            System.exit(0);
        }
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        KernelLabApp.main(args);
    }
}
