package org.kernellab.ui.dropout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.kernellab.compute.Dropout;
import org.kernellab.data.Dataset;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;

/**
 * Dropout on a real layer: the course CNN's last hidden layer (128 values after ReLU) for a test image, a mask drawn for
 * p, the training-mode output (h · mask, kept values scaled by 1/(1−p)) and the evaluation output (h itself); and the
 * "committee": the classifier's answers averaged over many masks, drawing closer to the evaluation answer.
 */
public final class DropoutViewModel {
    /** Half the units of the layer dropped, as the slides' nn.Dropout(0.5). */
    public static final int DEFAULT_PERCENT = 50, MAX_PERCENT = 90, MAX_COMMITTEE = 10_000;

    /**
     * @param hidden     the layer's values (evaluation mode)
     * @param mask       this mask: 0 or 1/(1−p)
     * @param trained    hidden · mask: what the next layer sees in training
     * @param evaluation the classifier's probabilities from {@code hidden}
     * @param masked     the classifier's probabilities from {@code trained}
     * @param committee  the mean of the probabilities over {@code members} masks (empty before the first)
     * @param distance   {members, mean |committee − evaluation| over the 10 classes} after 1, 2, …, 10, 20, …, 100, 200… members
     */
    public record State(
            int index,
            int label,
            byte[] image,
            double p,
            float[] hidden,
            float[] mask,
            float[] trained,
            float[] evaluation,
            float[] masked,
            float[] committee,
            int members,
            List<double[]> distance) {
        public int dropped() {
            int n = 0;
            for (float m : mask) if (m == 0) n++;
            return n;
        }
    }

    private final IntegerProperty index = new SimpleIntegerProperty(0);

    private final IntegerProperty percent = new SimpleIntegerProperty(DEFAULT_PERCENT);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final Workbench bench;
    private final Lifetime life = new Lifetime();
    private Random rnd = new Random(1);
    private float[] sum = new float[10];
    private int members;
    private List<double[]> distance = new ArrayList<>();

    public DropoutViewModel(Workbench bench) {
        this.bench = bench;
        index.addListener(o -> restart());
        percent.addListener(o -> restart());
        life.onChange(bench.networkProperty(), n -> restart());
        life.onChange(bench.dataProperty(), d -> restart());
        restart();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public int testCount() {
        return test() == null ? 0 : test().size();
    }

    private Dataset test() {
        return bench.dataProperty().get() == null
                ? null
                : bench.dataProperty().get().test();
    }

    /** A new mask for the same image and p; the committee goes on. */
    public void newMask() {
        show(state.get(), true);
    }

    /** {@code n} more masks into the committee (its size stays under {@link #MAX_COMMITTEE}). */
    public void addMembers(int n) {
        State s = state.get();
        if (s == null) return;
        Network net = bench.networkProperty().get();
        int count = Math.min(n, MAX_COMMITTEE - members);
        if (count <= 0) return;
        int width = s.hidden().length;
        float[] rows = new float[count * width];
        for (int r = 0; r < count; r++)
            System.arraycopy(Dropout.apply(s.hidden(), Dropout.mask(width, s.p(), rnd)), 0, rows, r * width, width);
        float[] probs = net.classify(rows, count);
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < 10; c++) sum[c] += probs[r * 10 + c];
            members++;
            double d = 0;
            for (int c = 0; c < 10; c++) d += Math.abs(sum[c] / members - s.evaluation()[c]);
            if (logStep(members)) distance.add(new double[] {members, d / 10});
        }
        publish(s, s.mask(), s.trained(), s.masked());
    }

    /** 1 to 10, then every 10 to 100, every 100 to 1,000…: points evenly spread on a logarithmic axis. */
    static boolean logStep(int k) {
        int step = 1;
        while (k >= step * 10) step *= 10;
        return k % step == 0;
    }

    /** Empties the committee. */
    public void resetCommittee() {
        resetCommitteeState();
        State s = state.get();
        if (s != null) publish(s, s.mask(), s.trained(), s.masked());
    }

    /** Stops following the workbench (the page is closed). */
    public void dispose() {
        life.end();
    }

    private void restart() {
        Network net = bench.networkProperty().get();
        Dataset test = test();
        rnd = new Random(1);
        resetCommitteeState();
        if (net == null || test == null) {
            state.set(null);
            return;
        }
        int at = Math.max(0, Math.min(test.size() - 1, index.get()));
        byte[] image = Arrays.copyOfRange(test.images().pixels(), at * 784, (at + 1) * 784);
        float[] hidden = net.lastHidden(Samples.of(test), at);
        State base = new State(
                at,
                test.label(at),
                image,
                percent.get() / 100.0,
                hidden,
                null,
                null,
                net.classify(hidden, 1),
                null,
                new float[0],
                0,
                List.of());
        show(base, false);
    }

    private void show(State s, boolean keepCommittee) {
        if (s == null) return;
        Network net = bench.networkProperty().get();
        float[] mask = Dropout.mask(s.hidden().length, s.p(), rnd), trained = Dropout.apply(s.hidden(), mask);
        if (!keepCommittee) resetCommitteeState();
        publish(s, mask, trained, net.classify(trained, 1));
    }

    private void resetCommitteeState() {
        sum = new float[10];
        members = 0;
        distance = new ArrayList<>();
    }

    private void publish(State s, float[] mask, float[] trained, float[] masked) {
        float[] committee = new float[members == 0 ? 0 : 10];
        for (int c = 0; c < committee.length; c++) committee[c] = sum[c] / members;
        state.set(new State(
                s.index(),
                s.label(),
                s.image(),
                s.p(),
                s.hidden(),
                mask,
                trained,
                s.evaluation(),
                masked,
                committee,
                members,
                List.copyOf(distance)));
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public IntegerProperty percentProperty() {
        return percent;
    }
}
