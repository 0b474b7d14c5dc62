package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.compute.Augment;
import org.kernellab.data.FashionMnist;

/**
 * Lesson 20's claims on a smaller scale (500 images, 20 epochs, the built-in test images): trained long on few images
 * the CNN learns its training set by heart while the test accuracy stays behind, and dropout and augmentation each
 * narrow that gap.
 */
class OverfittingTest {
    static FashionMnist.Loaded data;

    @BeforeAll
    static void load() throws Exception {
        data = FashionMnist.builtIn();
    }

    static double gap(double dropout, boolean augment) {
        Network net = Network.build(
                CourseNets.cnn(16, 2, dropout, CourseNets.DropoutAt.HIDDEN),
                new Training(Training.Optimizer.ADAM, 1e-3, 32, 20, 42));
        double[] last = new double[2];
        Trainer.train(
                net,
                Samples.of(data.train()),
                Samples.of(data.test()),
                new Trainer.Feed(500, augment ? Augment.Settings.COURSE : null),
                e -> {
                    last[0] = e.trainAccuracy();
                    last[1] = e.testAccuracy();
                });
        return last[0] - last[1];
    }

    @Test
    void fewImagesTrainedLongAreMemorisedAndDropoutOrAugmentationNarrowTheGap() {
        double plain = gap(0, false), dropout = gap(0.5, false), augmented = gap(0, true);
        assertTrue(plain > 0.12, "plain: training ahead of test by " + plain);
        assertTrue(dropout < plain, "dropout " + dropout + " against plain " + plain);
        assertTrue(augmented < plain - 0.05, "augmentation " + augmented + " against plain " + plain);
    }
}
