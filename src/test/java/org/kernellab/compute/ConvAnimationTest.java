package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The animator's one way from settings to ND4J: checked once, refusals as a reason, the output as ND4J's own. */
class ConvAnimationTest {
    private static ConvSettings settings(
            Tensor in, Tensor k, int stride, int padding, int dilation, boolean transposed) {
        return new ConvSettings(
                in, k, 0, stride, stride, padding, padding, dilation, dilation, false, transposed, true);
    }

    @Test
    void agreesWithTheCheckedOpsOrRefusesForTheirReason() {
        Random r = new Random(5);
        int shown = 0, refused = 0;
        for (int trial = 0; trial < 200; trial++) {
            int h = 1 + r.nextInt(8), w = 1 + r.nextInt(8), kh = 1 + r.nextInt(4), kw = 1 + r.nextInt(4);
            Tensor in = AgainstReferenceTest.random(r, h, w), k = AgainstReferenceTest.random(r, kh, kw);
            int s = 1 + r.nextInt(3), p = r.nextInt(3), d = 1 + r.nextInt(2);
            boolean transposed = r.nextBoolean();
            ConvAnimation a = ConvAnimation.of(settings(in, k, s, p, d, transposed));
            Window win = new Window(new int[] {kh, kw}, new int[] {s, s}, new int[] {p, p}, new int[] {d, d}, false);
            Tensor x4 = in.reshape(1, 1, h, w), k4 = k.reshape(1, 1, kh, kw);
            try {
                Tensor nd = transposed ? NdOps.convTranspose(x4, k4, null, win) : NdOps.conv(x4, k4, null, win);
                assertTrue(a.ok(), () -> a.problem().english());
                assertArrayEquals(nd.reshape(nd.dim(2), nd.dim(3)).toMatrix(), a.output());
                assertEquals(transposed ? h * w : nd.dim(2) * nd.dim(3), a.steps());
                shown++;
            } catch (ComputeException e) {
                assertEquals(e.problem(), a.problem(), "refused for the reason the checked op gives");
                assertNull(a.output());
                assertEquals(0, a.steps());
                refused++;
            }
        }
        assertTrue(shown > 50 && refused > 10, shown + " shown, " + refused + " refused");
    }

    @Test
    void paddingTooLargeToMakeIsAReasonNotAnException() {
        Tensor in = Tensor.zeros(4, 4), k = Tensor.zeros(3, 3);
        ConvAnimation a = ConvAnimation.of(settings(in, k, 1, 5000, 1, false));
        assertFalse(a.ok());
        assertEquals("work.inputTooLarge", a.problem().key());
        assertNull(a.output());
    }

    @Test
    void aTrueConvolutionTurnsTheKernelAndSaysSoInPyTorch() {
        Tensor in = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Tensor k = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        ConvSettings flipped = new ConvSettings(in, k, 1, 1, 1, 0, 0, 1, 1, true, false, true);
        ConvAnimation a = ConvAnimation.of(flipped);
        assertArrayEquals(new double[][] {{24, 34}, {54, 64}}, a.output(), "the slides' 23, 33, 53, 63, plus the bias");
        assertEquals("nn.Conv2d(1, 1, kernel_size=2)", a.pytorch());
        assertEquals("torch.Size([1, 1, 2, 2])", a.outputShape());
        ConvAnimation waiting = ConvAnimation.of(new ConvSettings(in, k, 1, 1, 1, 0, 0, 1, 1, true, false, false));
        assertNull(waiting.output(), "no ND4J before it has loaded");
        assertEquals(4, waiting.steps(), "the steps do not need it");
    }
}
