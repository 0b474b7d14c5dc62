package org.kernellab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.kernellab.compute.Problem;

/**
 * A folder of the user's own pictures in torchvision's {@code ImageFolder} layout: one sub-folder per class (classes
 * in name order, as torchvision numbers them), PNG or JPEG files in each, any size, grey or colour. Each picture is
 * resized so its shorter side is the chosen side and centre-cropped to a square ({@code Resize(side)} then
 * {@code CenterCrop(side)}), averaging the pixels each output pixel covers; then each class is split into training and
 * test pictures by a seed. Files that cannot be read are listed with why and skipped.
 */
public final class ImageFolder {
    /** Sides a picture can be scaled to: a net's input from tiny to a projector's worth of detail. */
    public static final int MIN_SIDE = 8, MAX_SIDE = 256;
    /** Labels are bytes, as in the other sets' files. */
    public static final int MAX_CLASSES = 127;

    /** How the pictures become samples: the square's side, colour or grey, the test share and the split's seed. */
    public record Settings(int side, boolean colour, double testShare, long seed) {
        public Settings {
            if (side < MIN_SIDE || side > MAX_SIDE) throw new IllegalArgumentException("side " + side);
            if (!(testShare > 0 && testShare < 1)) throw new IllegalArgumentException("test share " + testShare);
        }
    }

    /** Told how many pictures are read of how many. */
    public interface Progress {
        void done(int done, int total);
    }

    /** A picture's file, its name under the folder (as the student sees it) and its class. */
    private record File(Path path, String name, int label) {}

    private ImageFolder() {}

    /** Whether a folder looks like an image folder: sub-folders and no data files of the other sets at its top. */
    public static boolean looksLike(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p ->
                            Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                    && !Cifar10.isIn(folder)
                    && !FashionMnist.isIn(folder);
        } catch (IOException e) {
            return false;
        }
    }

    public static Pictures.Split load(Path root, Settings s, Progress progress, BooleanSupplier cancelled)
            throws DataException {
        if (!Files.isDirectory(root)) throw new DataException("data.noFolder", root);
        List<String> classes = checkedClasses(root);
        List<List<Path>> files = new ArrayList<>();
        for (String c : classes) {
            List<Path> f = pictures(root.resolve(c));
            if (f.isEmpty()) throw new DataException("data.folderEmptyClass", root, c);
            files.add(f);
        }
        List<File> train = new ArrayList<>(), test = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> f = new ArrayList<>(files.get(c));
            Collections.shuffle(f, new Random(s.seed() + c));
            int n = f.size(), t = n < 2 ? 0 : Math.max(1, Math.min(n - 1, (int) Math.round(n * s.testShare())));
            for (int i = 0; i < n; i++)
                (i < t ? test : train)
                        .add(new File(f.get(i), root.relativize(f.get(i)).toString(), c));
        }
        List<Problem> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        int total = train.size() + test.size();
        Pictures trainSet = read(train, s, skipped, () -> progress.done(done.incrementAndGet(), total), cancelled);
        Pictures testSet = read(test, s, skipped, () -> progress.done(done.incrementAndGet(), total), cancelled);
        if (cancelled.getAsBoolean()) throw new DataException("data.cancelled");
        if (trainSet.count() == 0 || testSet.count() == 0) throw new DataException("data.folderUnreadable", root);
        List<Problem> sorted = new ArrayList<>(skipped);
        sorted.sort(Comparator.comparing(Problem::english));
        return new Pictures.Split(trainSet, testSet, classes, List.copyOf(sorted));
    }

    /** The classes a training folder can have: at least two, and as many as a label byte holds. */
    public static List<String> checkedClasses(Path root) throws DataException {
        List<String> classes = classes(root);
        if (classes.size() < 2 || classes.size() > MAX_CLASSES)
            throw new DataException("data.folderClasses", root, classes.size());
        return classes;
    }

    /** The class folders' names, in torchvision's order. */
    public static List<String> classes(Path root) throws DataException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DataException("data.unreadable", root, DataException.why(e)).causedBy(e);
        }
    }

    /** A class's pictures, in its sub-folders too (as torchvision walks them), in name order. */
    private static List<Path> pictures(Path dir) throws DataException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DataException("data.unreadable", dir, DataException.why(e)).causedBy(e);
        }
    }

    /** Decodes and scales the pictures on all cores; the unreadable ones are left out and listed. */
    private static Pictures read(
            List<File> files, Settings s, List<Problem> skipped, Runnable oneDone, BooleanSupplier cancelled) {
        int size = (s.colour() ? 3 : 1) * s.side() * s.side();
        byte[][] each = new byte[files.size()][];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            if (cancelled.getAsBoolean()) return;
            try {
                each[i] = square(decode(files.get(i).path(), files.get(i).name()), s.side(), s.colour());
            } catch (DataException e) {
                skipped.add(e.problem());
            }
            oneDone.run();
        });
        int n = 0;
        for (byte[] b : each) if (b != null) n++;
        byte[] pixels = new byte[n * size], labels = new byte[n];
        int k = 0;
        for (int i = 0; i < each.length; i++) {
            if (each[i] == null) continue;
            System.arraycopy(each[i], 0, pixels, k * size, size);
            labels[k++] = (byte) files.get(i).label();
        }
        return new Pictures(pixels, labels, s.colour() ? 3 : 1, s.side(), s.side());
    }

    static BufferedImage decode(Path p, String name) throws DataException {
        try (InputStream in = Files.newInputStream(p)) {
            BufferedImage img = ImageIO.read(in);
            if (img == null) throw new DataException("data.notPicture", name);
            return img;
        } catch (IOException | RuntimeException e) { // a damaged file can throw from deep inside the decoder
            throw new DataException("data.notPicture", name).causedBy(e);
        }
    }

    /**
     * The picture scaled so its shorter side is {@code side} and centre-cropped to side × side, channels first; each
     * output pixel the average of the source area it covers. Grey as PIL's {@code convert("L")} weighs the colours.
     */
    static byte[] square(BufferedImage img, int side, boolean colour) {
        int w = img.getWidth(), h = img.getHeight();
        int sw = w <= h ? side : (int) (side * (double) w / h), sh = h < w ? side : (int) (side * (double) h / w);
        int left = (int) Math.round((sw - side) / 2.0), top = (int) Math.round((sh - side) / 2.0);
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        int channels = colour ? 3 : 1;
        byte[] out = new byte[channels * side * side];
        double sx = w / (double) sw, sy = h / (double) sh; // source pixels per scaled pixel, per axis
        for (int y = 0; y < side; y++) {
            double y0 = (y + top) * sy, y1 = y0 + sy;
            for (int x = 0; x < side; x++) {
                double x0 = (x + left) * sx, x1 = x0 + sx;
                double[] sum = new double[3];
                double area = 0;
                for (int py = (int) y0; py < Math.min(h, Math.ceil(y1)); py++) {
                    double wy = Math.min(y1, py + 1) - Math.max(y0, py);
                    for (int px = (int) x0; px < Math.min(w, Math.ceil(x1)); px++) {
                        double wgt = wy * (Math.min(x1, px + 1) - Math.max(x0, px));
                        int c = rgb[py * w + px];
                        sum[0] += wgt * (c >> 16 & 0xFF);
                        sum[1] += wgt * (c >> 8 & 0xFF);
                        sum[2] += wgt * (c & 0xFF);
                        area += wgt;
                    }
                }
                int at = y * side + x;
                if (colour) {
                    for (int ch = 0; ch < 3; ch++) out[ch * side * side + at] = (byte) Math.round(sum[ch] / area);
                } else {
                    double grey = (sum[0] * 299 + sum[1] * 587 + sum[2] * 114) / 1000 / area;
                    out[at] = (byte) Math.round(grey);
                }
            }
        }
        return out;
    }
}
