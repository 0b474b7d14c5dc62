package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.PoolMode;
import org.kernellab.data.DataException;
import org.kernellab.onnx.OnnxProto.AttributeProto;
import org.kernellab.onnx.OnnxProto.GraphProto;
import org.kernellab.onnx.OnnxProto.ModelProto;
import org.kernellab.onnx.OnnxProto.NodeProto;
import org.kernellab.onnx.OnnxProto.TensorProto;
import org.kernellab.onnx.OnnxProto.TensorShapeProto;
import org.kernellab.onnx.OnnxProto.TypeProto;
import org.kernellab.onnx.OnnxProto.ValueInfoProto;

/**
 * ONNX graphs written node by node, as exporters other than the committed fixtures' write them: an explicit Pad merged
 * into the convolution or average pooling after it (zeros counted, as PyTorch's AvgPool does), MatMul with or without
 * its Add, Gemm either way round; and every graph the app cannot compute refused with the node and the reason.
 */
class OnnxGraphsTest {
    @TempDir
    Path dir;

    /** A graph on a 1×4×4 picture, its nodes chained from "x". */
    static final class Graph {
        final GraphProto.Builder g = GraphProto.newBuilder();
        String x = "x";
        int count;

        Graph() {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (long d : new long[] {1, 1, 4, 4})
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            g.addInput(ValueInfoProto.newBuilder()
                    .setName("x")
                    .setType(TypeProto.newBuilder()
                            .setTensorType(TypeProto.Tensor.newBuilder()
                                    .setElemType(TensorProto.DataType.FLOAT_VALUE)
                                    .setShape(shape))));
        }

        String floats(float[] v, long... dims) {
            String name = "w" + count++;
            TensorProto.Builder t =
                    TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
            for (long d : dims) t.addDims(d);
            for (float f : v) t.addFloatData(f);
            g.addInitializer(t);
            return name;
        }

        String longs(long... v) {
            String name = "p" + count++;
            TensorProto.Builder t = TensorProto.newBuilder()
                    .setName(name)
                    .setDataType(TensorProto.DataType.INT64_VALUE)
                    .addDims(v.length);
            for (long l : v) t.addInt64Data(l);
            g.addInitializer(t);
            return name;
        }

        /** A node on the chain's value (and the given weights), its attributes as name, value pairs. */
        Graph node(String op, List<String> weights, Object... attributes) {
            NodeProto.Builder n = NodeProto.newBuilder()
                    .setOpType(op)
                    .setName(op + "_" + count)
                    .addInput(x);
            weights.forEach(n::addInput);
            for (int i = 0; i < attributes.length; i += 2) {
                AttributeProto.Builder a = AttributeProto.newBuilder().setName((String) attributes[i]);
                Object v = attributes[i + 1];
                if (v instanceof long[] ints) for (long l : ints) a.addInts(l);
                else if (v instanceof Long l) a.setI(l);
                else if (v instanceof Float f) a.setF(f);
                else a.setS(ByteString.copyFromUtf8((String) v));
                n.addAttribute(a);
            }
            x = op + "_out" + count++;
            g.addNode(n.addOutput(x));
            return this;
        }

        Graph node(String op, Object... attributes) {
            return node(op, List.of(), attributes);
        }

        Path write(Path dir) throws IOException {
            Path file = dir.resolve("net" + count + ".onnx");
            Files.write(file, ModelProto.newBuilder().setGraph(g).build().toByteArray());
            return file;
        }
    }

    Network read(Graph g) throws Exception {
        return OnnxImport.read(g.write(dir), Training.adam(1e-3, 4, 1));
    }

    static final float[] PICTURE = new float[16];
    static final float[] LINEAR = new float[18];

    static {
        for (int i = 0; i < 16; i++) PICTURE[i] = (i * 7 % 16) / 15f;
        for (int i = 0; i < 18; i++) LINEAR[i] = (i % 5 - 2) * 0.3f;
    }

    /** The net's logits for {@link #PICTURE}. */
    static float[] logits(Network n) {
        byte[] pixels = new byte[16];
        for (int i = 0; i < 16; i++) pixels[i] = (byte) Math.round(PICTURE[i] * 255);
        return n.logits(new Samples(pixels, new byte[1], new int[] {1, 4, 4}, 1 / 255f, false), new int[] {0}, 0, 1);
    }

    /**
     * Pad 1 then a 2×2 average of stride 2 reads as one AvgPool2d with padding 1 that counts the padded zeros: the 3×3
     * averages of the padded picture, worked out here, then the linear layer (a Gemm given as out × in, transB = 1).
     */
    @Test
    void aPadBeforeAnAverageIsItsPaddingCountedAsZeros() throws Exception {
        Graph g = new Graph();
        g.node("Pad", List.of(g.longs(0, 0, 1, 1, 0, 0, 1, 1)));
        g.node("AveragePool", "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2});
        g.node("Flatten", "axis", 1L);
        g.node("Gemm", List.of(g.floats(LINEAR, 2, 9), g.floats(new float[] {0.5f, -1}, 2)), "transB", 1L);
        Network n = read(g);
        assertEquals(
                List.of(
                        new Layer.Pool(2, PoolMode.AVG, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, false),
                        new Layer.Flatten(),
                        new Layer.Linear(9, 2, true)),
                n.net().layers());
        double[] avg = new double[9];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                for (int dy = 0; dy < 2; dy++)
                    for (int dx = 0; dx < 2; dx++) {
                        int y = 2 * r + dy - 1, x = 2 * c + dx - 1;
                        if (y >= 0 && y < 4 && x >= 0 && x < 4) avg[r * 3 + c] += pixel(y * 4 + x) / 4;
                    }
        float[] z = logits(n);
        for (int o = 0; o < 2; o++) {
            double want = o == 0 ? 0.5 : -1;
            for (int i = 0; i < 9; i++) want += LINEAR[o * 9 + i] * avg[i];
            assertEquals(want, z[o], 1e-5, "logit " + o);
        }
    }

    private static double pixel(int i) {
        return Math.round(PICTURE[i] * 255) / 255.0;
    }

    /**
     * Pad then Conv: the convolution's own padding grows by the Pad's (1 + 1 on each side of an 8 × 8 padded picture);
     * a 1 × 1 kernel of weight 1 at stride 4 reads cells (0, 0), (0, 4), (4, 0) and (4, 4) of it, the last the picture's
     * (2, 2). MatMul alone is a linear layer without bias.
     */
    @Test
    void aPadBeforeAConvolutionAndAMatMulWithoutItsAdd() throws Exception {
        Graph g = new Graph();
        g.node("Pad", List.of(g.longs(0, 0, 1, 1, 0, 0, 1, 1)));
        g.node(
                "Conv",
                List.of(g.floats(new float[] {1}, 1, 1, 1, 1)),
                "pads",
                new long[] {1, 1, 1, 1},
                "strides",
                new long[] {4, 4});
        g.node("Flatten");
        float[] m = new float[4 * 2];
        for (int i = 0; i < 4; i++) m[i * 2 + i % 2] = 1; // in × out, as MatMul takes it: outputs 0 + 2 and 1 + 3
        g.node("MatMul", List.of(g.floats(m, 4, 2)));
        Network n = read(g);
        Layer.Conv conv = (Layer.Conv) n.net().layers().get(0);
        assertEquals("[2, 2]", Arrays.toString(conv.padding()));
        assertEquals(new Layer.Linear(4, 2, false), n.net().layers().get(2));
        float[] z = logits(n);
        assertEquals(0, z[0], 1e-6);
        assertEquals(pixel(2 * 4 + 2), z[1], 1e-6);
    }

    @Test
    void aMatMulAndItsAddAreOneLinearLayer() throws Exception {
        Graph g = new Graph();
        g.node("Flatten");
        float[] m = new float[16 * 3];
        for (int i = 0; i < 16; i++) m[i * 3 + i % 3] = 1;
        g.node("MatMul", List.of(g.floats(m, 16, 3)));
        g.node("Add", List.of(g.floats(new float[] {1, 2, 3}, 3)));
        Network n = read(g);
        assertEquals(
                List.of(new Layer.Flatten(), new Layer.Linear(16, 3, true)),
                n.net().layers());
        float[] z = logits(n);
        for (int o = 0; o < 3; o++) {
            double want = o + 1;
            for (int i = o; i < 16; i += 3) want += pixel(i);
            assertEquals(want, z[o], 1e-5, "logit " + o);
        }
    }

    /** Each graph the app cannot compute, and the words its refusal uses. */
    @Test
    void whatTheAppCannotComputeIsRefusedByNodeAndReason() throws Exception {
        List<Object[]> cases = refusals();
        int refused = 0;
        for (Object[] c : cases) {
            DataException e = assertThrows(DataException.class, () -> read((Graph) c[0]), (String) c[1]);
            assertEquals("model.badOnnx", e.problem().key(), (String) c[1]);
            assertTrue(String.valueOf(e.problem().args().get(1)).contains((String) c[1]), e.getMessage());
            refused++;
        }
        Graph sigmoid = new Graph().node("Sigmoid");
        DataException e = assertThrows(DataException.class, () -> read(sigmoid));
        assertEquals("model.onnxOp", e.problem().key());
        assertEquals(List.of("Sigmoid", "Sigmoid_0"), e.problem().args().subList(1, 3));
        assertEquals(13, refused);
    }

    private static List<Object[]> refusals() {
        List<Object[]> cases = new ArrayList<>();
        Graph g = new Graph();
        g.node("Pad", List.of(g.longs(0, 0, 1, 1, 0, 0, 1, 1), g.floats(new float[] {0.5f})));
        cases.add(new Object[] {g.node("AveragePool", "kernel_shape", new long[] {2, 2}), "a value other than 0"});
        g = new Graph();
        g.node("Pad", List.of(g.longs(0, 0, 1, 0, 0, 0, 1, 1)));
        cases.add(new Object[] {g.node("AveragePool", "kernel_shape", new long[] {2, 2}), "pads unevenly"});
        g = new Graph();
        g.node("Pad", List.of(g.longs(0, 1, 1, 1, 0, 0, 1, 1)));
        cases.add(new Object[] {g.node("AveragePool", "kernel_shape", new long[] {2, 2}), "pads batch or channels"});
        g = new Graph();
        g.node("Pad", List.of(g.longs(1, 1, 1, 1)));
        cases.add(new Object[] {g.node("AveragePool", "kernel_shape", new long[] {2, 2}), "unexpected number of axes"});
        g = new Graph();
        g.node("Pad", List.of(g.longs(0, 0, 1, 1, 0, 0, 1, 1)));
        cases.add(new Object[] {g.node("MaxPool", "kernel_shape", new long[] {2, 2}), "zero-padded maximum"});
        g = new Graph();
        g.node("Pad", List.of(g.longs(0, 0, 1, 1, 0, 0, 1, 1)));
        cases.add(new Object[] {g.node("Flatten"), "without a convolution or pooling after"});
        g = new Graph();
        cases.add(new Object[] {
            g.node("AveragePool", "kernel_shape", new long[] {2, 2}, "pads", new long[] {1, 1, 1, 1}),
            "without counting its padding"
        });
        g = new Graph();
        cases.add(new Object[] {
            g.node("MaxPool", "kernel_shape", new long[] {2, 2}, "dilations", new long[] {2, 2}), "dilated pooling"
        });
        g = new Graph();
        cases.add(new Object[] {
            g.node("MaxPool", "kernel_shape", new long[] {2, 2}, "pads", new long[] {1, 0, 0, 1}),
            "two sides differently"
        });
        g = new Graph();
        cases.add(new Object[] {
            g.node("MaxPool", "kernel_shape", new long[] {2, 2}, "auto_pad", "SAME_UPPER"), "auto_pad"
        });
        g = new Graph();
        cases.add(new Object[] {
            g.node("Conv", List.of(g.floats(new float[4], 1, 1, 2, 2)), "group", 2L), "grouped convolution"
        });
        g = new Graph();
        g.node("Flatten");
        cases.add(new Object[] {
            g.node("Gemm", List.of(g.floats(new float[16], 16, 1)), "alpha", 2f), "not a plain linear layer"
        });
        g = new Graph();
        g.node("Flatten");
        cases.add(new Object[] {
            g.node("Gemm", List.of(g.floats(new float[16], 16, 1)), "transA", 1L), "not a plain linear layer"
        });
        return cases;
    }
}
