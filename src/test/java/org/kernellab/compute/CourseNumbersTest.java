package org.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.model.LayerTable;
import org.kernellab.model.LayerText;
import org.kernellab.model.Net;

/** Every number the course material states, computed by the ND4J path and by the reference loops. */
class CourseNumbersTest {
    static Tensor img(double[][] m) {
        return Tensor.of(m).reshape(1, 1, m.length, m[0].length);
    }

    static double[][] both(Tensor x, Tensor w, Window win) {
        Tensor nd = NdOps.conv(x, w, null, win);
        Tensor ref = Reference.conv(x, w, null, win);
        assertArrayEquals(ref.data(), nd.data(), 1e-9, "ND4J and the reference loops disagree");
        return nd.reshape(nd.dim(2), nd.dim(3)).toMatrix();
    }

    @Test
    void exercise1_1_sobelGives8() {
        double[][] out = both(
                img(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}),
                img(new double[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}),
                Window.square(1, 1, 0));
        assertArrayEquals(new double[][] {{8}}, out);
    }

    @Test
    void exercise1_2_laplacianWithPadding1() {
        double[][] out = both(
                img(new double[][] {{1, 0, 2}, {3, 0, 4}, {5, 6, 0}}),
                img(new double[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}}),
                Window.square(1, 1, 1));
        assertArrayEquals(new double[][] {{-1, 3, -4}, {-6, 13, -14}, {-11, -19, 10}}, out);
    }

    @Test
    void exercise1_3_strideTwo() {
        double[][] out = both(
                img(new double[][] {{1, 1, 2, 4}, {2, 2, 3, 5}, {3, 3, 1, 0}, {4, 4, 0, 0}}),
                img(new double[][] {{1, -1}, {-1, 1}}),
                Window.square(1, 2, 0));
        assertArrayEquals(new double[][] {{0, 0}, {0, 1}}, out);
    }

    @Test
    void maxPoolingOf1To16() {
        Tensor x = img(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
        Tensor nd = NdOps.pool(x, PoolMode.MAX, Window.square(2, 2, 0));
        assertArrayEquals(new double[] {6, 8, 14, 16}, nd.data());
        assertArrayEquals(new int[] {1, 1, 2, 2}, nd.shape());
        assertArrayEquals(
                Reference.pool(x, PoolMode.MAX, Window.square(2, 2, 0)).data(), nd.data());
    }

    @Test
    void channelChainShapes() {
        Tensor x = Tensor.zeros(1, 3, 19, 19);
        Random r = new Random(7);
        for (int i = 0; i < x.size(); i++) x.data()[i] = r.nextGaussian();
        Tensor w1 = Tensor.zeros(7, 3, 5, 5), w2 = Tensor.zeros(2, 7, 3, 3);
        Tensor y1 = NdOps.conv(x, w1, null, Window.square(1, 1, 0));
        assertArrayEquals(new int[] {1, 7, 15, 15}, y1.shape());
        assertArrayEquals(
                new int[] {1, 2, 13, 13},
                NdOps.conv(y1, w2, null, Window.square(1, 1, 0)).shape());

        List<LayerTable.Row> chain = Net.of(
                        new int[] {3, 19, 19},
                        List.of(
                                LayerText.parse("conv:out=7,k=5,bias=false", 2),
                                LayerText.parse("conv:out=2,k=3,bias=false", 2)))
                .table(1);
        assertArrayEquals(new int[] {1, 7, 15, 15}, chain.get(0).shape());
        assertArrayEquals(new int[] {7, 3, 5, 5}, chain.get(0).weightShape());
        assertArrayEquals(new int[] {1, 2, 13, 13}, chain.get(1).shape());
        assertArrayEquals(new int[] {2, 7, 3, 3}, chain.get(1).weightShape());
        assertEquals(
                7 * 3 * 25 + 2 * 7 * 9, chain.get(0).parameters() + chain.get(1).parameters());
    }

    @Test
    void exercise2_cubicChainsTake8To2() {
        // the course's answers: (k3,s2,p1) twice; (k5,s1,p0) then (k3,s1,p0); (k3,s1,p0) then (k5,s1,p0)
        assertEquals(4, Shapes.conv(8, 3, 2, 1, 1).output());
        assertEquals(2, Shapes.conv(4, 3, 2, 1, 1).output());
        assertEquals(4, Shapes.conv(8, 5, 1, 0, 1).output());
        assertEquals(2, Shapes.conv(4, 3, 1, 0, 1).output());
        assertEquals(6, Shapes.conv(8, 3, 1, 0, 1).output());
        assertEquals(2, Shapes.conv(6, 5, 1, 0, 1).output());
        Tensor vol = Tensor.zeros(1, 1, 8, 8, 8);
        Tensor y = NdOps.conv(vol, Tensor.zeros(4, 1, 3, 3, 3), null, Window.cubic(3, 3, 2, 1, 1));
        assertArrayEquals(new int[] {1, 4, 4, 4, 4}, y.shape());
        assertArrayEquals(
                new int[] {1, 2, 2, 2, 2},
                NdOps.conv(y, Tensor.zeros(2, 4, 3, 3, 3), null, Window.cubic(3, 3, 2, 1, 1))
                        .shape());
    }

    @Test
    void conv3dNetOfTheCourseShapes() {
        List<LayerTable.Row> r = Net.of(
                        new int[] {1, 24, 24, 24},
                        List.of(
                                LayerText.parse("conv:out=16,k=3", 3),
                                LayerText.parse("relu", 3),
                                LayerText.parse("maxpool:k=2", 3),
                                LayerText.parse("conv:out=32,k=3", 3),
                                LayerText.parse("relu", 3),
                                LayerText.parse("maxpool:k=2", 3),
                                LayerText.parse("conv:out=64,k=3", 3),
                                LayerText.parse("relu", 3),
                                LayerText.parse("maxpool:k=2", 3),
                                LayerText.parse("flatten", 3),
                                LayerText.parse("linear:out=512", 3)))
                .table(32);
        assertArrayEquals(new int[] {32, 16, 22, 22, 22}, r.get(0).shape());
        assertArrayEquals(new int[] {32, 32, 4, 4, 4}, r.get(5).shape());
        assertArrayEquals(new int[] {32, 64, 1, 1, 1}, r.get(8).shape());
        assertArrayEquals(new int[] {32, 512}, r.get(10).shape());
    }

    /** Slides 004's worked sizes: 6×6 with a 3×3 kernel gives 4×4, 5×5 gives 3×3 (no padding, stride 1), by formula and by ND4J. */
    @Test
    void theSlidesWorkedSizes() {
        for (int[] c : new int[][] {{6, 4}, {5, 3}}) {
            assertEquals(c[1], Shapes.conv(c[0], 3, 1, 0, 1).output());
            Tensor y =
                    NdOps.conv(Tensor.zeros(1, 1, c[0], c[0]), Tensor.zeros(1, 1, 3, 3), null, Window.square(3, 1, 0));
            assertEquals(c[1], y.dim(2));
            assertEquals(c[1], y.dim(3));
        }
    }
}
