package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;

/**
 * The command line's short form of a layer ({@code conv:out=7,k=5}): any layer written in it reads back as itself, only
 * what differs from PyTorch's defaults is written, and the name's 2d/3d suffix decides the axes over the input's.
 */
class LayerTextPropertiesTest {
    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Layer>> layers() {
        return Arbitraries.of(2, 3).flatMap(d -> anyLayer(d).map(l -> Tuple.of(d, l)));
    }

    /** Every kind, with the options the JSON form's generator leaves at their defaults varied too. */
    static Arbitrary<Layer> anyLayer(int d) {
        Arbitrary<int[]> k =
                Arbitraries.integers().between(1, 5).array(int[].class).ofSize(d);
        Arbitrary<int[]> small =
                Arbitraries.integers().between(0, 2).array(int[].class).ofSize(d);
        Arbitrary<Layer> conv = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 8),
                        k,
                        k,
                        small,
                        small.map(a -> a.clone()).map(LayerTextPropertiesTest::plusOne),
                        Arbitraries.of(true, false))
                .as((in, out, kk, ss, pp, dd, bias) -> new Layer.Conv(d, in, out, kk, ss, pp, dd, bias));
        Arbitrary<Layer> pool = Combinators.combine(
                        Arbitraries.of(PoolMode.values()), k, k, small, Arbitraries.of(true, false))
                .as((mode, kk, ss, pp, ceil) -> new Layer.Pool(d, mode, kk, ss, pp, ceil));
        Arbitrary<Layer> norm = Combinators.combine(
                        Arbitraries.of(Layer.BatchNorm.EPS, 1e-3), Arbitraries.of(Layer.BatchNorm.MOMENTUM, 0.01))
                .as((eps, m) -> new Layer.BatchNorm(d, 0, eps, m));
        Arbitrary<Layer> linear = Combinators.combine(
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(1, 20),
                        Arbitraries.of(true, false))
                .as(Layer.Linear::new);
        Arbitrary<Layer> adaptive = k.map(o -> new Layer.AdaptiveAvgPool(d, o));
        return Arbitraries.oneOf(
                conv,
                pool,
                norm,
                linear,
                adaptive,
                Arbitraries.doubles().between(0, 0.95).ofScale(3).map(Layer.Dropout::new),
                Arbitraries.of(new Layer.ReLU(), new Layer.Flatten(), new Layer.Softmax()));
    }

    private static int[] plusOne(int[] a) {
        for (int i = 0; i < a.length; i++) a[i]++;
        return a;
    }

    @Property(tries = 300)
    void everyLayerReadsBackFromItsShortForm(@ForAll("layers") Tuple.Tuple2<Integer, Layer> dl) {
        String text = LayerText.format(dl.get2());
        assertEquals(dl.get2(), LayerText.parse(text, dl.get1()), text);
    }

    /** The forms the help and the README show; what equals its default is left out. */
    @Test
    void onlyWhatDiffersFromTheDefaultsIsWritten() {
        List<Object[]> cases = List.of(
                new Object[] {
                    "conv:in=3,out=64,k=11,s=4,p=2",
                    new Layer.Conv(2, 3, 64, w(11, 11), w(4, 4), w(2, 2), w(1, 1), true)
                },
                new Object[] {
                    "conv:out=8,k=3x5,d=2,bias=false",
                    new Layer.Conv(2, 0, 8, w(3, 5), w(1, 1), w(0, 0), w(2, 2), false)
                },
                new Object[] {
                    "conv:out=4,k=3,s=1x2x1,p=0x1x0",
                    new Layer.Conv(3, 0, 4, w(3, 3, 3), w(1, 2, 1), w(0, 1, 0), w(1, 1, 1), true)
                },
                new Object[] {"maxpool:k=2", new Layer.Pool(2, PoolMode.MAX, w(2, 2), w(2, 2), w(0, 0), false)},
                new Object[] {"maxpool:k=3,s=2", new Layer.Pool(2, PoolMode.MAX, w(3, 3), w(2, 2), w(0, 0), false)},
                new Object[] {"avgpool:k=2x3,p=1,ceil", new Layer.Pool(2, PoolMode.AVG, w(2, 3), w(2, 3), w(1, 1), true)
                },
                new Object[] {"adaptiveavgpool:out=6", new Layer.AdaptiveAvgPool(2, w(6, 6))},
                new Object[] {"adaptiveavgpool:out=1x2x3", new Layer.AdaptiveAvgPool(3, w(1, 2, 3))},
                new Object[] {"batchnorm", new Layer.BatchNorm(2, 0, Layer.BatchNorm.EPS, Layer.BatchNorm.MOMENTUM)},
                new Object[] {"batchnorm:eps=0.001", new Layer.BatchNorm(2, 0, 1e-3, Layer.BatchNorm.MOMENTUM)},
                new Object[] {"batchnorm:momentum=0.2", new Layer.BatchNorm(2, 0, Layer.BatchNorm.EPS, 0.2)},
                new Object[] {"batchnorm:eps=0.001,momentum=0.2", new Layer.BatchNorm(2, 0, 1e-3, 0.2)},
                new Object[] {"dropout:p=0.25", new Layer.Dropout(0.25)},
                new Object[] {"linear:in=4,out=5,bias=false", new Layer.Linear(4, 5, false)},
                new Object[] {"linear:out=10", new Layer.Linear(0, 10, true)},
                new Object[] {"relu", new Layer.ReLU()},
                new Object[] {"flatten", new Layer.Flatten()},
                new Object[] {"softmax", new Layer.Softmax()});
        for (Object[] c : cases) {
            Layer l = (Layer) c[1];
            assertEquals(c[0], LayerText.format(l));
            int dims = l instanceof Layer.Conv conv ? conv.dims() : l instanceof Layer.AdaptiveAvgPool a ? a.dims() : 2;
            assertEquals(l, LayerText.parse((String) c[0], dims));
        }
        assertEquals(18, cases.size());
    }

    @Test
    void theNamesSuffixDecidesTheAxesAndOptionsReadAsPyTorchsDefaults() {
        assertEquals(3, ((Layer.Conv) LayerText.parse("conv3d:out=2,k=3", 2)).dims());
        assertEquals(2, ((Layer.Pool) LayerText.parse("MaxPool2d: k=2", 3)).dims());
        assertEquals(new Layer.Dropout(0.5), LayerText.parse("dropout", 2));
        assertEquals(new Layer.Dropout(0), LayerText.parse("dropout:p=0", 2));
        assertEquals(new Layer.Linear(0, 3, true), LayerText.parse(" fc:out=3 ", 2));
        assertEquals(new Layer.Linear(0, 3, false), LayerText.parse("dense:out=3,bias=no", 2));
        assertEquals(new Layer.Linear(0, 3, true), LayerText.parse("linear:out=3,bias=1", 2));
        assertEquals(
                new Layer.Pool(2, PoolMode.MAX, w(2, 2), w(2, 2), w(0, 0), true),
                LayerText.parse("maxpool:k=2,ceil", 2));
        assertEquals(
                new Layer.Pool(2, PoolMode.AVG, w(2, 2), w(1, 1), w(0, 0), false),
                LayerText.parse("pool:mode=avg,k=2,s=1,ceil=false", 2));
        assertEquals(new Layer.BatchNorm(3, 0, 2e-5, 0.3), LayerText.parse("bn:eps=2e-5,momentum=0.3", 3));
    }

    @Test
    void aLayerThatCannotBeReadIsRefusedWithItsReason() {
        String[][] refused = {
            {":out=3", "layer.unknown"},
            {"conv:out=2,k=3", "chain.needsImage"},
            {"conv:k=3", "layer.needsOption"},
            {"conv:out=2,k=3x3x3", "layer.badAxes"},
            {"conv:out=two,k=3", "layer.badNumber"},
            {"conv:out=2,k=3,,s=1", "layer.emptyOption"},
            {"conv:out=2,k=3,k=5", "layer.repeatedOption"},
            {"conv:out=2,k=3,ceil", "layer.unknownOption"},
            {"linear:out=2,bias=maybe", "layer.badFlag"},
            {"dropout:p=1", "layer.badDropout"},
            {"dropout:p=-0.1", "layer.badDropout"},
            {"dropout:p=half", "layer.badDropout"},
            {"dropout:p=1e", "layer.badDropout"},
            {"batchnorm:eps=tiny", "layer.badNumber"},
            {"batchnorm:eps=1e", "layer.badNumber"},
        };
        for (String[] r : refused) {
            int dims = r[1].equals("chain.needsImage") ? 1 : 2;
            ComputeException e = assertThrows(ComputeException.class, () -> LayerText.parse(r[0], dims), r[0]);
            assertEquals(r[1], e.problem().key(), r[0]);
        }
        ComputeException rank = assertThrows(ComputeException.class, () -> LayerText.parse("maxpool:k=2", 1));
        assertEquals(List.of("maxpool", 3), rank.problem().args(), "the rank the input had: its axes and two");
        assertEquals(15, refused.length);
    }

    private static int[] w(int... v) {
        return v;
    }
}
