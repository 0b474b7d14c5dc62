package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.ComputeException;

/** The famous networks' summaries against torchinfo's (course notebook 002) and against counts worked out by hand. */
class ArchitecturesTest {
    static long[] column(List<LayerTable.Row> rows, ToLongFunction<LayerTable.Row> f, boolean nonZero) {
        return rows.stream().mapToLong(f).filter(v -> !nonZero || v != 0).toArray();
    }

    @Test
    void alexNetAsTorchinfoSummarisesIt() {
        List<LayerTable.Row> rows = Architectures.ALEXNET.table();
        LayerTable.Totals t = LayerTable.Totals.of(rows);
        assertEquals(61_100_840, t.parameters());
        assertArrayEquals(
                new long[] {23_296, 307_392, 663_936, 884_992, 590_080, 37_752_832, 16_781_312, 4_097_000},
                column(rows, LayerTable.Row::parameters, true));
        assertArrayEquals(new int[] {1, 64, 55, 55}, rows.get(0).shape());
        assertArrayEquals(new int[] {1, 192, 13, 13}, rows.get(5).shape());
        assertArrayEquals(new int[] {1, 256, 6, 6}, rows.get(12).shape());
        assertArrayEquals(new int[] {1, 1000}, rows.get(rows.size() - 1).shape());
        assertEquals(244.40, t.weightsMegabytes(), 0.005, "torchinfo's 'Params size (MB)'");
    }

    /** Multiply-accumulates as H'·W'·F·C·kh·kw and in·out, each worked out by hand from the layer's sizes. */
    @Test
    void alexNetMacsByHand() {
        long[] byHand = {
            55L * 55 * 64 * 3 * 11 * 11,
            27L * 27 * 192 * 64 * 5 * 5,
            13L * 13 * 384 * 192 * 3 * 3,
            13L * 13 * 256 * 384 * 3 * 3,
            13L * 13 * 256 * 256 * 3 * 3,
            9216L * 4096,
            4096L * 4096,
            4096L * 1000
        };
        List<LayerTable.Row> rows = Architectures.ALEXNET.table();
        assertArrayEquals(byHand, column(rows, LayerTable.Row::macs, true));
        long total = LayerTable.Totals.of(rows).macs();
        assertEquals(714_188_480L, total);
        // torchinfo also counts one addition per bias and output cell: 714.68 M in its "Total mult-adds"
        long biasAdds = 64L * 55 * 55 + 192L * 27 * 27 + (384L + 256 + 256) * 13 * 13 + 4096 + 4096 + 1000;
        assertEquals(714.68, (total + biasAdds) / 1e6, 0.005);
    }

    @Test
    void vgg16AsTorchinfoSummarisesIt() {
        List<LayerTable.Row> rows = Architectures.VGG16.table();
        LayerTable.Totals t = LayerTable.Totals.of(rows);
        assertEquals(138_357_544, t.parameters());
        assertArrayEquals(
                new long[] {1_792, 36_928, 73_856, 147_584},
                Arrays.copyOf(column(rows, LayerTable.Row::parameters, true), 4));
        long macs = 0;
        int side = 224, in = 3;
        for (int[] stage : new int[][] {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}}) {
            for (int i = 0; i < stage[1]; i++) {
                macs += (long) side * side * stage[0] * in * 9;
                in = stage[0];
            }
            side /= 2;
        }
        macs += 25_088L * 4096 + 4096L * 4096 + 4096L * 1000;
        assertEquals(macs, t.macs());
        assertEquals(15.47, t.macs() / 1e9, 0.005);
        assertEquals(553.43, t.weightsMegabytes(), 0.005);
        assertArrayEquals(
                new int[] {1, 512, 7, 7},
                rows.stream()
                        .filter(r -> r.layer() instanceof Layer.AdaptiveAvgPool)
                        .findFirst()
                        .orElseThrow()
                        .shape());
    }

    @Test
    void theCourseNetsAsTheAppTrainsThem() {
        assertEquals(
                59_850, LayerTable.Totals.of(Architectures.COURSE_MLP.table()).parameters());
        assertEquals(
                784L * 64 + 64 * 128 + 128 * 10,
                LayerTable.Totals.of(Architectures.COURSE_MLP.table()).macs());
        assertEquals(
                CourseNets.cnn().parameters(),
                LayerTable.Totals.of(Architectures.COURSE_CNN.table()).parameters());
        assertEquals(
                113_386, LayerTable.Totals.of(Architectures.COURSE_CNN.table()).parameters());
        assertEquals(
                26L * 26 * 32 * 9 + 11L * 11 * 32 * 32 * 9 + 800L * 128 + 128 * 10,
                LayerTable.Totals.of(Architectures.COURSE_CNN.table()).macs());
        List<LayerTable.Row> c3 = Architectures.CONV3DNET.table();
        assertEquals(104_996, LayerTable.Totals.of(c3).parameters());
        assertEquals(
                22L * 22 * 22 * 16 * 27 + 9L * 9 * 9 * 32 * 16 * 27 + 2L * 2 * 2 * 64 * 32 * 27 + 64 * 512 + 512 * 4,
                LayerTable.Totals.of(c3).macs());
    }

    @Test
    void activationMemoryIsEveryOutputInFloat32() {
        List<LayerTable.Row> rows = Architectures.COURSE_CNN.table();
        assertEquals(32L * 26 * 26 * 4, rows.get(0).activationBytes());
        assertEquals(
                rows.stream()
                        .mapToLong(r -> Arrays.stream(r.shape()).asLongStream().reduce(1, (a, b) -> a * b) * 4)
                        .sum(),
                LayerTable.Totals.of(rows).activationBytes());
    }

    @Test
    void aPictureOfAnotherSizeGoesThroughUntilALayerBuiltForOneSize() {
        // the adaptive pooling brings any large enough picture to 6x6, so the dense layers still fit
        assertEquals(
                61_100_840,
                LayerTable.Totals.of(Architectures.ALEXNET
                                .net()
                                .withInput(new int[] {3, 320, 320})
                                .table(1))
                        .parameters());
        ComputeException grey = assertThrows(
                ComputeException.class,
                () -> Architectures.ALEXNET
                        .net()
                        .withInput(new int[] {1, 224, 224})
                        .table(1));
        assertTrue(
                grey.problem().english().contains("built for 3 input channels or features but gets 1"),
                grey.problem().english());
        ComputeException tiny = assertThrows(
                ComputeException.class,
                () -> Architectures.ALEXNET
                        .net()
                        .withInput(new int[] {3, 32, 32})
                        .table(1));
        assertTrue(
                tiny.problem()
                        .english()
                        .startsWith("layer 13 (maxpool:k=3,s=2 on (1, 256, 1, 1)): kernel 3 spans 3 cells"),
                "the layer and the shape it was given: " + tiny.problem().english());
        assertThrows(ComputeException.class, () -> Architectures.of("resnet"));
        assertEquals(Architectures.VGG16, Architectures.of(" VGG16 "));
    }

    /** The slides' argument: a dense layer of 1,000 units on a 1000x1000 colour picture needs 3 billion weights. */
    @Test
    void theSlidesDenseLayerOnAMegapixelPicture() {
        // 12 GB in float32 before a second layer
        assertEquals(12_000, 3_000_000_000L * LayerTable.BYTES_PER_VALUE / 1_000_000);
        List<LayerTable.Row> dense = Net.of(
                        new int[] {3, 1000, 1000},
                        List.of(LayerText.parse("flatten", 2), LayerText.parse("linear:out=1000", 2)))
                .table(1);
        assertEquals(3_000_000_000L + 1000, dense.get(1).parameters());
        List<LayerTable.Row> conv = Net.of(
                        new int[] {3, 1000, 1000}, List.of(LayerText.parse("conv:out=64,k=3,p=1", 2)))
                .table(1);
        assertEquals(64 * 3 * 9 + 64, conv.get(0).parameters());
    }

    /** Lesson 16's figures: where the weights are (dense layers) and where the compute is (convolutions). */
    @Test
    void theWeightsAreInTheDenseLayersAndTheComputeInTheConvolutions() {
        assertEquals(95.96, share(Architectures.ALEXNET, Layer.Linear.class, LayerTable.Row::parameters), 0.005);
        assertEquals(89.36, share(Architectures.VGG16, Layer.Linear.class, LayerTable.Row::parameters), 0.005);
        assertEquals(91.79, share(Architectures.ALEXNET, Layer.Conv.class, LayerTable.Row::macs), 0.005);
        assertEquals(99.2, share(Architectures.VGG16, Layer.Conv.class, LayerTable.Row::macs), 0.05);
        assertEquals(
                22,
                Math.round(LayerTable.Totals.of(Architectures.VGG16.table()).macs()
                        / (double) LayerTable.Totals.of(Architectures.ALEXNET.table())
                                .macs()));
        assertEquals(
                102_528,
                Architectures.COURSE_CNN.table().stream()
                        .filter(r -> r.layer() instanceof Layer.Linear)
                        .findFirst()
                        .orElseThrow()
                        .parameters());
        assertArrayEquals(new int[] {224, 55, 27, 13, 6}, sides(Architectures.ALEXNET));
        assertArrayEquals(new int[] {224, 112, 56, 28, 14, 7}, sides(Architectures.VGG16));
    }

    private static double share(
            Architectures.Architecture a, Class<? extends Layer> kind, ToLongFunction<LayerTable.Row> f) {
        List<LayerTable.Row> rows = a.table();
        return 100.0
                * rows.stream()
                        .filter(r -> kind.isInstance(r.layer()))
                        .mapToLong(f)
                        .sum()
                / rows.stream().mapToLong(f).sum();
    }

    /** The picture's side after each layer, each value once, in order. */
    private static int[] sides(Architectures.Architecture a) {
        LinkedHashSet<Integer> s = new LinkedHashSet<>(List.of(a.input()[2]));
        for (LayerTable.Row r : a.table()) if (r.shape().length == 4) s.add(r.shape()[3]);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Receptive fields: how many input pixels one value depends on, layer by layer (11, 19, 51, 67, 99, 131, 163, 195 for AlexNet). */
    @Test
    void receptiveFields() {
        assertArrayEquals(
                new int[] {3, 3, 4, 8, 8, 10},
                fields(Architectures.COURSE_CNN, 6),
                "course CNN: conv, ReLU, pool, conv, ReLU, pool");
        assertTrue(Architectures.COURSE_CNN.table().get(7).field().whole(), "the dense layers see the whole picture");
        int[] alex = fields(Architectures.ALEXNET, 13);
        assertArrayEquals(new int[] {11, 11, 19, 51, 51, 67, 99, 99, 131, 131, 163, 163, 195}, alex);
        assertArrayEquals(
                new int[] {4, 4, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 32},
                Architectures.ALEXNET.table().stream()
                        .limit(13)
                        .mapToInt(r -> r.field().jump()[0])
                        .toArray(),
                "jumps: the strides multiplied");
        List<LayerTable.Row> vgg = Architectures.VGG16.table();
        assertEquals(
                212,
                vgg.stream()
                        .filter(r -> r.layer() instanceof Layer.Pool)
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .field()
                        .size()[0]);
    }

    private static int[] fields(Architectures.Architecture a, int n) {
        return a.table().stream().limit(n).mapToInt(r -> r.field().size()[0]).toArray();
    }
}
