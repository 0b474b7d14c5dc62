package org.kernellab.lesson;

/** A lesson that could not be loaded: which file and why. The other lessons still load. */
public record LessonError(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
