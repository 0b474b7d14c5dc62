package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.TorchReference;

/**
 * Nets exported as ONNX: Debian's onnx checks each model in full ({@code check_model(full_check=True)}: opset, IR
 * version, every node's attributes and inferred shapes), and ONNX Runtime, a runtime of its own, computes the app's
 * outputs within 1e-4 on a batch of samples, for a 2D net with every kind of layer and a 3D one.
 */
class OnnxExportPyTorchTest {
    @TempDir
    Path dir;

    static final String[] NETS = {
        "{'input':[1,28,28],'layers':[{'type':'Conv2d','out_channels':6,'kernel_size':5,'stride':2,'padding':2},"
                + "{'type':'BatchNorm2d'},{'type':'ReLU'},{'type':'Conv2d','out_channels':6,'kernel_size':3,'dilation':2,'bias':false},"
                + "{'type':'AvgPool2d','kernel_size':2,'ceil_mode':true},{'type':'MaxPool2d','kernel_size':2,'stride':1,'padding':1},"
                + "{'type':'AdaptiveAvgPool2d','output_size':2},{'type':'Flatten'},{'type':'Dropout','p':0.3},"
                + "{'type':'Linear','out_features':16},{'type':'ReLU'},{'type':'Linear','out_features':10},{'type':'Softmax','dim':1}]}",
        "{'input':[1,12,12,12],'layers':[{'type':'Conv3d','out_channels':4,'kernel_size':3,'padding':1},{'type':'BatchNorm3d'},"
                + "{'type':'ReLU'},{'type':'MaxPool3d','kernel_size':2},{'type':'Conv3d','out_channels':5,'kernel_size':3},"
                + "{'type':'ReLU'},{'type':'AdaptiveAvgPool3d','output_size':1},{'type':'Flatten'},{'type':'Linear','out_features':4}]}"
    };

    @Test
    void onnxChecksTheExportAndOnnxRuntimeComputesWhatTheAppComputed() throws Exception {
        TorchReference torch = TorchReference.get();
        int compared = 0;
        for (String json : NETS) {
            Net net = Net.fromJson(json.replace('\'', '"'));
            Network network = randomStatistics(Network.build(net, Training.adam(1e-3, 8, 1)));
            Path file = dir.resolve("net" + net.dims() + ".onnx");
            OnnxExport.write(network, file);
            checked(torch, file);
            Samples data = LayersPyTorchTest.batch(net, 8, false, new Random(2));
            boolean softmax = net.layers().get(net.layers().size() - 1) instanceof Layer.Softmax;
            float[] ours = softmax
                    ? network.predict(data, Trainer.range(8), 0, 8)
                    : network.logits(data, Trainer.range(8), 0, 8);
            float[][] theirs = onnxRuntime(file, data);
            int c = network.classes();
            for (int i = 0; i < 8; i++)
                for (int k = 0; k < c; k++) {
                    assertEquals(ours[i * c + k], theirs[i][k], 1e-4, net + " sample " + i + " class " + k);
                    compared++;
                }
            network.close();
        }
        assertEquals(8 * 10 + 8 * 4, compared);
    }

    /** BatchNorm's running statistics away from 0 and 1, so that a layout mistake in them shows. */
    private static Network randomStatistics(Network network) {
        float[] stats = network.statistics();
        Random r = new Random(9);
        for (int i = 0; i < stats.length; i++) stats[i] = 0.5f + r.nextFloat();
        return Network.withParameters(network.net(), network.training(), network.parameterValues(), stats);
    }

    /** onnx.checker in full, in the Python that has torch (Debian's onnx beside it). */
    private void checked(TorchReference torch, Path file) throws Exception {
        Process p = new ProcessBuilder(
                        torch.python(),
                        "-c",
                        "import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True);"
                                + " print(m.ir_version, m.opset_import[0].version)",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals(OnnxExport.IR_VERSION + " " + OnnxExport.OPSET, out);
    }

    /** ONNX Runtime's logits for the batch, one row a sample. */
    static float[][] onnxRuntime(Path file, Samples data) throws Exception {
        int n = data.count(), size = data.size();
        float[] x = new float[n * size];
        for (int i = 0; i < n; i++) System.arraycopy(data.floats(i), 0, x, i * size, size);
        long[] shape = new long[data.shape().length + 1];
        shape[0] = n;
        for (int d = 0; d < data.shape().length; d++) shape[d + 1] = data.shape()[d];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
                OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
                OrtSession.Result r = s.run(Map.of("input", t))) {
            assertEquals(List.of("input"), List.copyOf(s.getInputNames()), Arrays.toString(shape));
            return (float[][]) r.get(0).getValue();
        }
    }
}
