package org.kernellab.data;

import org.kernellab.compute.Tensor;

/** Images with their labels (classes 0–9). */
public record Dataset(Idx.Images images, byte[] labels) {
    public Dataset {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Image i as grey values in [0, 1], (rows, cols). */
    public Tensor image(int i) {
        int h = images.rows(), w = images.cols();
        double[] d = new double[h * w];
        for (int k = 0; k < d.length; k++) d[k] = (images.pixels()[i * h * w + k] & 0xFF) / 255.0;
        return new Tensor(new int[] {h, w}, d);
    }
}
