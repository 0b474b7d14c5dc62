package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fast first blocks apply exactly where they compute what the layers say: the voxel block only on 0/1 grids of one
 * channel, a cube no larger than 64, under a cubic convolution with bias and no dilation followed by a ReLU, taking a
 * following 2×2×2 max pooling with it when the pooling is exactly that; im2col for any first 2D convolution whose
 * unrolled windows fit. Elsewhere the layers run one by one (their results are checked in ForwardAndGradientsTest).
 */
class FastPathsTest {
    private static final String HEAD = "{'type':'Flatten'},{'type':'Linear','out_features':3}]}";

    /** The layers a plan's first op computes: 0 when no fast op applies. */
    static int fused(String input, String layers, boolean binary) {
        Net net = Net.fromJson(("{'input':" + input + ",'layers':[" + layers + "," + HEAD).replace('\'', '"'));
        Plan plan = new Plan(net, true, true, true, binary);
        assertEquals(
                plan.readsSamples,
                plan.ops.get(0) instanceof FastOps.VoxelConv || plan.ops.get(0) instanceof FastOps.Im2col);
        return plan.readsSamples ? plan.ops.get(0).last : 0;
    }

    static final String CONV = "{'type':'Conv3d','out_channels':2,'kernel_size':3}",
            RELU = "{'type':'ReLU'}",
            POOL = "{'type':'MaxPool3d','kernel_size':2}";

    @Test
    void theVoxelBlockTakesTheCourseBlockAndNothingItCannotCompute() {
        String grid = "[1,10,10,10]";
        assertEquals(3, fused(grid, CONV + "," + RELU + "," + POOL, true), "convolution, ReLU and pooling");
        assertEquals(2, fused(grid, CONV + "," + RELU, true), "convolution and ReLU");
        assertEquals(0, fused(grid, CONV + "," + RELU + "," + POOL, false), "grids that are not 0/1");
        String[][] poolsItLeaves = {
            {"{'type':'AvgPool3d','kernel_size':2}", "average pooling"},
            {"{'type':'MaxPool3d','kernel_size':2,'stride':1}", "stride 1"},
            {"{'type':'MaxPool3d','kernel_size':3,'stride':2}", "a 3×3×3 window"},
            {"{'type':'MaxPool3d','kernel_size':[2,2,1],'stride':[2,2,1]}", "a flat window"},
            {"{'type':'MaxPool3d','kernel_size':[2,2,2],'stride':[2,2,1]}", "a flat stride"},
            {"{'type':'MaxPool3d','kernel_size':2,'padding':1}", "padding"},
            {"{'type':'MaxPool3d','kernel_size':2,'ceil_mode':true}", "ceil mode"},
        };
        for (String[] p : poolsItLeaves) assertEquals(2, fused(grid, CONV + "," + RELU + "," + p[0], true), p[1]);
        String[][] convsItLeaves = {
            {"{'type':'Conv3d','out_channels':2,'kernel_size':[3,3,1]}", "a non-cubic kernel"},
            {"{'type':'Conv3d','out_channels':2,'kernel_size':3,'stride':[1,1,2]}", "a non-cubic stride"},
            {"{'type':'Conv3d','out_channels':2,'kernel_size':3,'padding':[1,1,0]}", "a non-cubic padding"},
            {"{'type':'Conv3d','out_channels':2,'kernel_size':3,'dilation':2}", "dilation"},
            {"{'type':'Conv3d','out_channels':2,'kernel_size':3,'bias':false}", "no bias"},
        };
        for (String[] c : convsItLeaves) assertEquals(0, fused(grid, c[0] + "," + RELU + "," + POOL, true), c[1]);
        assertEquals(
                3,
                fused(
                        grid,
                        "{'type':'Conv3d','out_channels':2,'kernel_size':3,'stride':2,'padding':1}," + RELU + ","
                                + POOL,
                        true));
        assertEquals(0, fused(grid, CONV + ",{'type':'BatchNorm3d'}," + RELU, true), "no ReLU right after");
        assertEquals(0, fused(grid, CONV, true), "the convolution alone");
        assertEquals(0, fused("[2,10,10,10]", CONV + "," + RELU + "," + POOL, true), "two channels");
        assertEquals(0, fused("[1,10,10,9]", CONV + "," + RELU + "," + POOL, true), "not a cube");
        assertEquals(0, fused("[1,10,9,10]", CONV + "," + RELU + "," + POOL, true), "not a cube");
        assertEquals(0, fused("[1,9,10,10]", CONV + "," + RELU + "," + POOL, true), "not a cube");
        assertEquals(3, fused("[1,64,64,64]", CONV + "," + RELU + "," + POOL, true), "64³, the largest");
        assertEquals(0, fused("[1,65,65,65]", CONV + "," + RELU + "," + POOL, true), "65³");
        assertEquals(0, fused(grid, "{'type':'MaxPool3d','kernel_size':2}," + CONV + "," + RELU, true), "not first");
    }

    @Test
    void im2colTakesAFirstPictureConvolutionWhoseWindowsFit() {
        String conv = "{'type':'Conv2d','out_channels':4,'kernel_size':3}";
        assertEquals(1, fused("[1,28,28]", conv, false));
        assertEquals(1, fused("[3,28,28]", conv + "," + RELU, true));
        // a window's 9 values and a 1 per output cell, against 2²⁰ = 1,048,576
        assertEquals(0, fused("[1,364,364]", conv, false), "too many windows");
        assertEquals(1, fused("[1,325,325]", conv, false), "323² windows of 10 values: 1,043,290");
        assertEquals(0, fused("[1,326,326]", conv, false), "324² windows of 10 values: 1,049,760 > 2²⁰");
        assertEquals(0, fused("[1,12,12]", RELU + ",{'type':'Conv2d','out_channels':4,'kernel_size':3}", false));
        assertFalse(new Plan(
                        Net.fromJson("{\"input\":[1,8,8],\"layers\":[" + conv.replace('\'', '"') + "]}"),
                        false,
                        false,
                        false,
                        false)
                .readsSamples);
        assertTrue(new Plan(
                        Net.fromJson("{\"input\":[1,8,8],\"layers\":[" + conv.replace('\'', '"') + "]}"),
                        true,
                        false,
                        false,
                        false)
                .readsSamples);
    }
}
