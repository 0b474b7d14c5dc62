package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGD and Adam against torch.optim's, step after step, on parameters of every size and gradients from tiny (where
 * Adam's ε matters) to large: the same parameters after each of twelve steps, within float32 rounding.
 */
class OptimizerPyTorchTest {
    @Test
    void stepsAsTorchOptim() {
        int compared = 0;
        for (Training.Optimizer kind : Training.Optimizer.values()) {
            Random r = new Random(kind.ordinal() + 5);
            int n = 400, steps = 12;
            float[] start = new float[n];
            for (int i = 0; i < n; i++) start[i] = (float) r.nextGaussian();
            float[][] grads = new float[steps][n];
            for (int s = 0; s < steps; s++)
                for (int i = 0; i < n; i++) grads[s][i] = (float) (r.nextGaussian() * Math.pow(10, -r.nextInt(9)));
            ObjectNode q =
                    TorchReference.request("optimizer").put("kind", kind.id()).put("lr", 0.01);
            ArrayNode p = q.putArray("params");
            for (float v : start) p.add(v);
            ArrayNode g = q.putArray("grads");
            for (float[] step : grads) {
                ArrayNode a = g.addArray();
                for (float v : step) a.add(v);
            }
            JsonNode torch = TorchReference.get().call(q).get("after");
            INDArray params = Nd4j.create(start, new long[] {1, n}, 'c');
            Optimizer ours = new Optimizer(new Training(kind, 0.01, 8, 1, 1), params);
            for (int s = 0; s < steps; s++) {
                ours.step(Nd4j.create(grads[s], new long[] {1, n}, 'c').castTo(DataType.FLOAT));
                float[] got = params.dup().data().asFloat();
                for (int i = 0; i < n; i++) {
                    double want = torch.get(s).get(i).asDouble();
                    assertEquals(
                            want,
                            got[i],
                            1e-6 * Math.max(1, Math.abs(want)),
                            kind + " step " + (s + 1) + " parameter " + i);
                }
                compared += n;
            }
        }
        assertTrue(compared == 2 * 12 * 400);
    }
}
