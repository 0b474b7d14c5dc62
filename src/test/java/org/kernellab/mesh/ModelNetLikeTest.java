package org.kernellab.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stand-in objects, measured: each class's outline worked out from its description (the sizes it draws, in the order
 * it draws them), the parts' surfaces from the formulas for a box's and a prism's area, the turn, the noise, and how
 * often a part goes missing or a stray box appears.
 */
class ModelNetLikeTest {
    private static final double EPS = 1e-5;

    /** The draws an object makes, replayed: the same seed gives the same sizes. */
    private static final class Sizes {
        private final Random r;

        Sizes(long seed) {
            r = new Random(seed);
        }

        double u(double lo, double hi) {
            return lo + (hi - lo) * r.nextDouble();
        }
    }

    /** {min x, min y, min z, max x, max y, max z, parts} of class c drawn from {@code seed}, from its description. */
    private static double[] expected(int c, long seed) {
        Sizes d = new Sizes(seed);
        switch (c) {
            case 0 -> { // floor and four walls 0.06 thick, walls as high as the tub
                double l = d.u(1.5, 2.0), w = d.u(0.7, 0.9), h = d.u(0.45, 0.6), t = 0.06;
                return new double[] {-(l + t) / 2, -(w + t) / 2, 0, (l + t) / 2, (w + t) / 2, h, 5};
            }
            case 1 -> { // mattress, a headboard 0.08 thick centred on the foot end at -l/2, four legs inside
                double l = d.u(1.9, 2.2), w = d.u(1.0, 1.7), h = d.u(0.4, 0.55), head = d.u(0.4, 0.7);
                return new double[] {-l / 2 - 0.04, -w / 2, 0, l / 2, w / 2, h + head, 6};
            }
            case 2 -> { // seat w × d on legs; the back, 0.04 thick, spans w along y at x = -d/2
                double w = d.u(0.4, 0.55), dd = d.u(0.4, 0.55), seat = d.u(0.4, 0.5), back = d.u(0.4, 0.6);
                double y = Math.max(w, dd) / 2;
                return new double[] {-Math.max(w, dd) / 2, -y, 0, w / 2, y, seat + back, 6};
            }
            case 3 -> { // top, pedestal and side panel all under the top
                double l = d.u(1.1, 1.6), w = d.u(0.55, 0.8), h = d.u(0.7, 0.78);
                return new double[] {-l / 2, -w / 2, 0, l / 2, w / 2, h, 3};
            }
            case 4 -> { // a chest on a 0.05 plinth gap, drawer fronts 0.02 proud of its front
                double w = d.u(0.8, 1.3), dd = d.u(0.4, 0.55), h = d.u(0.8, 1.3);
                int drawers = 3 + d.r.nextInt(3);
                return new double[] {-dd / 2, -w / 2, 0.05, dd / 2 + 0.02, w / 2, h + 0.05, 1 + drawers};
            }
            case 5 -> { // a 0.2 foot, a neck, the screen on top
                double w = d.u(0.45, 0.75), h = d.u(0.3, 0.45), neck = d.u(0.08, 0.18);
                return new double[] {-0.1, -w / 2, 0, 0.1, w / 2, 0.02 + neck + h, 3};
            }
            case 6 -> { // a top overhanging by 0.02 all round, at the stand's height
                double w = d.u(0.4, 0.55), dd = d.u(0.35, 0.45), h = d.u(0.45, 0.65);
                return new double[] {-dd / 2 - 0.02, -w / 2 - 0.02, 0, dd / 2 + 0.02, w / 2 + 0.02, h, 7};
            }
            case 7 -> { // seat, back above it, arms inside its length
                double l = d.u(1.7, 2.3), dd = d.u(0.8, 0.95), seat = d.u(0.35, 0.45);
                d.u(0.15, 0.25); // the arms' width
                double back = d.u(0.35, 0.5);
                return new double[] {-dd / 2, -l / 2, 0, dd / 2, l / 2, seat + back, 4};
            }
            case 8 -> { // four legs under a top, or a round top of 24 sides on a column
                double h = d.u(0.68, 0.78);
                if (d.r.nextBoolean()) {
                    double l = d.u(1.0, 1.8), w = d.u(0.7, 1.0);
                    return new double[] {-l / 2, -w / 2, 0, l / 2, w / 2, h, 5};
                }
                double rad = d.u(0.4, 0.6);
                return new double[] {-rad, -rad, 0, rad, rad, h, 3};
            }
            default -> { // a bowl of 16 sides, a seat 1.15 times as wide, a tank 0.18 deep behind it
                double bowl = d.u(0.17, 0.22), h = d.u(0.38, 0.45), tank = d.u(0.35, 0.45), tall = d.u(0.3, 0.4);
                double y = Math.max(1.15 * bowl, tank / 2);
                return new double[] {-bowl - 0.17, -y, 0, 1.15 * bowl, y, 0.6 * h + tall, 3};
            }
        }
    }

    private static double[] bounds(Shapes3d s) {
        double[] b = {1e9, 1e9, 1e9, -1e9, -1e9, -1e9};
        for (float[] v : s.vertices) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], v[a]);
                b[a + 3] = Math.max(b[a + 3], v[a]);
            }
        }
        return b;
    }

    @Test
    void everyClassHasTheOutlineAndPartsItsDescriptionGives() {
        int compared = 0;
        for (int c = 0; c < ModelNetLike.CLASSES.size(); c++) {
            for (long seed = 0; seed < 40; seed++) {
                Shapes3d s = ModelNetLike.parts(c, new Random(seed));
                double[] want = expected(c, seed), got = bounds(s);
                String what = ModelNetLike.CLASSES.get(c) + " from seed " + seed;
                for (int a = 0; a < 6; a++) assertEquals(want[a], got[a], EPS, what + ", bound " + a);
                assertEquals((int) want[6], s.parts(), what + ": parts");
                compared++;
            }
        }
        assertEquals(400, compared);
    }

    @Test
    void theDrawersOfADresserAreEvenlySpacedOnItsFront() {
        Shapes3d s = ModelNetLike.parts(4, new Random(3));
        Sizes d = new Sizes(3);
        double w = d.u(0.8, 1.3), dd = d.u(0.4, 0.55), h = d.u(0.8, 1.3);
        int drawers = 3 + d.r.nextInt(3);
        for (int i = 0; i < drawers; i++) {
            float[] corner = s.vertices.get(8 * (i + 1)); // each box's first corner: its lowest x, y and z
            assertEquals(dd / 2, corner[0], EPS);
            assertEquals(-0.45 * w, corner[1], EPS);
            assertEquals(0.1 + i * (h - 0.1) / drawers, corner[2], EPS);
        }
    }

    private static double totalArea(Mesh m) {
        double a = 0;
        for (int t = 0; t < m.triangleCount(); t++) a += m.area(t);
        return a;
    }

    @Test
    void aBoxAndAPrismHaveTheSurfacesOfTheirFormulas() {
        Mesh box = new Shapes3d().box(1, 2, 3, 0.5, 2, 4).build(0, 0, new Random(1));
        assertEquals(6, box.faces());
        assertEquals(12, box.triangleCount());
        assertEquals(2 * (0.5 * 2 + 2 * 4 + 4 * 0.5), totalArea(box), 1e-5);
        assertArrayEquals(new float[] {0.75f, 1, 3, 1.25f, 3, 7}, box.bounds(), 1e-6f);
        for (int sides : new int[] {3, 8, 24}) {
            double r = 0.7, h = 1.3;
            Mesh prism = new Shapes3d().cylinder(0, 0, 0, r, h, sides).build(0, 0, new Random(1));
            assertEquals(sides + 2, prism.faces());
            assertEquals(2 * (sides - 2) + 2 * sides, prism.triangleCount());
            double ends = 2 * sides / 2.0 * r * r * Math.sin(2 * Math.PI / sides),
                    walls = sides * 2 * r * Math.sin(Math.PI / sides) * h;
            assertEquals(ends + walls, totalArea(prism), 1e-4, sides + " sides");
        }
    }

    @Test
    void buildingTurnsAboutTheVerticalAxisAndAddsNoiseOfTheGivenSize() {
        Shapes3d s = new Shapes3d().box(1, 0.5, 0.2, 1, 2, 3);
        double angle = 0.3, c = Math.cos(angle), sn = Math.sin(angle);
        float[] turned = s.build(angle, 0, new Random(1)).vertices();
        for (int i = 0; i < s.vertices.size(); i++) {
            float[] p = s.vertices.get(i);
            assertEquals(c * p[0] - sn * p[1], turned[3 * i], EPS);
            assertEquals(sn * p[0] + c * p[1], turned[3 * i + 1], EPS);
            assertEquals(p[2], turned[3 * i + 2], EPS);
        }
        Shapes3d many = new Shapes3d();
        for (int i = 0; i < 500; i++) many.box(0, 0, 0, 1, 1, 1);
        float[] exact = many.build(0, 0, new Random(1)).vertices(),
                noisy = many.build(0, 0.05, new Random(1)).vertices();
        double sum = 0, squares = 0;
        for (int i = 0; i < exact.length; i++) {
            double e = noisy[i] - exact[i];
            sum += e;
            squares += e * e;
        }
        int n = exact.length; // 12,000 draws: the mean within 5 of its standard errors, the spread within 5%
        assertEquals(0, sum / n, 5 * 0.05 / Math.sqrt(n));
        assertEquals(0.05, Math.sqrt(squares / n), 0.0025);
    }

    @Test
    void droppingAPartRemovesItsFacesAndKeepsTheOthersDroppable() {
        Shapes3d s =
                new Shapes3d().box(0, 0, 0, 1, 1, 1).cylinder(5, 5, 0, 1, 1, 8).box(9, 9, 0, 1, 1, 1);
        assertEquals(3, s.parts());
        assertEquals(6 + 10 + 6, s.faces.size());
        s.drop(1);
        assertEquals(2, s.parts());
        assertEquals(12, s.faces.size());
        s.drop(1); // the last box, now part 1
        assertEquals(1, s.parts());
        assertEquals(6, s.faces.size());
        for (int[] f : s.faces) for (int v : f) assertTrue(v < 8, "only the first box's corners are left: " + v);
    }

    @Test
    void aFifthOfObjectsLoseAPartAndAThirdGainAStrayBox() {
        // a bathtub is 5 boxes, 30 faces: 24 with a part lost (0.2 · 0.7 of objects), 36 with a stray box (0.8 · 0.3),
        // 30 otherwise (0.8 · 0.7 + 0.2 · 0.3)
        int n = 600;
        int[] seen = new int[3];
        for (int i = 0; i < n; i++) {
            int faces = ModelNetLike.make(0, 7, i).faces();
            assertTrue(faces == 24 || faces == 30 || faces == 36, "faces " + faces);
            seen[(faces - 24) / 6]++;
        }
        double[] p = {0.14, 0.62, 0.24};
        for (int k = 0; k < 3; k++) {
            double sd = Math.sqrt(n * p[k] * (1 - p[k]));
            assertEquals(n * p[k], seen[k], 5 * sd, (24 + 6 * k) + " faces");
        }
    }
}
