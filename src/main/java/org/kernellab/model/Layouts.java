package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Moving values between the orders ND4J computes in and the ones PyTorch (and this app's earlier files) store. */
final class Layouts {
    private Layouts() {}

    /**
     * Rows indexed in the channels-last order of a flattened {@code (…, C)} activation, reordered to PyTorch's channel-first
     * order of the same activation. Null or a single channel or position: nothing moves.
     */
    static INDArray channelsFirstRows(INDArray rows, int[] channelsLast) {
        if (channelsLast == null || channelsLast.length < 2) return rows;
        int c = channelsLast[channelsLast.length - 1];
        long spatial = rows.size(0) / c;
        if (c == 1 || spatial == 1) return rows;
        // rows (spatial, C, cols) → (C, spatial, cols)
        return rows.reshape('c', spatial, c, rows.size(1))
                .permute(1, 0, 2)
                .dup('c')
                .reshape('c', rows.size(0), rows.size(1));
    }

    /** The inverse of {@link #channelsFirstRows}. */
    static INDArray channelsLastRows(INDArray rows, int[] channelsLast) {
        if (channelsLast == null || channelsLast.length < 2) return rows;
        int c = channelsLast[channelsLast.length - 1];
        long spatial = rows.size(0) / c;
        if (c == 1 || spatial == 1) return rows;
        return rows.reshape('c', c, spatial, rows.size(1))
                .permute(1, 0, 2)
                .dup('c')
                .reshape('c', rows.size(0), rows.size(1));
    }

    /** A convolution's weights from ND4J's (k…, in, out) to PyTorch's (out, in, k…). */
    static INDArray convToPyTorch(INDArray w) {
        int r = w.rank();
        int[] perm = new int[r];
        perm[0] = r - 1;
        perm[1] = r - 2;
        for (int a = 0; a < r - 2; a++) perm[a + 2] = a;
        return w.permute(perm).dup('c');
    }

    /** PyTorch's (out, in, k…) to ND4J's (k…, in, out). */
    static INDArray convFromPyTorch(INDArray w) {
        int r = w.rank();
        int[] perm = new int[r];
        for (int a = 0; a < r - 2; a++) perm[a] = a + 2;
        perm[r - 2] = 1;
        perm[r - 1] = 0;
        return w.permute(perm).dup('c');
    }
}
