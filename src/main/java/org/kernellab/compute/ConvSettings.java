package org.kernellab.compute;

/**
 * Everything an animated convolution of one matrix is worked out from, as one immutable value: the input, one
 * kernel and its bias, stride, padding and dilation along the rows ({@code H}) and the columns ({@code W}), which
 * convolution, and whether ND4J may run yet. The kernel's size is its matrix's shape and nothing else.
 *
 * @param flip       a true convolution, as the slides' first formula writes it: the kernel turned half a turn before
 *                   it slides. Off is PyTorch's cross-correlation
 * @param transposed a transposed convolution: each input cell scatters the kernel, as written, into the output
 * @param engine     whether ND4J has loaded; until then only the steps are worked out, which do not need it
 */
public record ConvSettings(
        Tensor input,
        Tensor kernel,
        double bias,
        int strideH,
        int strideW,
        int padH,
        int padW,
        int dilationH,
        int dilationW,
        boolean flip,
        boolean transposed,
        boolean engine) {

    /** Whether the kernel meets the input turned: a true convolution, not the transposed one. */
    public boolean flipped() {
        return flip && !transposed;
    }

    /** The kernel as it meets the input. */
    public Tensor applied() {
        return flipped() ? kernel.flipped() : kernel;
    }

    Window window() {
        return new Window(
                new int[] {kernel.dim(0), kernel.dim(1)},
                new int[] {strideH, strideW},
                new int[] {padH, padW},
                new int[] {dilationH, dilationW},
                false);
    }
}
