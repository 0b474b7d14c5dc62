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
    /** The most masks a student (or a scene) draws in turn for one image. */
    public static final int MAX_MASK = 10_000;

    private static final long MASK_SEED = 1, COMMITTEE_SEED = 2;

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
    /** Which mask is shown (0: the first drawn for the image and p) and how many masks the committee has. */
    private final IntegerProperty mask = new SimpleIntegerProperty(0), committeeSize = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final Workbench bench;
    private final Lifetime life = new Lifetime();
    /** The masks shown and the committee's, each from its own seed, so that a mask's number and a size say what they are. */
    private Random masks = new Random(MASK_SEED), members = new Random(COMMITTEE_SEED);

    private float[] sum = new float[10];
    private List<double[]> distance = new ArrayList<>();
    /** The state without a mask: the image's layer and the net's answer; null while there is no net or no data. */
    private State base;
    /** Set while the view-model moves its own mask or committee on, which then need no drawing afresh. */
    private boolean stepping;

    public DropoutViewModel(Workbench bench) {
        this.bench = bench;
        index.addListener(o -> fresh());
        percent.addListener(o -> fresh());
        mask.addListener((o, a, b) -> {
            if (!stepping) show();
        });
        committeeSize.addListener((o, a, b) -> {
            if (!stepping) show();
        });
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
        if (base == null || mask.get() >= MAX_MASK) return;
        State s = state.get();
        float[] m = Dropout.mask(base.hidden().length, base.p(), masks), trained = Dropout.apply(base.hidden(), m);
        stepping = true;
        mask.set(mask.get() + 1);
        stepping = false;
        publish(m, trained, bench.networkProperty().get().classify(trained, 1), s.committee());
    }

    /** {@code n} more masks into the committee (its size stays under {@link #MAX_COMMITTEE}). */
    public void addMembers(int n) {
        State s = state.get();
        if (s == null) return;
        int count = Math.min(n, MAX_COMMITTEE - committeeSize.get());
        if (count <= 0) return;
        stepping = true;
        committeeSize.set(committeeSize.get() + count);
        stepping = false;
        publish(s.mask(), s.trained(), s.masked(), grow(count));
    }

    /** {@code count} more members drawn, their answers summed and the distance noted; the committee's mean. */
    private float[] grow(int count) {
        int width = base.hidden().length, before = committeeSize.get() - count;
        float[] rows = new float[count * width];
        for (int r = 0; r < count; r++)
            System.arraycopy(
                    Dropout.apply(base.hidden(), Dropout.mask(width, base.p(), members)), 0, rows, r * width, width);
        float[] probs = bench.networkProperty().get().classify(rows, count);
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < 10; c++) sum[c] += probs[r * 10 + c];
            int k = before + r + 1;
            double d = 0;
            for (int c = 0; c < 10; c++) d += Math.abs(sum[c] / k - base.evaluation()[c]);
            if (logStep(k)) distance.add(new double[] {k, d / 10});
        }
        float[] committee = new float[10];
        for (int c = 0; c < 10; c++) committee[c] = sum[c] / committeeSize.get();
        return committee;
    }

    /** 1 to 10, then every 10 to 100, every 100 to 1,000…: points evenly spread on a logarithmic axis. */
    static boolean logStep(int k) {
        int step = 1;
        while (k >= step * 10) step *= 10;
        return k % step == 0;
    }

    /** Empties the committee. */
    public void resetCommittee() {
        committeeSize.set(0);
    }

    /** Stops following the workbench (the page is closed). */
    public void dispose() {
        life.end();
    }

    /** Another image or p: its first mask, and no committee. */
    private void fresh() {
        stepping = true;
        mask.set(0);
        committeeSize.set(0);
        stepping = false;
        restart();
    }

    /** The image's layer and the net's answer again (another net or data), with the mask and the committee as they were. */
    private void restart() {
        Network net = bench.networkProperty().get();
        Dataset test = test();
        if (net == null || test == null) {
            base = null;
            state.set(null);
            return;
        }
        int at = Math.max(0, Math.min(test.size() - 1, index.get()));
        byte[] image = Arrays.copyOfRange(test.images().pixels(), at * 784, (at + 1) * 784);
        float[] hidden = net.lastHidden(Samples.of(test), at);
        base = new State(
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
        show();
    }

    /** Mask number {@link #maskProperty} and a committee of {@link #committeeProperty} masks, each drawn from its seed. */
    private void show() {
        if (base == null) return;
        Network net = bench.networkProperty().get();
        masks = new Random(MASK_SEED);
        float[] m = null;
        for (int k = 0; k <= mask.get(); k++) m = Dropout.mask(base.hidden().length, base.p(), masks);
        float[] trained = Dropout.apply(base.hidden(), m);
        members = new Random(COMMITTEE_SEED);
        sum = new float[10];
        distance = new ArrayList<>();
        float[] committee = committeeSize.get() == 0 ? new float[0] : grow(committeeSize.get());
        publish(m, trained, net.classify(trained, 1), committee);
    }

    private void publish(float[] mask, float[] trained, float[] masked, float[] committee) {
        State s = base;
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
                committeeSize.get(),
                List.copyOf(distance)));
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public IntegerProperty percentProperty() {
        return percent;
    }

    /** Which mask is shown: 0 for the first drawn for the image and p, one more for each new mask. */
    public IntegerProperty maskProperty() {
        return mask;
    }

    /** How many masks the committee has, from 0 to {@link #MAX_COMMITTEE}. */
    public IntegerProperty committeeProperty() {
        return committeeSize;
    }
}
