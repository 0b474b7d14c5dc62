package org.kernellab.compute;

/**
 * An animated convolution worked out from its {@link ConvSettings}: the size arithmetic along the rows and the
 * columns and, when they give an output, every step ({@link ConvTrace}, or {@link ScatterTrace} for the transposed
 * convolution) and ND4J's output. The settings are checked here and only here: settings that give no output come
 * back with the {@link Problem} that says why, never as an exception. Like the steps, ND4J's output is worked out when
 * first asked for, so settings changed several at a time cost ND4J only for the ones looked at.
 */
public final class ConvAnimation {
    private final ConvSettings settings;
    private final AxisSize rows, cols;
    private final Problem problem;
    private final ConvTrace trace;
    private final ScatterTrace scatter;
    private double[][] output;

    private ConvAnimation(
            ConvSettings settings,
            AxisSize rows,
            AxisSize cols,
            Problem problem,
            ConvTrace trace,
            ScatterTrace scatter) {
        this.settings = settings;
        this.rows = rows;
        this.cols = cols;
        this.problem = problem;
        this.trace = trace;
        this.scatter = scatter;
    }

    public static ConvAnimation of(ConvSettings s) {
        Tensor in = s.input(), k = s.applied();
        AxisSize rows = axis(s.transposed(), in.dim(0), k.dim(0), s.strideH(), s.padH(), s.dilationH());
        AxisSize cols = axis(s.transposed(), in.dim(1), k.dim(1), s.strideW(), s.padW(), s.dilationW());
        Problem problem = !rows.ok() ? rows.problem() : !cols.ok() ? cols.problem() : tooMuchWork(s, rows, cols);
        if (problem != null) return new ConvAnimation(s, rows, cols, problem, null, null);
        // checked: from here on nothing checks the settings again
        if (s.transposed()) return new ConvAnimation(s, rows, cols, null, null, ScatterTrace.sized(in, k, s.window()));
        Tensor x3 = in.reshape(1, in.dim(0), in.dim(1)), k3 = k.reshape(1, k.dim(0), k.dim(1));
        ConvTrace trace = new ConvTrace(x3, k3, s.bias(), s.window(), rows.output(), cols.output());
        return new ConvAnimation(s, rows, cols, null, trace, null);
    }

    public ConvSettings settings() {
        return settings;
    }

    public AxisSize rows() {
        return rows;
    }

    public AxisSize cols() {
        return cols;
    }

    /** Why there is no output, or null. */
    public Problem problem() {
        return problem;
    }

    /** The convolution's steps; null for the transposed one, or without an output. */
    public ConvTrace trace() {
        return trace;
    }

    /** The transposed convolution's steps; null otherwise. */
    public ScatterTrace scatter() {
        return scatter;
    }

    /** ND4J's output; null without one, or while ND4J loads. */
    public double[][] output() {
        if (output == null && ok() && settings.engine()) output = nd4j();
        return output;
    }

    public boolean ok() {
        return problem == null;
    }

    /** How many steps the animation has: one per output cell, or one per scattering input cell. */
    public int steps() {
        return trace != null
                ? trace.steps().size()
                : scatter != null ? scatter.steps().size() : 0;
    }

    /** Over the padded input, which cells some tap of the kernel reaches; null without a convolution's steps. */
    public boolean[][] covered() {
        return trace == null ? null : trace.covered();
    }

    /** The PyTorch layer with these settings. */
    public String pytorch() {
        boolean withBias = settings.bias() != 0;
        return settings.transposed()
                ? PyTorch.convTranspose(1, 1, settings.window(), withBias)
                : PyTorch.conv(1, 1, settings.window(), withBias);
    }

    /** The output's shape as PyTorch prints it; meaningful only with an output. */
    public String outputShape() {
        return PyTorch.size(1, 1, rows.output(), cols.output());
    }

    private static AxisSize axis(boolean transposed, int input, int kernel, int stride, int padding, int dilation) {
        return transposed
                ? Shapes.transposed(input, kernel, stride, padding, dilation)
                : Shapes.conv(input, kernel, stride, padding, dilation);
    }

    /** Why ND4J would refuse settings of a possible size (arrays too large to make), or null. */
    private static Problem tooMuchWork(ConvSettings s, AxisSize rows, AxisSize cols) {
        int[] x = {1, 1, s.input().dim(0), s.input().dim(1)},
                k = {1, 1, s.kernel().dim(0), s.kernel().dim(1)};
        try {
            if (s.transposed()) Shapes.checkTransposedWork(x, k, s.window());
            else Shapes.checkConvWork(x, k, s.window(), new int[] {rows.output(), cols.output()});
            return null;
        } catch (ComputeException e) {
            return e.problem();
        }
    }

    private double[][] nd4j() {
        Tensor in = settings.input(), k = settings.applied();
        Tensor x4 = in.reshape(1, 1, in.dim(0), in.dim(1)), k4 = k.reshape(1, 1, k.dim(0), k.dim(1));
        Tensor bias = settings.bias() == 0 ? null : new Tensor(new int[] {1}, new double[] {settings.bias()});
        int[] out = {rows.output(), cols.output()};
        Tensor y = settings.transposed()
                ? NdOps.convTransposeSized(x4, k4, bias, settings.window(), out)
                : NdOps.convSized(x4, k4, bias, settings.window(), out);
        return y.reshape(out[0], out[1]).toMatrix();
    }
}
