package org.kernellab.compute;

/** A computation refused for a reason a student can read (impossible settings, mismatched shapes). */
public final class ComputeException extends RuntimeException implements Explained {
    private final transient Problem problem;

    public ComputeException(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public ComputeException(String key, Object... args) {
        this(new Problem(key, args));
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
