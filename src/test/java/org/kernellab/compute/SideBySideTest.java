package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kernellab.PyTorchAnswers;

/** The from-scratch notebook (course material 003): its arrays, shapes and printed values, loops against ND4J. */
class SideBySideTest {
    /** {@code np.random.seed(1); np.random.randn(6)} and {@code np.random.seed(0); np.random.randn()}, as committed. */
    @Test
    void numpysDrawsAfterSeed1() {
        NumpyRandom r = new NumpyRandom(1);
        double[] numpy = PyTorchAnswers.values("numpy randn", "seed 1");
        for (double v : numpy) assertEquals(v, r.normal());
        assertEquals(PyTorchAnswers.values("numpy randn", "seed 0")[0], new NumpyRandom(0).normal());
    }

    @Test
    void theNotebooksConvolutionCellWithSeed1() {
        SideBySide.Result r = SideBySide.run(SideBySide.Setup.courseConv(), 0, () -> false);
        assertArrayEquals(new int[] {10, 8, 4, 4}, r.scratch().shape());
        assertArrayEquals(new int[] {10, 8, 4, 4}, r.library().shape());
        // PyTorch's conv2d on the same numpy arrays (np.random.seed(1); x, W, b drawn in the notebook's order)
        double torch = PyTorchAnswers.values("notebook conv z[1,1,1,1]")[0];
        assertEquals(torch, r.scratch().get(1, 1, 1, 1), 1e-12);
        assertEquals(torch, r.library().get(1, 1, 1, 1), 1e-12);
        assertTrue(r.maxDiff() < 1e-13, "loops and ND4J differ by " + r.maxDiff() + ", lesson 17 says less than 1e-13");
        assertEquals(1, r.calls(), "no time budget: each side runs once");
    }

    /**
     * Each side is called until it has run for the budget; the count shown is the smaller, whose total reaches it. How
     * many calls fit depends on the machine, so the calls are counted through the cancel check made before each one.
     */
    @Test
    void theTimesAreMeansOverCallsFillingTheBudget() {
        int[] asked = {0};
        SideBySide.Result r = SideBySide.run(SideBySide.Setup.coursePool(SideBySide.Op.MAX_POOL), 25, () -> {
            asked[0]++;
            return false;
        });
        assertTrue(r.calls() >= 1 && asked[0] >= 2 * r.calls(), asked[0] + " calls made, " + r.calls() + " shown");
        assertTrue(
                Math.max(r.scratchMillis(), r.libraryMillis()) * r.calls() >= 25 * (1 - 1e-9),
                r.scratchMillis() + " and " + r.libraryMillis() + " ms × " + r.calls());
        assertEquals(r.scratchMillis() / r.libraryMillis(), r.speedup(), 1e-12);
    }

    @Test
    void theNotebooksPoolingCellPrintsTheSameValues() {
        SideBySide.Result max = SideBySide.run(SideBySide.Setup.coursePool(SideBySide.Op.MAX_POOL), 0, () -> false);
        assertArrayEquals(new int[] {10, 3, 5, 5}, max.scratch().shape());
        assertEquals(1.6243453636632417, max.scratch().get(0, 0, 0, 0));
        assertEquals(1.6243453636632417, max.library().get(0, 0, 0, 0));
        assertEquals(0, max.maxDiff());
        SideBySide.Result avg = SideBySide.run(SideBySide.Setup.coursePool(SideBySide.Op.AVG_POOL), 0, () -> false);
        assertEquals(0.10363904439012162, avg.scratch().get(0, 0, 0, 0), 1e-16);
        assertEquals(0.10363904439012162, avg.library().get(0, 0, 0, 0), 1e-16);
    }

    @Test
    void zeroPaddingAddsPadCellsOnEverySide() {
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}).reshape(1, 1, 2, 2);
        Tensor p = Reference.pad(x, new int[] {1, 2}, 0);
        assertArrayEquals(new int[] {1, 1, 4, 6}, p.shape());
        assertArrayEquals(
                new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0}, p.data());
    }

    @Test
    void aCancelledRunStopsBetweenCalls() {
        assertNull(SideBySide.run(SideBySide.Setup.courseConv(), 1000, () -> true));
    }
}
