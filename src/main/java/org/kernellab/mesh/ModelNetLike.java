package org.kernellab.mesh;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.kernellab.data.DataException;

/**
 * Stand-ins for ModelNet10, which cannot be downloaded here: its ten classes built from boxes and cylinders with random
 * proportions, turned about the vertical axis and slightly noisy, the same for the same seed. They are written as OFF
 * files in ModelNet's layout ({@code CLASS/train/*.off}, {@code CLASS/test/*.off}) and read back like the real set.
 */
public final class ModelNetLike {
    /** ModelNet10's classes, in its folders' (alphabetical) order. */
    public static final List<String> CLASSES =
            List.of("bathtub", "bed", "chair", "desk", "dresser", "monitor", "night_stand", "sofa", "table", "toilet");

    private ModelNetLike() {}

    /** Object {@code index} of class {@code c} (0–9) for this seed. */
    public static Mesh make(int c, long seed, int index) {
        Random r = new Random(seed * 1_000_003L + c * 10_007L + index);
        Shapes3d s = parts(c, r);
        // what makes real objects hard to tell apart: a missing part, something else in the scan, uneven proportions
        if (s.parts() > 2 && r.nextDouble() < 0.2) s.drop(r.nextInt(s.parts()));
        if (r.nextDouble() < 0.3)
            s.box(u(r, -0.6, 0.6), u(r, -0.6, 0.6), u(r, 0, 0.5), u(r, 0.1, 0.5), u(r, 0.1, 0.5), u(r, 0.05, 0.4));
        return s.build(r.nextDouble() * 2 * Math.PI, 0.01, r);
    }

    /** The parts of an object of class {@code c}, upright, centred on the vertical axis, in metres. */
    static Shapes3d parts(int c, Random r) {
        Shapes3d s = new Shapes3d();
        switch (c) {
            case 0 -> bathtub(s, r);
            case 1 -> bed(s, r);
            case 2 -> chair(s, r);
            case 3 -> desk(s, r);
            case 4 -> dresser(s, r);
            case 5 -> monitor(s, r);
            case 6 -> nightStand(s, r);
            case 7 -> sofa(s, r);
            case 8 -> table(s, r);
            default -> toilet(s, r);
        }
        return s;
    }

    /** Bathtub: an open box, walls around a floor. */
    private static void bathtub(Shapes3d s, Random r) {
        double l = u(r, 1.5, 2.0), w = u(r, 0.7, 0.9), h = u(r, 0.45, 0.6), t = 0.06;
        s.box(0, 0, 0, l, w, t)
                .box(0, -w / 2, 0, l, t, h)
                .box(0, w / 2, 0, l, t, h)
                .box(-l / 2, 0, 0, t, w, h)
                .box(l / 2, 0, 0, t, w, h);
    }

    /** Bed: a mattress on a frame, a headboard at one end. */
    private static void bed(Shapes3d s, Random r) {
        double l = u(r, 1.9, 2.2), w = u(r, 1.0, 1.7), h = u(r, 0.4, 0.55);
        s.box(0, 0, 0.1, l, w, h - 0.1).box(-l / 2, 0, 0, 0.08, w, h + u(r, 0.4, 0.7));
        legs(s, l - 0.1, w - 0.1, 0.1, 0.06);
    }

    /** Chair: a seat on four legs, a back. */
    private static void chair(Shapes3d s, Random r) {
        double w = u(r, 0.4, 0.55), d = u(r, 0.4, 0.55), seat = u(r, 0.4, 0.5);
        legs(s, w - 0.04, d - 0.04, seat, 0.04);
        s.box(0, 0, seat, w, d, 0.05).box(-d / 2 + 0.02, 0, seat, 0.04, w, u(r, 0.4, 0.6));
    }

    /** Desk: a top on a pedestal of drawers and a side panel. */
    private static void desk(Shapes3d s, Random r) {
        double l = u(r, 1.1, 1.6), w = u(r, 0.55, 0.8), h = u(r, 0.7, 0.78), p = u(r, 0.35, 0.45);
        s.box(0, 0, h - 0.04, l, w, 0.04)
                .box(l / 2 - p / 2, 0, 0, p, w - 0.04, h - 0.04)
                .box(-l / 2 + 0.03, 0, 0, 0.04, w - 0.04, h - 0.04);
    }

    /** Dresser: a tall chest with drawer fronts. */
    private static void dresser(Shapes3d s, Random r) {
        double w = u(r, 0.8, 1.3), d = u(r, 0.4, 0.55), h = u(r, 0.8, 1.3);
        s.box(0, 0, 0.05, d, w, h);
        int drawers = 3 + r.nextInt(3);
        for (int i = 0; i < drawers; i++)
            s.box(d / 2 + 0.01, 0, 0.1 + i * (h - 0.1) / drawers, 0.02, w * 0.9, (h - 0.1) / drawers * 0.85);
    }

    /** Monitor: a thin screen on a neck and a foot. */
    private static void monitor(Shapes3d s, Random r) {
        double w = u(r, 0.45, 0.75), h = u(r, 0.3, 0.45), neck = u(r, 0.08, 0.18);
        s.box(0, 0, 0, 0.2, u(r, 0.2, 0.3), 0.02)
                .box(0, 0, 0.02, 0.04, 0.06, neck)
                .box(0, 0, 0.02 + neck, 0.04, w, h);
    }

    /** Night stand: a small cabinet, a drawer, a top that overhangs. */
    private static void nightStand(Shapes3d s, Random r) {
        double w = u(r, 0.4, 0.55), d = u(r, 0.35, 0.45), h = u(r, 0.45, 0.65);
        s.box(0, 0, 0.04, d, w, h - 0.07)
                .box(0, 0, h - 0.03, d + 0.04, w + 0.04, 0.03)
                .box(d / 2 + 0.01, 0, h * 0.6, 0.02, w * 0.85, h * 0.25);
        legs(s, d - 0.04, w - 0.04, 0.04, 0.04);
    }

    /** Sofa: a long seat, a back and two arms. */
    private static void sofa(Shapes3d s, Random r) {
        double l = u(r, 1.7, 2.3), d = u(r, 0.8, 0.95), seat = u(r, 0.35, 0.45), arm = u(r, 0.15, 0.25);
        s.box(0, 0, 0, d, l, seat)
                .box(-d / 2 + 0.1, 0, seat, 0.2, l, u(r, 0.35, 0.5))
                .box(0, -l / 2 + arm / 2, seat, d, arm, 0.2)
                .box(0, l / 2 - arm / 2, seat, d, arm, 0.2);
    }

    /** Table: a top on four legs, or a round top on a column. */
    private static void table(Shapes3d s, Random r) {
        double h = u(r, 0.68, 0.78);
        if (r.nextBoolean()) {
            double l = u(r, 1.0, 1.8), w = u(r, 0.7, 1.0);
            legs(s, l - 0.1, w - 0.1, h - 0.04, 0.05);
            s.box(0, 0, h - 0.04, l, w, 0.04);
        } else {
            double rad = u(r, 0.4, 0.6);
            s.cylinder(0, 0, 0, rad * 0.5, 0.03, 16)
                    .cylinder(0, 0, 0.03, 0.05, h - 0.07, 10)
                    .cylinder(0, 0, h - 0.04, rad, 0.04, 24);
        }
    }

    /** Toilet: a bowl, a seat, a tank behind. */
    private static void toilet(Shapes3d s, Random r) {
        double bowl = u(r, 0.17, 0.22), h = u(r, 0.38, 0.45);
        s.cylinder(0, 0, 0, bowl, h - 0.03, 16)
                .cylinder(0, 0, h - 0.03, bowl * 1.15, 0.03, 16)
                .box(-bowl - 0.08, 0, h * 0.6, 0.18, u(r, 0.35, 0.45), u(r, 0.3, 0.4));
    }

    private static double u(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Four legs of side t and height h at the corners of a w × d rectangle. */
    private static void legs(Shapes3d s, double w, double d, double h, double t) {
        for (int i = 0; i < 4; i++) s.box(((i & 1) == 0 ? -w : w) / 2, ((i & 2) == 0 ? -d : d) / 2, 0, t, t, h);
    }

    /**
     * Writes {@code perClass} training and {@code max(1, perClass / 4)} test objects of every class under {@code dir},
     * as ModelNet lays them out; returns the number of files written.
     */
    public static int write(Path dir, int perClass, long seed) throws DataException {
        int files = 0;
        for (int c = 0; c < CLASSES.size(); c++) {
            String name = CLASSES.get(c);
            for (String part : new String[] {"train", "test"}) {
                int n = part.equals("train") ? perClass : Math.max(1, perClass / 4);
                Path folder = dir.resolve(name).resolve(part);
                try {
                    Files.createDirectories(folder);
                    for (int i = 0; i < n; i++) {
                        int index = part.equals("train") ? i : perClass + i; // test objects differ from training ones
                        writeOff(
                                make(c, seed, index),
                                folder.resolve(String.format(Locale.ROOT, "%s_%04d.off", name, index + 1)));
                        files++;
                    }
                } catch (IOException e) {
                    throw new DataException("mesh.cannotWrite", folder, DataException.why(e)).causedBy(e);
                }
            }
        }
        return files;
    }

    /** A mesh as an OFF file: its triangles written as they are. */
    static void writeOff(Mesh m, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("OFF\n" + m.vertexCount() + " " + m.triangleCount() + " 0\n");
            float[] v = m.vertices();
            for (int i = 0; i < v.length; i += 3)
                w.write(String.format(Locale.ROOT, "%.5f %.5f %.5f%n", v[i], v[i + 1], v[i + 2]));
            int[] t = m.triangles();
            for (int i = 0; i < t.length; i += 3) w.write("3 " + t[i] + " " + t[i + 1] + " " + t[i + 2] + "\n");
        }
    }
}
