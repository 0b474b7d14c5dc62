package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.PyTorchAnswers;

/**
 * Each transform against torchvision 0.14's functional transforms on the same (3, 6, 8) picture (values i / 144), as
 * committed by src/test/pytorch/answers.py (AugmentPyTorchTest holds random pictures against torchvision itself), and
 * the random draws within the course's ranges.
 */
class AugmentTest {
    static Tensor ramp() {
        double[] d = new double[3 * 6 * 8];
        for (int i = 0; i < d.length; i++) d[i] = i / (double) d.length;
        return new Tensor(new int[] {3, 6, 8}, d);
    }

    /** torchvision's answer for the ramp, from the committed file that src/test/pytorch/answers.py writes. */
    static double[] torchvision(String transform) {
        return PyTorchAnswers.values("augment", transform);
    }

    /** F.rotate(x, 10.0): nearest pixel, black corners. */
    @Test
    void rotationAsTorchvision() {
        assertArrayEquals(torchvision("rotate 10"), Augment.rotate(ramp(), 10).data(), 1e-12);
        assertArrayEquals(ramp().data(), Augment.rotate(ramp(), 0).data());
    }

    /** F.resized_crop(x, 1, 2, 4, 5, [6, 8], antialias=False). */
    @Test
    void resizedCropAsTorchvision() {
        Tensor c = Augment.resizedCrop(ramp(), new Augment.Box(1, 2, 4, 5), 6, 8);
        assertArrayEquals(torchvision("resized_crop 1 2 4 5 to 6x8"), c.data(), 1e-12);
        assertArrayEquals(
                ramp().data(),
                Augment.resizedCrop(ramp(), new Augment.Box(0, 0, 6, 8), 6, 8).data(),
                1e-12);
    }

    /** F.adjust_hue(x, 0.1), F.adjust_contrast(x, 0.7), F.adjust_saturation(x, 1.2), every pixel. */
    @Test
    void colourAsTorchvision() {
        Tensor hue = Augment.apply(ramp(), new Augment.Jitter(1, 1, 1, 0.1, new int[] {3}));
        assertArrayEquals(torchvision("hue 0.1"), hue.data(), 1e-12);
        Tensor contrast = Augment.apply(ramp(), new Augment.Jitter(1, 0.7, 1, 0, new int[] {1}));
        assertArrayEquals(torchvision("contrast 0.7"), contrast.data(), 1e-12);
        Tensor saturation = Augment.apply(ramp(), new Augment.Jitter(1, 1, 1.2, 0, new int[] {2}));
        assertArrayEquals(torchvision("saturation 1.2"), saturation.data(), 1e-12);
        Tensor bright = Augment.apply(ramp(), new Augment.Jitter(1.2, 1, 1, 0, new int[] {0}));
        assertEquals(Math.min(1, 1.2 * ramp().get(2, 5, 7)), bright.get(2, 5, 7), 1e-12);
        // a grey picture has no colour to turn: saturation and hue leave it alone
        Tensor grey = new Tensor(new int[] {1, 2, 2}, new double[] {0.1, 0.2, 0.3, 0.4});
        assertArrayEquals(
                grey.data(),
                Augment.apply(grey, new Augment.Jitter(1, 1, 1.2, 0.1, new int[] {2, 3}))
                        .data());
    }

    @Test
    void aFlipMirrorsAndTwiceIsNothing() {
        Tensor f = Augment.hflip(ramp());
        assertEquals(ramp().get(1, 2, 7), f.get(1, 2, 0));
        assertArrayEquals(ramp().data(), Augment.hflip(f).data());
    }

    /** RandomResizedCrop(scale=(0.8, 1.0)): the box covers 80–100% of the picture (up to rounding), at 3/4 to 4/3 aspect. */
    @Test
    void cropBoxesStayInTheCoursesRanges() {
        Random rnd = new Random(3);
        for (int i = 0; i < 2000; i++) {
            Augment.Box b = Augment.cropBox(rnd, 28, 28, 0.8, 1.0);
            assertTrue(
                    b.top() >= 0 && b.left() >= 0 && b.top() + b.height() <= 28 && b.left() + b.width() <= 28,
                    b.toString());
            double share = b.height() * b.width() / 784.0, ratio = b.width() / (double) b.height();
            assertTrue(share > 0.74 && share <= 1.0, b + " covers " + share);
            assertTrue(ratio >= 0.7 && ratio <= 1.4, b + " ratio " + ratio);
        }
    }

    /**
     * Every top and left a box of its size can take is drawn (the last one too), and where no box fits in ten tries the
     * centre is cut at the nearest allowed aspect, as torchvision's RandomResizedCrop does: worked out here by hand.
     */
    @Test
    void cropBoxesReachEveryPlaceAndFallBackToTheCentre() {
        Random rnd = new Random(5);
        int atBottom = 0, atRight = 0, atTop = 0, atLeft = 0;
        for (int i = 0; i < 2000; i++) {
            Augment.Box b = Augment.cropBox(rnd, 28, 28, 0.5, 0.6);
            assertFalse(b.centred(), b.toString());
            if (b.top() == 0) atTop++;
            if (b.left() == 0) atLeft++;
            if (b.top() + b.height() == 28) atBottom++;
            if (b.left() + b.width() == 28) atRight++;
        }
        assertTrue(
                atTop > 0 && atLeft > 0 && atBottom > 0 && atRight > 0,
                atTop + " " + atLeft + " " + atBottom + " " + atRight);
        // 10×30 at full scale: no 3/4–4/3 box of 300 pixels fits 10 rows, so the centre at 4/3: 13 columns of 30
        assertEquals(new Augment.Box(0, 8, 10, 13, true), Augment.cropBox(new Random(1), 10, 30, 1, 1));
        // 30×10: the centre at 3/4, 13 rows of 30
        assertEquals(new Augment.Box(8, 0, 13, 10, true), Augment.cropBox(new Random(1), 30, 10, 1, 1));
        // a square asked for more than itself: the whole of it
        assertEquals(new Augment.Box(0, 0, 10, 10, true), Augment.cropBox(new Random(1), 10, 10, 1.5, 1.5));
    }

    @Test
    void theCoursesPipelineDrawsWithinItsSettings() {
        Random rnd = new Random(7);
        int flipped = 0;
        for (int i = 0; i < 400; i++) {
            Augment.Augmented a = Augment.pipeline(ramp(), rnd, Augment.Settings.COURSE, true);
            if (a.drawn().flipped()) flipped++;
            assertTrue(Math.abs(a.drawn().degrees()) <= 10);
            Augment.Jitter j = a.drawn().jitter();
            assertTrue(j.brightness() >= 0.8 && j.brightness() <= 1.2 && j.contrast() >= 0.8 && j.contrast() <= 1.2);
            assertTrue(j.saturation() >= 0.8 && j.saturation() <= 1.2 && Math.abs(j.hue()) <= 0.1);
            assertArrayEquals(new int[] {3, 6, 8}, a.image().shape());
            for (double v : a.image().data()) assertTrue(v >= 0 && v <= 1);
        }
        assertTrue(flipped > 160 && flipped < 240, "p = 0.5: " + flipped + " of 400 flipped");
    }

    @Test
    void trainingImagesAreAugmentedByteForByte() {
        byte[] src = new byte[2 * 784];
        for (int i = 0; i < src.length; i++) src[i] = (byte) (i % 256);
        byte[] dst = new byte[784];
        Augment.images28(src, new int[] {1}, 0, 1, dst, new Random(1), new Augment.Settings(1, 0, 1, 1, 0, 0, 0, 0));
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++) assertEquals(src[784 + y * 28 + 27 - x], dst[y * 28 + x]);
    }
}
