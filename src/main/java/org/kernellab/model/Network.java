package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Net} with its parameters, trained with ND4J ops called directly, forward and backward written out per layer
 * ({@link Op}): no graph bookkeeping, buffers allocated once per batch size, activations channels-last, 2D and 3D
 * alike. The parameters are one flat vector (views per layer) the optimizer updates at once. Softmax cross-entropy loss.
 *
 * <p>A batch may be shared among {@link #threads} lanes, each a thread with its own buffers running single-core ND4J
 * ops on its share, gradients added before the step: ND4J spreads these small layers' ops over two cores poorly. Nets
 * with BatchNorm keep one lane (its statistics are the whole batch's).
 */
public final class Network implements AutoCloseable {
    final Net net, computed;
    private final Training training;
    private final Parameters values;
    final List<int[]> shapes; // each activation's per-sample shape, channels last (the plain plan's), read unlocked
    /** The parameter views and the running statistics' views, as the ops read them. */
    final List<INDArray> p, s;

    private final Optimizer optimizer;
    final Lanes lanes;
    /** Reads pictures as torchvision's Normalize((0.5,), (0.5,)) gives them: a PyTorch net trained on such inputs. */
    private boolean normalized;

    private Network(Net net, Training training) {
        this.net = net;
        this.training = training;
        // a final Softmax is the loss's softmax: the plan computes the logits before it
        List<Layer> layers = net.resolved();
        boolean softmax = !layers.isEmpty() && layers.get(layers.size() - 1) instanceof Layer.Softmax;
        this.computed = Net.of(net.input(), softmax ? layers.subList(0, layers.size() - 1) : layers);
        shapes = Plan.fullShapes(computed);
        values = new Parameters(layers);
        p = values.p;
        s = values.s;
        optimizer = new Optimizer(training, values.params);
        lanes = new Lanes(this, computed, values);
    }

    /** A new network: He's initialisation (normal, variance 2 / fan-in) for weights, zero biases, BatchNorm at 1 and 0. */
    public static Network build(Net net, Training training) {
        Network n = new Network(net, training);
        Random rnd = new Random(training.seed());
        Plan plan = n.lanes.plan(false, false);
        for (Op op : plan.ops)
            if (op.param >= 0)
                op.initialise(
                        n.p.subList(op.param, op.param + op.parameterShapes().size()), rnd);
        return n;
    }

    /** A network with the given parameters (as {@link #parameterValues} gives them) and running statistics. */
    public static Network withParameters(Net net, Training training, float[] values, float[] statistics) {
        Network n = new Network(net, training);
        n.values.assign(values, statistics);
        return n;
    }

    public Net net() {
        return net;
    }

    public Training training() {
        return training;
    }

    /** The same parameters trained on with other settings (another number of epochs, a new learning rate). */
    public Network retrained(Training other) {
        Network n = withParameters(net, other, parameterValues(), statistics());
        n.normalized = normalized;
        return n;
    }

    /** Whether pictures (ToTensor's 0 to 1) are normalized first: a state dict does not say how its net was fed. */
    public synchronized void normalizeInputs(boolean on) {
        normalized = on;
    }

    public synchronized boolean normalizesInputs() {
        return normalized;
    }

    /** The samples as this net reads them: pictures in [0, 1] normalized when it expects so, others as they are. */
    Samples seen(Samples data) {
        return normalized && !data.binary() && data.shift() == 0 ? data.normalized() : data;
    }

    public long parameters() {
        return values.count();
    }

    /** How many threads a batch is shared among (see the class comment). */
    public synchronized void threads(int n) {
        lanes.threads(n);
    }

    public int threads() {
        return lanes.threads();
    }

    /** Classes the net scores. */
    public int classes() {
        return (int) computed.table(1).get(computed.layers().size() - 1).shape()[1];
    }

    List<INDArray> views(INDArray flat) {
        return values.views(flat);
    }

    /** A (rows, cols) view of the parameter vector from parameter view {@code first} on: adjacent parameters as one matrix. */
    INDArray joined(int first, long rows, long cols) {
        return values.joined(first, rows, cols);
    }

    int statStart(int layer) {
        return values.statStart(layer);
    }

    /**
     * One optimizer step on samples {@code index[from..to)}: forward with this step's dropout masks and batch
     * statistics, as PyTorch's training mode does, backward, and the update.
     *
     * @return the batch's mean loss and how many of its samples were classified right, before the step
     */
    public synchronized double[] step(Samples data, int[] index, int from, int to, Random rnd) {
        double[][] lossRight = new double[1][];
        lanes.oneCoreWithLanes(to - from, () -> {
            lossRight[0] = lossAndGradients(data, index, from, to, rnd);
            optimizer.step(values.grads);
        });
        return lossRight[0];
    }

    /** The mean loss, right answers, and the gradients left in {@link #grads}: a step without the update. */
    synchronized double[] lossAndGradients(Samples data, int[] index, int from, int to, Random rnd) {
        int n = to - from;
        Plan pl = lanes.plan(true, data.binary());
        masks(pl, n, rnd);
        double[][] scores = new double[Math.max(1, lanes.threads())][];
        int count = lanes.run(pl, data, index, from, n, (lane, i, start) -> {
            forward(lane, true);
            scores[i] = Loss.score(lane, n);
            for (int k = pl.ops.size() - 1; k >= 0; k--) pl.ops.get(k).backward(lane);
        });
        double loss = 0, right = 0;
        for (int i = 0; i < count; i++) {
            loss += scores[i][0];
            right += scores[i][1];
        }
        lanes.addGradients(pl, count);
        return new double[] {loss / n, right};
    }

    /** Draws every dropout layer's mask for the whole batch, in layer order, before the lanes take their shares. */
    private void masks(Plan pl, int n, Random rnd) {
        for (Op op : pl.ops) {
            if (op instanceof DropoutOp d) d.draw(n, (int) pl.size(op.at), rnd);
        }
    }

    private static void forward(Lane lane, boolean training) {
        if (!lane.plan.readsSamples) Inputs.load(lane);
        for (Op op : lane.plan.ops) op.forward(lane, training);
    }

    /** Class probabilities, {@link #classes} per sample, for samples {@code index[from..to)}; evaluation mode. */
    public synchronized float[] predict(Samples data, int[] index, int from, int to) {
        return outputs(data, index, from, to, true);
    }

    /** The scores before softmax (PyTorch's logits), {@link #classes} per sample; evaluation mode. */
    public synchronized float[] logits(Samples data, int[] index, int from, int to) {
        return outputs(data, index, from, to, false);
    }

    private float[] outputs(Samples data, int[] index, int from, int to, boolean softmax) {
        int n = to - from, c = classes();
        float[] out = new float[n * c];
        Plan pl = lanes.plan(true, data.binary());
        lanes.oneCoreWithLanes(
                n,
                () -> lanes.run(pl, data, index, from, n, (lane, i, start) -> {
                    forward(lane, false);
                    float[] z = Loss.floats(lane.b.logits);
                    float[] p = softmax ? Loss.softmax(z, lane.n, c) : z;
                    System.arraycopy(p, 0, out, start * c, lane.n * c);
                }));
        return out;
    }

    /** Every layer's output for one sample, whole, in evaluation mode: what the feature-map views draw. */
    public synchronized List<Activation> activations(Samples data, int sample) {
        Plan pl = lanes.plan(false, false);
        List<Activation> out = new ArrayList<>();
        lanes.run(pl, data, new int[] {sample}, 0, 1, (lane, i, start) -> {
            Inputs.load(lane);
            for (Op op : pl.ops) { // read after each op: a ReLU or a dropout writes over its input's buffer
                op.forward(lane, false);
                int[] shape = pl.shapes.get(op.at + 1);
                out.add(new Activation(
                        op.first,
                        computed.layers().get(op.first),
                        shape,
                        lane.out(op).dup('c').data().asFloat()));
            }
        });
        return out;
    }

    /** The input of the last linear layer for one sample (evaluation): what a dropout before the classifier acts on. */
    public synchronized float[] lastHidden(Samples data, int sample) {
        int last = lastLinear();
        if (last == 0) return data.floats(sample);
        for (Activation a : activations(data, sample)) if (a.layer() == last - 1) return a.values();
        throw new IllegalStateException("no layer before the last linear one in " + net);
    }

    private int lastLinear() {
        List<Layer> l = computed.layers();
        for (int i = l.size() - 1; i >= 0; i--) if (l.get(i) instanceof Layer.Linear) return i;
        throw new IllegalStateException("no linear layer in " + net);
    }

    /** Class probabilities from {@code rows} rows of last-hidden values (masked or not): the last linear layer and softmax alone. */
    public synchronized float[] classify(float[] hidden, int rows) {
        int last = lastLinear();
        INDArray w = p.get(values.paramStart(last));
        try (INDArray h = Nd4j.create(hidden, new long[] {rows, w.size(1)}, 'c');
                INDArray logits = h.mmul(w.transpose())) {
            if (((Layer.Linear) computed.layers().get(last)).bias())
                logits.addiRowVector(p.get(values.paramStart(last) + 1));
            return Loss.softmax(logits.data().asFloat(), rows, (int) w.size(0));
        }
    }

    /** One tensor of a state dict: its name as nn.Sequential gives it ({@code 0.weight}), shape and values, PyTorch's layouts. */
    public record Tensor32(String name, int[] shape, float[] values) {}

    /** As {@code model.parameters()} lists them, named as in an {@code nn.Sequential}: weight then bias, (out, in, k…). */
    public synchronized List<Tensor32> pytorchParameters() {
        return pytorch(p);
    }

    /** The parameter {@code name} ({@code 0.weight}) alone, as {@link #pytorchParameters} gives it; null if none. */
    public synchronized Tensor32 pytorchParameter(String name) {
        List<Tensor32> one = StateDict.parameters(values, p, name::equals);
        return one.isEmpty() ? null : one.get(0);
    }

    /** Stored views (the parameters, or a lane's gradients) in PyTorch's layouts and names. */
    List<Tensor32> pytorch(List<INDArray> views) {
        return StateDict.parameters(values, views);
    }

    /** BatchNorm's running means and variances, named as in a state dict ({@code 1.running_mean}). */
    public synchronized List<Tensor32> pytorchBuffers() {
        return StateDict.buffers(values);
    }

    /** Sets the parameters from PyTorch's layouts, in {@link #pytorchParameters}'s order; the shapes must match. */
    public synchronized void loadPyTorch(List<float[]> parameters, List<float[]> buffers) {
        StateDict.load(values, parameters, buffers);
    }

    /** The parameters in the order the model file writes them (the stored layouts). */
    public synchronized float[] parameterValues() {
        return values.values();
    }

    /** BatchNorm's running means and variances, in layer order. */
    public synchronized float[] statistics() {
        return values.statistics();
    }

    INDArray params() {
        return values.params;
    }

    INDArray grads() {
        return values.grads;
    }

    /** Frees the batch buffers now instead of whenever the garbage collector gets to them; the network reallocates them. */
    public synchronized void releaseBuffers() {
        lanes.release();
    }

    @Override
    public synchronized void close() {
        lanes.close();
        values.close();
        optimizer.close();
    }
}
