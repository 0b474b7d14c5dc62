package org.kernellab;

import org.kernellab.cli.Cli;
import org.kernellab.install.UserDirs;
import org.kernellab.ui.KernelLabApp;

/**
 * Entry point for {@code java -jar kernellab.jar} and {@code javafx:run}. A plain class, not an
 * {@code Application}: launching an Application subclass from the class path fails with "JavaFX runtime
 * components are missing". A first argument that is a word runs the command line; none (or options such
 * as {@code --lessons DIR}) opens the app.
 */
public final class Launcher {
    private static final String NATIVE_CACHE = "org.bytedeco.javacpp.cachedir";

    private Launcher() {}

    /** JavaCPP keeps ND4J's native libraries (or, in the installed app, links to them) in the user's cache folder. */
    public static void prepareNatives() {
        if (System.getProperty(NATIVE_CACHE) == null)
            System.setProperty(NATIVE_CACHE, UserDirs.current().natives().toString());
    }

    public static void main(String[] args) {
        prepareNatives();
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        KernelLabApp.main(args);
    }
}
