package org.kernellab.lesson;

import org.kernellab.compute.Explained;
import org.kernellab.compute.Problem;

/** A scene, script or progress file that cannot be read, with a reason each language can say. */
public final class SceneFileException extends Exception implements Explained {
    private final transient Problem problem;

    public SceneFileException(String key, Object... args) {
        super(key);
        this.problem = new Problem(key, args);
    }

    @Override
    public Problem problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        return problem.english();
    }
}
