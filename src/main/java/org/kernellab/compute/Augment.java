package org.kernellab.compute;

import java.util.Random;

/**
 * The course's data augmentation, as torchvision does each transform: horizontal flip, rotation (nearest pixel, empty
 * corners black), random resized crop (bilinear) and colour jitter (brightness, contrast, saturation, hue, in a random
 * order). Pictures are (C, H, W) tensors with values in [0, 1], C = 1 (grey) or 3 (RGB).
 */
public final class Augment {
    private Augment() {}

    /** The course's: RandomHorizontalFlip(p=0.5), RandomRotation(10), RandomResizedCrop(scale=(0.8, 1.0)), ColorJitter(0.2, 0.2, 0.2, 0.1). */
    public record Settings(
            double flip,
            double degrees,
            double minScale,
            double maxScale,
            double brightness,
            double contrast,
            double saturation,
            double hue) {
        public static final Settings COURSE = new Settings(0.5, 10, 0.8, 1.0, 0.2, 0.2, 0.2, 0.1);
    }

    /** torchvision's default aspect ratios for a random resized crop: 3/4 to 4/3. */
    public static final double MIN_RATIO = 3.0 / 4, MAX_RATIO = 4.0 / 3;

    /**
     * A crop box: {@code top, left} and its size, in pixels of the source; {@code centred} when no random box fitted in
     * ten tries and the centre was taken, as torchvision does (often, on a picture wider than 4:3).
     */
    public record Box(int top, int left, int height, int width, boolean centred) {
        public Box(int top, int left, int height, int width) {
            this(top, left, height, width, false);
        }
    }

    /** The colour jitter drawn for one picture: each factor (1 and 0 change nothing) and the order they are applied in. */
    public record Jitter(double brightness, double contrast, double saturation, double hue, int[] order) {}

    /** The picture mirrored left to right. */
    public static Tensor hflip(Tensor img) {
        int c = img.dim(0), h = img.dim(1), w = img.dim(2);
        Tensor out = Tensor.zeros(c, h, w);
        for (int ch = 0; ch < c; ch++)
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.set(img.get(ch, y, w - 1 - x), ch, y, x);
        return out;
    }

    /**
     * The picture turned {@code degrees} counter-clockwise about its centre, keeping its size: each output pixel takes the
     * nearest source pixel; those that come from outside the picture are 0.
     */
    public static Tensor rotate(Tensor img, double degrees) {
        int c = img.dim(0), h = img.dim(1), w = img.dim(2);
        double a = Math.toRadians(degrees), cos = Math.cos(a), sin = Math.sin(a), cx = w * 0.5, cy = h * 0.5;
        Tensor out = Tensor.zeros(c, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // pixel centres, rotated back onto the source (y grows downwards, so a counter-clockwise turn is this
                // sign)
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                int sx = (int) Math.floor(cos * dx - sin * dy + cx), sy = (int) Math.floor(sin * dx + cos * dy + cy);
                if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
                for (int ch = 0; ch < c; ch++) out.set(img.get(ch, sy, sx), ch, y, x);
            }
        }
        return out;
    }

    /** torchvision's RandomResizedCrop box: an area share and an aspect ratio drawn, tried ten times, else the centre. */
    public static Box cropBox(Random rnd, int h, int w, double minScale, double maxScale) {
        double area = h * (double) w, logMin = Math.log(MIN_RATIO), logMax = Math.log(MAX_RATIO);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (minScale + rnd.nextDouble() * (maxScale - minScale));
            double ratio = Math.exp(logMin + rnd.nextDouble() * (logMax - logMin));
            int cw = (int) Math.round(Math.sqrt(target * ratio)), ch = (int) Math.round(Math.sqrt(target / ratio));
            if (cw > 0 && ch > 0 && cw <= w && ch <= h)
                return new Box(rnd.nextInt(h - ch + 1), rnd.nextInt(w - cw + 1), ch, cw);
        }
        double ratio = w / (double) h;
        int cw = ratio < MIN_RATIO ? w : ratio > MAX_RATIO ? (int) Math.round(h * MAX_RATIO) : w;
        int ch = ratio < MIN_RATIO ? (int) Math.round(w / MIN_RATIO) : h;
        return new Box((h - ch) / 2, (w - cw) / 2, ch, cw, true);
    }

    /** The box cut out of the picture and scaled to {@code outH × outW} by bilinear interpolation (pixel centres aligned). */
    public static Tensor resizedCrop(Tensor img, Box box, int outH, int outW) {
        int c = img.dim(0);
        Tensor out = Tensor.zeros(c, outH, outW);
        double sy = box.height() / (double) outH, sx = box.width() / (double) outW;
        for (int y = 0; y < outH; y++) {
            double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), box.height() - 1);
            int y0 = (int) fy, y1 = Math.min(y0 + 1, box.height() - 1);
            double wy = fy - y0;
            for (int x = 0; x < outW; x++) {
                double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), box.width() - 1);
                int x0 = (int) fx, x1 = Math.min(x0 + 1, box.width() - 1);
                double wx = fx - x0;
                for (int ch = 0; ch < c; ch++) {
                    double top = img.get(ch, box.top() + y0, box.left() + x0) * (1 - wx)
                            + img.get(ch, box.top() + y0, box.left() + x1) * wx;
                    double bottom = img.get(ch, box.top() + y1, box.left() + x0) * (1 - wx)
                            + img.get(ch, box.top() + y1, box.left() + x1) * wx;
                    out.set(top * (1 - wy) + bottom * wy, ch, y, x);
                }
            }
        }
        return out;
    }

    /** Factors drawn as torchvision's ColorJitter draws them: uniform in [1 − s, 1 + s] (hue: in [−h, h]), in a random order. */
    public static Jitter jitter(Random rnd, Settings s) {
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Jitter(
                factor(rnd, s.brightness()),
                factor(rnd, s.contrast()),
                factor(rnd, s.saturation()),
                (rnd.nextDouble() * 2 - 1) * s.hue(),
                order);
    }

    private static double factor(Random rnd, double spread) {
        return 1 - spread + rnd.nextDouble() * 2 * spread;
    }

    /** The jitter applied; saturation and hue leave a grey picture as it is. */
    public static Tensor apply(Tensor img, Jitter j) {
        Tensor out = img;
        for (int step : j.order()) {
            out = switch (step) {
                case 0 -> blend(out, null, j.brightness());
                case 1 -> blend(out, new double[] {mean(grey(out))}, j.contrast());
                case 2 -> out.dim(0) == 3 ? blend(out, grey(out).data(), j.saturation()) : out;
                default -> out.dim(0) == 3 ? hue(out, j.hue()) : out;
            };
        }
        return out;
    }

    /**
     * {@code f · img + (1 − f) · other}, clipped to [0, 1], as torchvision blends: other is black (brightness), one grey
     * value for the whole picture (contrast) or a grey per pixel (saturation).
     */
    private static Tensor blend(Tensor img, double[] other, double f) {
        int c = img.dim(0), n = img.dim(1) * img.dim(2);
        double[] d = img.data().clone();
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < n; i++) {
                double o = other == null ? 0 : other.length == 1 ? other[0] : other[i];
                d[ch * n + i] = Math.min(1, Math.max(0, f * d[ch * n + i] + (1 - f) * o));
            }
        }
        return new Tensor(img.shape(), d);
    }

    /** Luma of each pixel with torchvision's rgb_to_grayscale weights (0.2989, 0.587, 0.114); a grey picture is its own. */
    static Tensor grey(Tensor img) {
        int h = img.dim(1), w = img.dim(2), n = h * w;
        if (img.dim(0) == 1) return img.reshape(h, w);
        double[] d = img.data(), g = new double[n];
        for (int i = 0; i < n; i++) g[i] = 0.2989 * d[i] + 0.587 * d[n + i] + 0.114 * d[2 * n + i];
        return new Tensor(new int[] {h, w}, g);
    }

    private static double mean(Tensor t) {
        double s = 0;
        for (double v : t.data()) s += v;
        return s / t.size();
    }

    /** Every pixel's hue turned by {@code shift} (a fraction of the colour wheel), saturation and value kept. */
    static Tensor hue(Tensor img, double shift) {
        int n = img.dim(1) * img.dim(2);
        double[] d = img.data(), out = new double[d.length];
        for (int i = 0; i < n; i++) {
            double r = d[i], g = d[n + i], b = d[2 * n + i];
            double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b)), delta = max - min;
            double h = 0;
            if (delta > 0) {
                if (max == r) h = ((g - b) / delta) / 6;
                else if (max == g) h = ((b - r) / delta + 2) / 6;
                else h = ((r - g) / delta + 4) / 6;
            }
            h = ((h + shift) % 1 + 1) % 1;
            double s = max == 0 ? 0 : delta / max, v = max;
            double sector = h * 6,
                    f = sector - Math.floor(sector),
                    p = v * (1 - s),
                    q = v * (1 - s * f),
                    t = v * (1 - s * (1 - f));
            double[] rgb = switch ((int) Math.floor(sector) % 6) {
                case 0 -> new double[] {v, t, p};
                case 1 -> new double[] {q, v, p};
                case 2 -> new double[] {p, v, t};
                case 3 -> new double[] {p, q, v};
                case 4 -> new double[] {t, p, v};
                default -> new double[] {v, p, q};
            };
            out[i] = rgb[0];
            out[n + i] = rgb[1];
            out[2 * n + i] = rgb[2];
        }
        return new Tensor(img.shape(), out);
    }

    /** What one pass of the pipeline drew, for the student to read beside the picture. */
    public record Drawn(boolean flipped, double degrees, Box crop, Jitter jitter) {}

    /** A picture after the course's whole pipeline, and what was drawn for it. */
    public record Augmented(Tensor image, Drawn drawn) {}

    /**
     * The course's transforms.Compose, in its order (flip, rotation, resized crop to the picture's own size, jitter);
     * {@code withJitter} false leaves out the colour jitter (for grey training images).
     */
    public static Augmented pipeline(Tensor img, Random rnd, Settings s, boolean withJitter) {
        boolean flip = rnd.nextDouble() < s.flip();
        Tensor out = flip ? hflip(img) : img;
        double degrees = (rnd.nextDouble() * 2 - 1) * s.degrees();
        out = rotate(out, degrees);
        Box box = cropBox(rnd, out.dim(1), out.dim(2), s.minScale(), s.maxScale());
        out = resizedCrop(out, box, out.dim(1), out.dim(2));
        Jitter j = withJitter ? jitter(rnd, s) : null;
        if (j != null) out = apply(out, j);
        return new Augmented(out, new Drawn(flip, degrees, box, j));
    }

    /**
     * The pipeline without colour on Fashion-MNIST bytes: {@code count} 28×28 images from {@code src} (at the given
     * indices) into {@code dst}, one after another. What the training lab does to each batch when augmentation is on.
     */
    public static void images28(byte[] src, int[] index, int from, int count, byte[] dst, Random rnd, Settings s) {
        for (int i = 0; i < count; i++) {
            double[] d = new double[784];
            int off = index[from + i] * 784;
            for (int k = 0; k < 784; k++) d[k] = (src[off + k] & 0xFF) / 255.0;
            Tensor out = pipeline(new Tensor(new int[] {1, 28, 28}, d), rnd, s, false)
                    .image();
            for (int k = 0; k < 784; k++) dst[i * 784 + k] = (byte) Math.round(out.data()[k] * 255);
        }
    }
}
