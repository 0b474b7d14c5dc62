package org.kernellab.ui.featuremaps;

import java.util.ArrayList;
import java.util.List;
import org.kernellab.model.Activation;
import org.kernellab.model.Layer;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;

/**
 * What a net's convolutions make of one picture, block by block: a block is a convolution with what follows it up to
 * the next one: its output, after its ReLU (BatchNorm's included where there is one), after its pooling.
 */
public record FeatureMaps(List<Block> blocks, float[] probabilities) {
    /** One convolution's maps at the three stages (a stage the block lacks shows the one before it). */
    public record Block(int layer, Activation conv, Activation relu, Activation pool) {
        public int filters() {
            return conv.channels();
        }

        public int convSide() {
            return conv.shape()[0];
        }

        public int poolSide() {
            return pool.shape()[0];
        }

        /** Map {@code f} at a stage, as rows × cols values. */
        public double[][] map(FeatureMapsViewModel.Stage stage, int f) {
            return switch (stage) {
                case CONV -> conv.map(f);
                case RELU -> relu.map(f);
                case POOL -> pool.map(f);
            };
        }
    }

    /** The maps of a picture (values 0–255 channels first, {@code shape}: channels, rows, columns) through {@code net}. */
    public static FeatureMaps of(Network net, byte[] pixels, int[] shape) {
        Samples one = new Samples(pixels, new byte[1], shape, 1 / 255f, false);
        List<Activation> all = net.activations(one, 0);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i).kind() instanceof Layer.Conv) || all.get(i).shape().length != 3) continue;
            Activation conv = all.get(i), relu = conv, pool = null;
            for (int k = i + 1;
                    k < all.size()
                            && !(all.get(k).kind() instanceof Layer.Conv)
                            && all.get(k).shape().length == 3;
                    k++) {
                Layer l = all.get(k).kind();
                if ((l instanceof Layer.ReLU || l instanceof Layer.BatchNorm) && pool == null) relu = all.get(k);
                if (l instanceof Layer.Pool && pool == null) pool = all.get(k);
            }
            blocks.add(new Block(conv.layer(), conv, relu, pool == null ? relu : pool));
        }
        return new FeatureMaps(blocks, net.predict(one, new int[] {0}, 0, 1));
    }

    /** How many convolutions of pictures the net has: the blocks of the feature maps. */
    public static int convBlocks(Network net) {
        return (int) net.net().layers().stream()
                .filter(l -> l instanceof Layer.Conv c && c.dims() == 2)
                .count();
    }

    /** The filters of conv block {@code block}. */
    public static int filters(Network net, int block) {
        return ((Layer.Conv) net.net().layers().get(layer(net, block))).out();
    }

    /** The index among the net's layers of its {@code block}-th convolution of pictures. */
    private static int layer(Network net, int block) {
        List<Layer> layers = net.net().layers();
        for (int i = 0, seen = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Layer.Conv c && c.dims() == 2 && seen++ == block) return i;
        }
        throw new IndexOutOfBoundsException("conv block " + block);
    }

    /** Filter {@code f} of conv block {@code block}: one kernel slice per input channel, [channel][ky][kx]. */
    public static double[][][] filter(Network net, int block, int f) {
        Network.Tensor32 w = weights(net, block, ".weight");
        int in = w.shape()[1], kh = w.shape()[2], kw = w.shape()[3];
        double[][][] out = new double[in][kh][kw];
        for (int c = 0; c < in; c++)
            for (int y = 0; y < kh; y++)
                for (int x = 0; x < kw; x++) out[c][y][x] = w.values()[((f * in + c) * kh + y) * kw + x];
        return out;
    }

    /** Filter {@code f} of the first convolution summed over its input channels: what it does to a grey picture. */
    public static double[][] firstFilter(Network net, int f) {
        double[][][] w = filter(net, 0, f);
        double[][] sum = new double[w[0].length][w[0][0].length];
        for (double[][] channel : w)
            for (int y = 0; y < sum.length; y++) for (int x = 0; x < sum[y].length; x++) sum[y][x] += channel[y][x];
        return sum;
    }

    /** Filter {@code f}'s bias (0 for a convolution without one). */
    public static double bias(Network net, int block, int f) {
        Network.Tensor32 b = weights(net, block, ".bias");
        return b == null ? 0 : b.values()[f];
    }

    private static Network.Tensor32 weights(Network net, int block, String suffix) {
        return net.pytorchParameter(layer(net, block) + suffix);
    }
}
