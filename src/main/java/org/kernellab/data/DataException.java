package org.kernellab.data;

/** Data that cannot be read, with a message that names the file and what is wrong with it. */
public final class DataException extends Exception {
    public DataException(String message) { super(message); }

    public DataException(String message, Throwable cause) { super(message, cause); }
}
