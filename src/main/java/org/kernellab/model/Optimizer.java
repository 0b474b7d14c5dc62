package org.kernellab.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * torch.optim's SGD and Adam on the flat parameter vector, written out so that a step is PyTorch's to the rounding:
 * Adam's m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
 */
final class Optimizer implements AutoCloseable {
    static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;
    private final Training.Optimizer kind;
    private final double lr;
    private final INDArray params, m, v, scratch;
    private int t;

    Optimizer(Training training, INDArray params) {
        this.kind = training.optimizer();
        this.lr = training.lr();
        this.params = params;
        boolean adam = kind == Training.Optimizer.ADAM;
        m = adam ? params.like() : null;
        v = adam ? params.like() : null;
        scratch = adam ? params.like() : null;
    }

    /** One step with the gradients {@code g} (left changed). */
    void step(INDArray g) {
        if (kind == Training.Optimizer.SGD) {
            params.subi(g.muli(lr));
            return;
        }
        t++;
        m.muli(BETA1).addi(scratch.assign(g).muli(1 - BETA1));
        v.muli(BETA2).addi(scratch.assign(g).muli(g).muli(1 - BETA2));
        double bc1 = 1 - Math.pow(BETA1, t), bc2 = Math.sqrt(1 - Math.pow(BETA2, t));
        Transforms.sqrt(scratch.assign(v), false).divi(bc2).addi(EPS);
        params.subi(scratch.rdivi(m).muli(lr / bc1));
    }

    @Override
    public void close() {
        for (INDArray a : new INDArray[] {m, v, scratch}) if (a != null && a.closeable()) a.close();
    }
}
