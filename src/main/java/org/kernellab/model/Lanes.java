package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A {@link Network}'s plans, each with the {@link Lane}s a batch is shared among, and how many lanes a batch gets (see
 * the network's class comment).
 */
final class Lanes {
    /** Fewer samples than this per lane cost more in overhead than a second core gains. */
    private static final int MIN_PER_LANE = 8;

    private final Network network;
    private final Net computed;
    private final Parameters values;
    private final List<Plan> plans = new ArrayList<>();
    private final List<List<Lane>> lanes = new ArrayList<>();
    private int threads = 1;

    Lanes(Network network, Net computed, Parameters values) {
        this.network = network;
        this.computed = computed;
        this.values = values;
    }

    void threads(int n) {
        threads = Math.max(1, n);
    }

    int threads() {
        return threads;
    }

    /** The plan for training and evaluation ({@code fast}), or the plain one every layer's output can be read from. */
    Plan plan(boolean fast, boolean binary) {
        for (Plan pl : plans) if (pl.fast == fast && pl.binary == binary) return pl;
        Plan pl = new Plan(computed, fast, fast, fast, binary);
        for (Op op : pl.ops) op.param = op.first < values.layers.size() ? values.paramStart(op.first) : -1;
        plans.add(pl);
        lanes.add(new ArrayList<>());
        return pl;
    }

    private List<Lane> lanes(Plan pl, int count) {
        List<Lane> l = lanes.get(plans.indexOf(pl));
        while (l.size() < count) l.add(new Lane(pl, network, l.isEmpty() ? values.grads : values.grads.like()));
        return l;
    }

    /** Lanes for a batch of n: one per thread while each gets {@link #MIN_PER_LANE}, one for nets with BatchNorm. */
    private int count(int n) {
        boolean norm = computed.layers().stream().anyMatch(l -> l instanceof Layer.BatchNorm);
        return norm ? 1 : Math.max(1, Math.min(threads, n / MIN_PER_LANE));
    }

    /** Runs {@code work} on each lane over its share of samples {@code from .. from+n}, in parallel when there are several. */
    int run(Plan pl, Samples given, int[] index, int from, int n, Work work) {
        Samples data = network.seen(given);
        int count = count(n);
        List<Lane> l = lanes(pl, count);
        for (Op op : pl.ops) op.prepare(network);
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

    interface Work {
        void run(Lane lane, int laneIndex, int start);
    }

    /** With several lanes every op on this thread too runs on one core: the lanes have the cores. */
    void oneCoreWithLanes(int n, Runnable work) {
        if (count(n) > 1) Threads.onOneCore(work);
        else work.run();
    }

    /** Adds the gradients of lanes 1 .. count−1 of a plan to the first lane's, the network's. */
    void addGradients(Plan pl, int count) {
        for (int i = 1; i < count; i++) values.grads.addi(lanes(pl, count).get(i).gradients);
    }

    /** Frees the batch buffers; the lanes reallocate them. */
    void release() {
        for (List<Lane> l : lanes) l.forEach(Lane::release);
    }

    /** Frees the buffers and every lane's own gradients, and forgets the plans. */
    void close() {
        release();
        for (List<Lane> l : lanes)
            for (int i = 1; i < l.size(); i++) l.get(i).gradients.close();
        lanes.clear();
        plans.clear();
    }
}
