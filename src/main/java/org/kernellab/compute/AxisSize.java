package org.kernellab.compute;

/**
 * The output-size arithmetic along one axis, with everything a student needs to follow it.
 *
 * @param output       cells along this axis in the output, 0 when {@link #problem} says why there are none
 * @param formula      the formula with this axis's numbers filled in, e.g. {@code ⌊(5 + 2·1 − 3) / 1⌋ + 1 = 5}
 * @param droppedLast  ceil mode only: a last window that would start in the right padding was dropped
 * @param uncovered    cells at the far end of the padded input that no window reaches (a stride that does
 *                     not divide evenly)
 */
public record AxisSize(
        int input,
        int kernel,
        int stride,
        int padding,
        int dilation,
        boolean ceil,
        int output,
        Problem problem,
        String formula,
        boolean droppedLast,
        int uncovered) {

    public boolean ok() {
        return problem == null;
    }

    /** Cells the kernel covers from its first to its last tap: dilation·(kernel − 1) + 1. */
    public long span() {
        return (long) dilation * (kernel - 1) + 1;
    }
}
