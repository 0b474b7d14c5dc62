package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.TorchReference;
import org.kernellab.data.FashionMnist;

/**
 * ONNX files written by {@code torch.onnx.export} open as the nets they are: the notebook's ConvNet (whose
 * {@code view(x.size(0), -1)} becomes a small shape computation before a Reshape) and a net with BatchNorm, a stride-2
 * 5×5 convolution and average pooling, at opsets 11, 13 and 17; each gives PyTorch's probabilities within 2e-5.
 */
class OnnxImportPyTorchTest {
    @TempDir
    Path dir;

    @Test
    void torchsOnnxExportsOpenAndAnswerAsInPyTorch() throws Exception {
        Samples pictures =
                CourseNetsPyTorchTest.batch(Samples.of(FashionMnist.builtIn().test()), 16);
        String bn =
                "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"Conv2d\", \"out_channels\": 8, \"kernel_size\": 5,"
                        + " \"stride\": 2, \"padding\": 2}, {\"type\": \"BatchNorm2d\"}, {\"type\": \"ReLU\"},"
                        + " {\"type\": \"AvgPool2d\", \"kernel_size\": 2}, {\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out_features\": 10}]}";
        int compared = 0, opened = 0;
        for (int opset : new int[] {11, 13, 17})
            for (String kind : List.of("cnn", "sequential")) {
                Path file = dir.resolve(kind + opset + ".onnx");
                ObjectNode q = TorchReference.request("export_onnx");
                q.put("kind", kind).put("seed", opset).put("opset", opset).put("path", file.toString());
                if (kind.equals("sequential")) q.set("net", LayersPyTorchTest.readTree(bn));
                q.set("x", LayersPyTorchTest.input(pictures));
                double[] logits =
                        TorchReference.values(TorchReference.get().call(q).get("logits"));
                NetFiles.Opened o = NetFiles.open(file, null);
                assertEquals("onnx", o.format());
                compared += NetFilesPyTorchTest.same(o.network(), pictures, logits, file.toString());
                opened++;
            }
        assertEquals(6, opened);
        assertEquals(6 * 16 * 10, compared);
    }
}
