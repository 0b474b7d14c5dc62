package org.kernellab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kernellab.i18n.Numbers;
import org.kernellab.model.Architectures;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.LayerTable;
import org.kernellab.model.Net;

/**
 * The figures the lessons quote, worked out here from the nets they describe and looked for in both languages' texts:
 * a change to a net that the text does not follow fails here. (Trained figures are checked where they are trained:
 * lesson 18 in DropoutViewModelTest, lessons 12 and 20 in TrainedFiguresTest.)
 */
class LessonFiguresTest {
    private static final Catalog CATALOG = LessonLoader.load(LessonLoaderTest.VIEWS, List.of());
    private int checked;

    static String text(String lesson, String language) {
        return CATALOG.lessons().stream()
                .filter(l -> l.id().equals(lesson))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lesson " + lesson))
                .texts()
                .get(language);
    }

    /** Both texts quote {@code count} with their language's digit grouping: 113,386 and 113.386. */
    void quotesCount(String lesson, long count) {
        quotes(lesson, Numbers.ENGLISH.grouped(count), Numbers.SPANISH.grouped(count));
    }

    /** Both texts quote {@code fraction} as a percentage with {@code decimals} decimals: 95.96% and 95,96 %. */
    void quotesPercent(String lesson, double fraction, int decimals) {
        String v = String.format(Locale.ROOT, "%." + decimals + "f", 100 * fraction);
        quotes(lesson, v + "%", v.replace('.', ',') + " %");
    }

    void quotes(String lesson, String english, String spanish) {
        assertTrue(text(lesson, "en").contains(english), lesson + " (en) should say " + english);
        assertTrue(text(lesson, "es").contains(spanish), lesson + " (es) should say " + spanish);
        checked++;
    }

    static long parameters(Net net) {
        return net.parameters();
    }

    /** Lesson 12: one block of 32 filters, and three. */
    @Test
    void theArchitectureExercisesParameters() {
        quotesCount("exercise-architecture", parameters(CourseNets.cnn(32, 1, 0, CourseNets.DropoutAt.HIDDEN)));
        quotesCount("exercise-architecture", parameters(CourseNets.cnn(32, 3, 0, CourseNets.DropoutAt.HIDDEN)));
        quotes("exercise-architecture", "32 \\cdot 13 \\cdot 13 = 5408", "32 \\cdot 13 \\cdot 13 = 5408");
        assertEquals(32 * 13 * 13, flattened(CourseNets.cnn(32, 1, 0, CourseNets.DropoutAt.HIDDEN)));
        assertEquals(3, checked);
    }

    /** Lesson 15: the modified 3D net with 4 classes, and its dense layer. */
    @Test
    void theModified3dNetsParameters() {
        Net net = CourseNets.conv3d(CourseNets.modified3d(), 24, 4, 0.5);
        quotesCount("train3d", parameters(net));
        List<LayerTable.Row> rows = net.table(1);
        long firstDense = rows.stream()
                .filter(r -> r.layer() instanceof Layer.Linear)
                .findFirst()
                .orElseThrow()
                .parameters();
        quotesCount("train3d", firstDense);
        assertEquals(128L * 4 * 4 * 4 * 512 + 512, firstDense, "8192 numbers in, 512 out");
        assertEquals(2, checked);
    }

    /** Lesson 16: AlexNet's and VGG16's counts, and where their weights and their work are. */
    @Test
    void theFamousNetsShares() {
        for (Architectures.Architecture a : List.of(Architectures.ALEXNET, Architectures.VGG16)) {
            List<LayerTable.Row> rows = a.table();
            LayerTable.Totals t = LayerTable.Totals.of(rows);
            quotesCount("famous-networks", t.parameters());
            long dense = 0, convMacs = 0;
            for (LayerTable.Row r : rows) {
                if (r.layer() instanceof Layer.Linear) dense += r.parameters();
                if (r.layer() instanceof Layer.Conv) convMacs += r.macs();
            }
            quotesPercent("famous-networks", dense / (double) t.parameters(), 2);
            quotesPercent("famous-networks", convMacs / (double) t.macs(), a == Architectures.ALEXNET ? 2 : 1);
        }
        quotesCount(
                "famous-networks",
                LayerTable.Totals.of(Architectures.ALEXNET.table()).macs());
        long vgg = LayerTable.Totals.of(Architectures.VGG16.table()).macs();
        String billions = String.format(Locale.ROOT, "%.2f", vgg / 1e9);
        quotes("famous-networks", billions + " billion", billions.replace('.', ',') + " mil millones");
        long times = Math.round(vgg
                / (double) LayerTable.Totals.of(Architectures.ALEXNET.table()).macs());
        quotes("famous-networks", "about\n" + times + " times", "unas " + times + " veces");
        assertEquals(9, checked);
    }

    private static long flattened(Net net) {
        return net.resolved().stream()
                .filter(l -> l instanceof Layer.Linear)
                .mapToLong(l -> ((Layer.Linear) l).in())
                .findFirst()
                .orElseThrow();
    }
}
