package org.kernellab.cli;

import org.kernellab.compute.Problem;

/** Bad input on the command line: one line on stderr, exit status 2. */
final class CliException extends RuntimeException {
    final transient Problem problem;

    CliException(String key, Object... args) {
        super(key);
        this.problem = new Problem(key, args);
    }
}
