package org.kernellab.ui.task;

/** Background work: computes a result, reporting progress through its context and checking for cancel. */
@FunctionalInterface
public interface Work<T> {
    T call(WorkContext ctx) throws Exception;
}
