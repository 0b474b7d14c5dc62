package org.kernellab.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.kernellab.compute.LayerChain;
import org.kernellab.data.DataException;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A {@link NetSpec} as a SameDiff graph: input (N, 1, 28, 28) → logits (N, 10), softmax cross-entropy.
 * Dropout is inverted dropout through a mask placeholder, so evaluation (a mask of ones) is exact.
 */
public final class Network {
    static final String INPUT = "input", LABEL = "label", MASK = "dropmask", PROBS = "probs", LOSS = "loss";

    private final SameDiff sd;
    private final NetSpec spec;
    private final int hidden;

    private Network(SameDiff sd, NetSpec spec, int hidden) {
        this.sd = sd;
        this.spec = spec;
        this.hidden = hidden;
    }

    public NetSpec spec() { return spec; }

    /** Shapes and parameter count of every layer, from the compute core's arithmetic. */
    public List<LayerChain.Result> summary() { return LayerChain.apply(new int[] {1, 1, 28, 28}, spec.layers()); }

    public long parameters() { return summary().stream().mapToLong(LayerChain.Result::parameters).sum(); }

    public static Network build(NetSpec spec) {
        Nd4j.getRandom().setSeed(spec.seed());
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, 28, 28);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, 10);
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1, 128);
        SDVariable x;
        int features;
        if (spec.kind() == NetSpec.Kind.CNN) {
            x = in;
            int channels = 1, size = 28;
            for (int b = 0; b < spec.blocks(); b++) {
                // ND4J's own layout (kH, kW, C, F): its conv2d backward pass mishandles PyTorch's (F, C, kH, kW) in M2.1
                SDVariable w = sd.var("conv" + b + "_w", he(channels * 9, 3, 3, channels, spec.filters()));
                SDVariable bias = sd.var("conv" + b + "_b", Nd4j.zeros(DataType.FLOAT, spec.filters()));
                x = sd.cnn().conv2d(x, w, bias, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
                x = sd.nn().relu(x, 0);
                x = sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).isNHWC(false).type(Pooling2D.Pooling2DType.MAX).build());
                channels = spec.filters();
                size = (size - 2) / 2;
            }
            features = channels * size * size;
            x = sd.reshape(x, sd.constant(Nd4j.createFromArray(-1L, features)));
            x = dense(sd, "fc1", x, features, 128, true);
        } else {
            features = 784;
            x = sd.reshape(in, sd.constant(Nd4j.createFromArray(-1L, 784L)));
            x = dense(sd, "fc1", x, 784, 64, true);
            x = dense(sd, "fc2", x, 64, 128, true);
        }
        x = x.mul(mask); // inverted dropout: the mask holds 0 or 1/(1−p) while training, 1 when evaluating
        SDVariable logits = dense(sd, "out", x, 128, 10, false);
        sd.nn().softmax(PROBS, logits, 1);
        sd.loss().softmaxCrossEntropy(LOSS, label, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        sd.setLossVariables(LOSS);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(spec.optimizer() == NetSpec.Optimizer.ADAM ? new Adam(spec.lr()) : new Sgd(spec.lr()))
                .dataSetFeatureMapping(INPUT, MASK).dataSetLabelMapping(LABEL).build());
        return new Network(sd, spec, 128);
    }

    private static SDVariable dense(SameDiff sd, String name, SDVariable x, int in, int out, boolean relu) {
        SDVariable w = sd.var(name + "_w", he(in, in, out));
        SDVariable b = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, 1, out));
        SDVariable y = x.mmul(w).add(b);
        return relu ? sd.nn().relu(y, 0) : y;
    }

    /** He initialisation, right for ReLU layers: normal with variance 2 / fan-in. */
    private static INDArray he(int fanIn, long... shape) {
        return Nd4j.randn(DataType.FLOAT, shape).muli(Math.sqrt(2.0 / fanIn));
    }

    /** One optimizer step on a batch: features (N, 1, 28, 28) in [0, 1], one-hot labels (N, 10). */
    public void step(INDArray features, INDArray labels, java.util.Random rnd) {
        INDArray mask = Nd4j.ones(DataType.FLOAT, features.size(0), hidden);
        double p = spec.dropout();
        if (p > 0) {
            float[] m = new float[(int) mask.length()];
            for (int i = 0; i < m.length; i++) m[i] = rnd.nextDouble() < p ? 0f : (float) (1 / (1 - p));
            mask = Nd4j.create(m, new long[] {features.size(0), hidden}, 'c');
        }
        sd.fit(new MultiDataSet(new INDArray[] {features, mask}, new INDArray[] {labels}));
    }

    /** Class probabilities (N, 10) and the mean loss for a batch, without dropout. */
    public Map<String, INDArray> evaluate(INDArray features, INDArray labels) {
        INDArray ones = Nd4j.ones(DataType.FLOAT, features.size(0), hidden);
        return sd.output(Map.of(INPUT, features, MASK, ones, LABEL, labels), PROBS, LOSS);
    }

    /** Writes the network to {@code file} through a temporary file, so a failed save never leaves half a model. */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".kernellab-", ".model.part");
        try {
            sd.save(tmp.toFile(), true);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a network saved by {@link #save}; a file that is not one gives a clear error. */
    public static Network load(Path file, NetSpec spec) throws DataException {
        try {
            SameDiff sd = SameDiff.load(new File(file.toString()), true);
            if (sd.getVariable(PROBS) == null || sd.getVariable(INPUT) == null) throw new DataException(file + ": not a KernelLab model");
            return new Network(sd, spec, 128);
        } catch (RuntimeException e) {
            throw new DataException(file + ": not a KernelLab model, or a damaged one (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
