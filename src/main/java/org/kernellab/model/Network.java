package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link Net} with its parameters, trained with ND4J ops called directly, forward and backward written out per layer
 * ({@link Op}): no graph bookkeeping, every buffer allocated once per batch size, activations channels-last. 2D and 3D
 * nets alike; what differs is the data. The parameters live in one flat vector (views per layer) that the optimizer
 * updates in one go. Softmax cross-entropy loss on the last layer's output (a final Softmax layer is that softmax).
 *
 * <p>A batch may be shared among {@link #threads} lanes, each a thread with its own buffers running single-core ND4J
 * ops on its share, their gradients added before the step: these layers are too small for ND4J to spread one op over
 * two cores well. Nets with BatchNorm keep one lane (its statistics are the whole batch's).
 */
public final class Network implements AutoCloseable {
    /** Fewer samples than this per lane cost more in overhead than a second core gains. */
    private static final int MIN_PER_LANE = 8;

    private final Net net, computed;
    private final Training training;
    private final List<long[]> shapes = new ArrayList<>();
    /** Per layer of the net, the index of its first parameter view (−1 without), and of its running statistics. */
    private final int[] paramStart, statStart;

    private final INDArray params, grads, stats;
    final List<INDArray> p;
    final List<INDArray> s;
    private final Optimizer optimizer;
    private final List<Plan> plans = new ArrayList<>();
    private final List<List<Lane>> lanes = new ArrayList<>();
    private int threads = 1;

    private Network(Net net, Training training) {
        this.net = net;
        this.training = training;
        // a final Softmax is the loss's softmax: the plan computes the logits before it
        List<Layer> layers = net.resolved();
        boolean softmax = !layers.isEmpty() && layers.get(layers.size() - 1) instanceof Layer.Softmax;
        this.computed = Net.of(net.input(), softmax ? layers.subList(0, layers.size() - 1) : layers);
        paramStart = new int[layers.size()];
        statStart = new int[layers.size()];
        List<long[]> statShapes = new ArrayList<>();
        List<LayerTable.Row> rows = net.table(1);
        for (int i = 0; i < layers.size(); i++) {
            List<long[]> own = Ops.parameterShapes(layers.get(i));
            paramStart[i] = own.isEmpty() ? -1 : shapes.size();
            shapes.addAll(own);
            statStart[i] = layers.get(i) instanceof Layer.BatchNorm b ? statShapes.size() : -1;
            if (layers.get(i) instanceof Layer.BatchNorm b)
                statShapes.addAll(List.of(new long[] {b.features()}, new long[] {b.features()}));
        }
        params = Nd4j.create(DataType.FLOAT, 1, Math.max(1, count(shapes)));
        grads = params.like();
        p = views(params);
        stats = Nd4j.create(DataType.FLOAT, 1, Math.max(1, count(statShapes)));
        s = views(stats, statShapes);
        for (int i = 0; i < layers.size(); i++)
            if (statStart[i] >= 0) s.get(statStart[i] + 1).assign(1); // running variance starts at 1
        optimizer = new Optimizer(training, params);
    }

    /** A new network: He's initialisation (normal, variance 2 / fan-in) for weights, zero biases, BatchNorm at 1 and 0. */
    public static Network build(Net net, Training training) {
        Network n = new Network(net, training);
        Random rnd = new Random(training.seed());
        Plan plan = n.plan(false, false);
        for (Op op : plan.ops)
            if (op.param >= 0)
                op.initialise(
                        n.p.subList(op.param, op.param + op.parameterShapes().size()), rnd);
        return n;
    }

    /** A network with the given parameters (as {@link #parameterValues} gives them) and running statistics. */
    public static Network withParameters(Net net, Training training, float[] values, float[] statistics) {
        Network n = new Network(net, training);
        if (values.length != n.parameters()
                || statistics.length != n.s.stream().mapToLong(INDArray::length).sum()) {
            throw new IllegalArgumentException(
                    values.length + " and " + statistics.length + " values for " + n.parameters() + " parameters");
        }
        if (values.length > 0) n.params.assign(Nd4j.create(values, new long[] {1, values.length}, 'c'));
        if (statistics.length > 0) n.stats.assign(Nd4j.create(statistics, new long[] {1, statistics.length}, 'c'));
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
        return withParameters(net, other, parameterValues(), statistics());
    }

    public long parameters() {
        return shapes.isEmpty() ? 0 : params.length();
    }

    /** How many threads a batch is shared among (see the class comment). */
    public synchronized void threads(int n) {
        threads = Math.max(1, n);
    }

    public int threads() {
        return threads;
    }

    /** Classes the net scores. */
    public int classes() {
        return (int) computed.table(1).get(computed.layers().size() - 1).shape()[1];
    }

    List<INDArray> views(INDArray flat) {
        return views(flat, shapes);
    }

    private static List<INDArray> views(INDArray flat, List<long[]> shapes) {
        List<INDArray> v = new ArrayList<>();
        long off = 0;
        for (long[] sh : shapes) {
            long n = count(List.<long[]>of(sh));
            v.add(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + n))
                    .reshape('c', sh));
            off += n;
        }
        return v;
    }

    private static long count(List<long[]> shapes) {
        long total = 0;
        for (long[] sh : shapes) {
            long n = 1;
            for (long d : sh) n *= d;
            total += n;
        }
        return total;
    }

    int paramStart(int layer) {
        return paramStart[layer];
    }

    /** A (rows, cols) view of the parameter vector from parameter view {@code first} on: adjacent parameters as one matrix. */
    INDArray joined(int first, long rows, long cols) {
        long off = 0;
        for (int i = 0; i < first; i++) off += p.get(i).length();
        return params.get(NDArrayIndex.point(0), NDArrayIndex.interval(off, off + rows * cols))
                .reshape('c', rows, cols);
    }

    int statStart(int layer) {
        return statStart[layer];
    }

    /** The plan for training and evaluation ({@code fast}), or the plain one every layer's output can be read from. */
    Plan plan(boolean fast, boolean binary) {
        for (Plan pl : plans) if (pl.fast == fast && pl.binary == binary) return pl;
        Plan pl = new Plan(computed, fast, fast, fast, binary);
        for (Op op : pl.ops) op.param = op.first < paramStart.length ? paramStart[op.first] : -1;
        plans.add(pl);
        lanes.add(new ArrayList<>());
        return pl;
    }

    private List<Lane> lanes(Plan pl, int count) {
        List<Lane> l = lanes.get(plans.indexOf(pl));
        while (l.size() < count) l.add(new Lane(pl, this, l.isEmpty() ? grads : grads.like()));
        return l;
    }

    /** Lanes for a batch of n: one per thread while each gets {@link #MIN_PER_LANE}, one for nets with BatchNorm. */
    private int laneCount(int n) {
        boolean norm = computed.layers().stream().anyMatch(l -> l instanceof Layer.BatchNorm);
        return norm ? 1 : Math.max(1, Math.min(threads, n / MIN_PER_LANE));
    }

    /** Runs {@code work} on each lane over its share of samples {@code from .. from+n}, in parallel when there are several. */
    private int inLanes(Plan pl, Samples data, int[] index, int from, int n, LaneWork work) {
        int count = laneCount(n);
        List<Lane> l = lanes(pl, count);
        for (Op op : pl.ops) op.prepare(this);
        if (count == 1) {
            Lane lane = l.get(0);
            share(lane, data, index, from, 0, n);
            work.run(lane, 0, 0);
            return 1;
        }
        // each lane is one core's work; ops that spread over cores would have OpenMP's idle threads spin on the other
        // lane's core
        IntStream.range(0, count)
                .parallel()
                .forEach(i -> Threads.onOneCore(() -> {
                    int start = i * n / count;
                    share(l.get(i), data, index, from + start, start, (i + 1) * n / count - start);
                    work.run(l.get(i), i, start);
                }));
        return count;
    }

    private static void share(Lane lane, Samples data, int[] index, int from, int start, int n) {
        lane.size(n);
        lane.samples = data;
        lane.index = index;
        lane.from = from;
        lane.start = start;
    }

    private interface LaneWork {
        void run(Lane lane, int laneIndex, int start);
    }

    /**
     * One optimizer step on samples {@code index[from..to)}: forward with this step's dropout masks and batch
     * statistics, as PyTorch's training mode does, backward, and the update.
     *
     * @return the batch's mean loss and how many of its samples were classified right, before the step
     */
    public synchronized double[] step(Samples data, int[] index, int from, int to, Random rnd) {
        double[][] lossRight = new double[1][];
        oneCoreWithLanes(to - from, () -> {
            lossRight[0] = lossAndGradients(data, index, from, to, rnd);
            optimizer.step(grads);
        });
        return lossRight[0];
    }

    /** With several lanes every op on this thread too runs on one core: the lanes have the cores. */
    private void oneCoreWithLanes(int n, Runnable work) {
        if (laneCount(n) > 1) Threads.onOneCore(work);
        else work.run();
    }

    /** The mean loss, right answers, and the gradients left in {@link #grads}: a step without the update. */
    synchronized double[] lossAndGradients(Samples data, int[] index, int from, int to, Random rnd) {
        int n = to - from;
        Plan pl = plan(true, data.binary());
        masks(pl, n, rnd);
        double[][] scores = new double[Math.max(1, threads)][];
        int count = inLanes(pl, data, index, from, n, (lane, i, start) -> {
            forward(lane, true);
            scores[i] = Loss.score(lane, n);
            for (int k = pl.ops.size() - 1; k >= 0; k--) pl.ops.get(k).backward(lane);
        });
        double loss = 0, right = 0;
        for (int i = 0; i < count; i++) {
            loss += scores[i][0];
            right += scores[i][1];
            if (i > 0) grads.addi(lanes(pl, count).get(i).gradients);
        }
        return new double[] {loss / n, right};
    }

    /** Draws every dropout layer's mask for the whole batch, in layer order, before the lanes take their shares. */
    private void masks(Plan pl, int n, Random rnd) {
        for (Op op : pl.ops) {
            if (op instanceof Ops.DropoutOp d) d.draw(n, (int) pl.size(op.at), rnd);
        }
    }

    private static void forward(Lane lane, boolean training) {
        if (!lane.plan.readsSamples) Inputs.load(lane);
        for (Op op : lane.plan.ops) op.forward(lane, training);
    }

    /** Class probabilities, {@link #classes} per sample, for samples {@code index[from..to)}; evaluation mode. */
    public synchronized float[] predict(Samples data, int[] index, int from, int to) {
        int n = to - from, c = classes();
        float[] out = new float[n * c];
        Plan pl = plan(true, data.binary());
        oneCoreWithLanes(
                n,
                () -> inLanes(pl, data, index, from, n, (lane, i, start) -> {
                    forward(lane, false);
                    Loss.softmax(lane);
                    System.arraycopy(lane.b.probs.data().asFloat(), 0, out, start * c, lane.n * c);
                }));
        return out;
    }

    /** Every layer's output for one sample, whole, in evaluation mode: what the feature-map views draw. */
    public synchronized List<Activation> activations(Samples data, int sample) {
        Plan pl = plan(false, false);
        List<Activation> out = new ArrayList<>();
        inLanes(pl, data, new int[] {sample}, 0, 1, (lane, i, start) -> {
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

    /**
     * The input of the last linear layer for one sample (evaluation mode): the values a dropout before the classifier
     * acts on.
     */
    public synchronized float[] lastHidden(Samples data, int sample) {
        List<Activation> all = activations(data, sample);
        int last = lastLinear();
        return last == 0
                ? data.floats(sample)
                : all.stream()
                        .filter(a -> a.layer() == last - 1)
                        .findFirst()
                        .orElseThrow()
                        .values();
    }

    private int lastLinear() {
        List<Layer> l = computed.layers();
        for (int i = l.size() - 1; i >= 0; i--) if (l.get(i) instanceof Layer.Linear) return i;
        throw new IllegalStateException("no linear layer in " + net);
    }

    /** Class probabilities from {@code rows} rows of last-hidden values (masked or not): the last linear layer and softmax alone. */
    public synchronized float[] classify(float[] hidden, int rows) {
        int last = lastLinear();
        INDArray w = p.get(paramStart[last]);
        try (INDArray h = Nd4j.create(hidden, new long[] {rows, w.size(1)}, 'c');
                INDArray logits = h.mmul(w.transpose())) {
            if (((Layer.Linear) computed.layers().get(last)).bias()) logits.addiRowVector(p.get(paramStart[last] + 1));
            return Loss.softmax(logits.data().asFloat(), rows, (int) w.size(0));
        }
    }

    /** One tensor of a state dict: its name as nn.Sequential gives it ({@code 0.weight}), shape and values, PyTorch's layouts. */
    public record Tensor32(String name, int[] shape, float[] values) {}

    /**
     * The parameters as PyTorch's {@code model.parameters()} lists them, named as an {@code nn.Sequential} of the net's
     * layers names them: each layer's weight then bias, convolution weights (out, in, k…).
     */
    public synchronized List<Tensor32> pytorchParameters() {
        return pytorch(p);
    }

    /** Stored views (the parameters, or a lane's gradients) in PyTorch's layouts and names. */
    List<Tensor32> pytorch(List<INDArray> views) {
        List<Tensor32> out = new ArrayList<>();
        List<Layer> layers = net.resolved();
        for (int i = 0; i < layers.size(); i++) {
            if (paramStart[i] < 0) continue;
            int n = Ops.parameterShapes(layers.get(i)).size();
            for (int k = 0; k < n; k++) {
                INDArray v = views.get(paramStart[i] + k);
                if (k == 0 && layers.get(i) instanceof Layer.Conv) v = Layouts.convToPyTorch(v);
                out.add(new Tensor32(
                        i + (k == 0 ? ".weight" : ".bias"),
                        Arrays.stream(v.shape()).mapToInt(d -> (int) d).toArray(),
                        v.dup('c').data().asFloat()));
            }
        }
        return out;
    }

    /** BatchNorm's running means and variances, named as a state dict names them ({@code 1.running_mean}). */
    public synchronized List<Tensor32> pytorchBuffers() {
        List<Tensor32> out = new ArrayList<>();
        for (int i = 0; i < statStart.length; i++) {
            if (statStart[i] < 0) continue;
            for (int k = 0; k < 2; k++) {
                INDArray v = s.get(statStart[i] + k);
                out.add(new Tensor32(
                        i + (k == 0 ? ".running_mean" : ".running_var"),
                        new int[] {(int) v.length()},
                        v.dup('c').data().asFloat()));
            }
        }
        return out;
    }

    /** Sets the parameters from PyTorch's layouts, in {@link #pytorchParameters}'s order; the shapes must match. */
    public synchronized void loadPyTorch(List<float[]> parameters, List<float[]> buffers) {
        List<Layer> layers = net.resolved();
        int at = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (paramStart[i] < 0) continue;
            int n = Ops.parameterShapes(layers.get(i)).size();
            for (int k = 0; k < n; k++) {
                INDArray v = p.get(paramStart[i] + k);
                float[] given = parameters.get(at++);
                if (given.length != v.length())
                    throw new IllegalArgumentException(
                            "layer " + i + ": " + given.length + " values for " + v.length());
                if (k == 0 && layers.get(i) instanceof Layer.Conv) {
                    long[] torch = Layouts.convToPyTorch(v).shape();
                    v.assign(Layouts.convFromPyTorch(Nd4j.create(given, torch, 'c')));
                } else {
                    v.assign(Nd4j.create(given, v.shape(), 'c'));
                }
            }
        }
        for (int i = 0; i < buffers.size(); i++)
            s.get(i).assign(Nd4j.create(buffers.get(i), s.get(i).shape(), 'c'));
    }

    /** The parameters in the order the model file writes them (the stored layouts). */
    public synchronized float[] parameterValues() {
        return shapes.isEmpty() ? new float[0] : params.dup('c').data().asFloat();
    }

    /** BatchNorm's running means and variances, in layer order. */
    public synchronized float[] statistics() {
        return s.isEmpty() ? new float[0] : stats.dup('c').data().asFloat();
    }

    INDArray params() {
        return params;
    }

    INDArray grads() {
        return grads;
    }

    /** Frees the batch buffers now instead of whenever the garbage collector gets to them; the network reallocates them. */
    public synchronized void releaseBuffers() {
        for (List<Lane> l : lanes) l.forEach(Lane::release);
    }

    @Override
    public synchronized void close() {
        releaseBuffers();
        for (List<Lane> l : lanes)
            for (int i = 1; i < l.size(); i++) l.get(i).gradients.close();
        lanes.clear();
        plans.clear();
        for (INDArray a : new INDArray[] {params, grads, stats}) if (a.closeable()) a.close();
        optimizer.close();
    }

    /** One layer's output for one sample: its per-sample shape channels-last and its values in that order. */
    public record Activation(int layer, Layer kind, int[] shape, float[] values) {
        /** Channels of a spatial output (the last axis), or 1 for a flat one. */
        public int channels() {
            return shape.length == 1 ? 1 : shape[shape.length - 1];
        }

        /** Channel {@code c} of a 2D output as rows × cols. */
        public double[][] map(int c) {
            int h = shape[0], w = shape[1], ch = shape[2];
            double[][] m = new double[h][w];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[y][x] = values[(y * w + x) * ch + c];
            return m;
        }

        @Override
        public String toString() {
            return kind.type() + Arrays.toString(shape);
        }
    }
}
