package org.kernellab.mesh;

import java.util.List;

/**
 * Voxel grids and their classes, ready to train on: {@code grid³} bytes (0 or 1) per object, x slowest.
 *
 * @param source  "built-in" or the folder read
 * @param skipped   the files that could not be read, each with why: listed, never fatal
 * @param testFiles the file of each test object (for a folder), or empty (built-in objects: class c's j-th test object
 *                  is {@code ModelNetLike.make(c, seed, BUILT_IN_TRAIN + j)})
 */
public record VoxelSet(
        byte[] train,
        byte[] trainLabels,
        byte[] test,
        byte[] testLabels,
        int grid,
        List<String> classes,
        String source,
        List<String> skipped,
        List<String> testFiles) {
    public int trainSize() {
        return trainLabels.length;
    }

    public int testSize() {
        return testLabels.length;
    }

    public int cells() {
        return grid * grid * grid;
    }
}
