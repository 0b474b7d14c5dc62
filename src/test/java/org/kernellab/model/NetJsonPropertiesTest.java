package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Window;

/**
 * The JSON form round-trips: any net that fits its input, written and read back, is the same net with the same layer
 * table; and any layer sequence either makes a net or is refused with a reason, never with another exception.
 */
class NetJsonPropertiesTest {
    @Provide
    Arbitrary<List<Layer>> layers2d() {
        return layers(2).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Layer>> layers3d() {
        return layers(3).list().ofMaxSize(8);
    }

    static Arbitrary<Layer> layers(int d) {
        Arbitrary<int[]> k =
                Arbitraries.integers().between(1, 5).array(int[].class).ofSize(d);
        Arbitrary<int[]> s =
                Arbitraries.integers().between(1, 3).array(int[].class).ofSize(d);
        Arbitrary<int[]> p =
                Arbitraries.integers().between(0, 2).array(int[].class).ofSize(d);
        Arbitrary<Layer> conv = Combinators.combine(
                        Arbitraries.integers().between(1, 8), k, s, p, Arbitraries.of(true, false))
                .as((out, kk, ss, pp, bias) -> new Layer.Conv(d, 0, out, kk, ss, pp, Window.fill(d, 1), bias));
        Arbitrary<Layer> pool = Combinators.combine(
                        Arbitraries.of(PoolMode.values()), k, s, Arbitraries.of(true, false))
                .as((mode, kk, ss, ceil) -> new Layer.Pool(d, mode, kk, ss, Window.fill(d, 0), ceil));
        Arbitrary<Layer> norm = Arbitraries.of(1e-5, 1e-3).map(eps -> new Layer.BatchNorm(d, 0, eps, 0.1));
        Arbitrary<Layer> linear = Combinators.combine(
                        Arbitraries.integers().between(1, 20), Arbitraries.of(true, false))
                .as((out, bias) -> new Layer.Linear(0, out, bias));
        Arbitrary<Layer> dropout =
                Arbitraries.doubles().between(0, 0.9).ofScale(2).map(Layer.Dropout::new);
        Arbitrary<Layer> adaptive =
                Arbitraries.integers().between(1, 3).map(o -> new Layer.AdaptiveAvgPool(d, Window.fill(d, o)));
        return Arbitraries.frequencyOf(
                Tuple.of(4, conv),
                Tuple.of(3, pool),
                Tuple.of(2, norm),
                Tuple.of(3, Arbitraries.just(new Layer.ReLU())),
                Tuple.of(1, dropout),
                Tuple.of(1, adaptive),
                Tuple.of(3, Arbitraries.just(new Layer.Flatten())),
                Tuple.of(3, linear));
    }

    static Net orNull(int[] input, List<Layer> layers) {
        try {
            return Net.of(input, layers);
        } catch (ComputeException e) {
            assertFalse(e.getMessage().isBlank(), "a refusal says why");
            return null;
        }
    }

    static void roundTrip(Net net) {
        Net back = Net.fromJson(net.toJson());
        assertEquals(net, back, net.toJson());
        assertEquals(net.parameters(), back.parameters());
        List<int[]> a = new ArrayList<>(), b = new ArrayList<>();
        net.table(2).forEach(r -> a.add(r.shape()));
        back.table(2).forEach(r -> b.add(r.shape()));
        for (int i = 0; i < a.size(); i++) assertEquals(Arrays.toString(a.get(i)), Arrays.toString(b.get(i)));
    }

    @Property(tries = 400)
    void pictureNetsRoundTrip(@ForAll("layers2d") List<Layer> layers) {
        Net net = orNull(new int[] {2, 12, 10}, layers);
        Statistics.collect(net == null ? "refused" : "net");
        Assume.that(net != null);
        roundTrip(net);
    }

    @Property(tries = 200)
    void volumeNetsRoundTrip(@ForAll("layers3d") List<Layer> layers) {
        Net net = orNull(new int[] {1, 8, 7, 9}, layers);
        Statistics.collect(net == null ? "refused" : "net");
        Assume.that(net != null);
        roundTrip(net);
    }
}
