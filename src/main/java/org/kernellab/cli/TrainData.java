package org.kernellab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kernellab.compute.Problem;
import org.kernellab.data.Cifar10;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.data.ImageFolder;
import org.kernellab.data.Pictures;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Layer;
import org.kernellab.model.Net;
import org.kernellab.model.Samples;

/**
 * What {@code train --data} reads: Fashion-MNIST (a folder of its four files, or without --data the system's copy or
 * the built-in subset), CIFAR-10's binary batches, or a folder of one's own pictures (one sub-folder per class, scaled to
 * {@code --image-size}, grey unless {@code --colour}, split by {@code --seed} with {@code --test-share} for testing).
 *
 * @param name       the data's name in the final line: the Fashion-MNIST source, "cifar10" or "image-folder"
 * @param classNames the classes in label order (empty for Fashion-MNIST, whose names the app knows)
 */
record TrainData(
        Samples train,
        Samples test,
        String name,
        int trainCount,
        int[] input,
        int classes,
        List<String> classNames,
        List<String> skipped) {
    static TrainData load(Options o, int seed) throws DataException {
        Path dir = o.optional("--data") == null ? null : TrainCommand.path(o, "--data");
        if (dir != null && Files.isDirectory(dir) && Cifar10.isIn(dir)) return pictures(Cifar10.load(dir), "cifar10");
        if (dir != null && Files.isDirectory(dir) && ImageFolder.looksLike(dir)) {
            int side = o.integer("--image-size", 28, ImageFolder.MIN_SIDE, ImageFolder.MAX_SIDE);
            double share = o.decimal("--test-share", 0.2, 0.01, 0.99);
            ImageFolder.Settings s = new ImageFolder.Settings(side, o.flag("--colour"), share, seed);
            return pictures(ImageFolder.load(dir, s, (done, total) -> {}, () -> false), "image-folder");
        }
        FashionMnist.Loaded f = FashionMnist.load(dir);
        return new TrainData(
                Samples.of(f.train()),
                Samples.of(f.test()),
                f.source().name().toLowerCase(Locale.ROOT),
                f.train().size(),
                CourseNets.FASHION,
                CourseNets.CLASSES,
                List.of(),
                List.of());
    }

    private static TrainData pictures(Pictures.Split s, String name) {
        Pictures t = s.train();
        return new TrainData(
                Samples.of(t),
                Samples.of(s.test()),
                name,
                t.count(),
                new int[] {t.channels(), t.height(), t.width()},
                s.classes().size(),
                s.classes(),
                s.skipped().stream().map(Problem::english).toList());
    }

    /** A shorthand net (the course's MLP or CNN) for these pictures: their shape in, a score per class out. */
    Net fit(Net shorthand) {
        List<Layer> layers = new ArrayList<>(shorthand.layers());
        int last = layers.size() - 1;
        if (layers.get(last) instanceof Layer.Linear l) layers.set(last, new Layer.Linear(l.in(), classes, l.bias()));
        return Net.of(input, layers);
    }
}
