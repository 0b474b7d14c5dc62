package org.kernellab.data;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.kernellab.compute.Explained;
import org.kernellab.compute.Problem;

/** Data that cannot be read, with a reason (a message key and its arguments) that names the file and what is wrong. */
public final class DataException extends Exception implements Explained {
    private final transient Problem problem;

    public DataException(String key, Object... args) {
        super(new Problem(key, args).english());
        this.problem = new Problem(key, args);
    }

    /** This exception, recording the lower-level failure that caused it. */
    public DataException causedBy(Throwable cause) {
        initCause(cause);
        return this;
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /**
     * An I/O failure's own words. A file-system error's message is only the path (already in the sentence), so
     * its reason is used; some failures (an end of file, a closed stream) come without any words at all.
     */
    public static String why(Throwable e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
