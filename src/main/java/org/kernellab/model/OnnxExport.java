package org.kernellab.model;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.PoolMode;
import org.kernellab.data.DataException;
import org.kernellab.model.Network.Tensor32;
import org.kernellab.onnx.OnnxProto.AttributeProto;
import org.kernellab.onnx.OnnxProto.GraphProto;
import org.kernellab.onnx.OnnxProto.ModelProto;
import org.kernellab.onnx.OnnxProto.NodeProto;
import org.kernellab.onnx.OnnxProto.OperatorSetIdProto;
import org.kernellab.onnx.OnnxProto.TensorProto;
import org.kernellab.onnx.OnnxProto.TensorShapeProto;
import org.kernellab.onnx.OnnxProto.TypeProto;
import org.kernellab.onnx.OnnxProto.ValueInfoProto;

/**
 * A trained net as an ONNX model, opset 13 and IR version 7 (what Debian's onnx 1.12 checks and Netron draws): one
 * node per layer as {@code torch.onnx.export} writes them (Conv, BatchNormalization in inference, Relu, MaxPool,
 * AveragePool counting padding as PyTorch does, GlobalAveragePool, Flatten, Gemm, Softmax; dropout is the identity
 * there), the weights as initializers named as the state dict names them, a batch of any size.
 */
public final class OnnxExport {
    public static final int OPSET = 13, IR_VERSION = 7;

    private OnnxExport() {}

    /** Writes the model to {@code file}, atomically. */
    public static ModelProto write(Network network, Path file) throws DataException {
        ModelProto model = model(network);
        try {
            AtomicFile.write(model.toByteArray(), file);
            return model;
        } catch (IOException e) {
            throw new DataException("export.notWritable", file, DataException.why(e)).causedBy(e);
        }
    }

    /** The ONNX model of the network, its weights included. */
    public static ModelProto model(Network network) throws DataException {
        Net net = network.net();
        GraphProto.Builder g = GraphProto.newBuilder().setName("kernellab");
        for (Tensor32 t : network.pytorchParameters()) g.addInitializer(tensor(t));
        for (Tensor32 t : network.pytorchBuffers()) g.addInitializer(tensor(t));
        List<Layer> layers = net.resolved();
        List<LayerTable.Row> rows = net.table(1);
        String x = "input";
        int[] in = batchOf(net.input());
        for (int i = 0; i < layers.size(); i++) {
            NodeProto node = node(layers.get(i), i, x, in);
            if (node != null) {
                g.addNode(node);
                x = node.getOutput(0);
            }
            in = rows.get(i).shape();
        }
        g.addInput(value("input", net.input()));
        g.addOutput(value(x, new int[] {net.classes()}));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("KernelLab")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g)
                .build();
    }

    private static int[] batchOf(int[] sample) {
        int[] s = new int[sample.length + 1];
        s[0] = 1;
        System.arraycopy(sample, 0, s, 1, sample.length);
        return s;
    }

    /** Layer {@code i}'s node from its input {@code x} of shape {@code in} (batch first); null for dropout. */
    private static NodeProto node(Layer l, int i, String x, int[] in) throws DataException {
        String p = String.valueOf(i);
        NodeProto.Builder n =
                NodeProto.newBuilder().setName(l.type() + "_" + i).addInput(x).addOutput("x" + i);
        if (l instanceof Layer.Conv c) {
            n.setOpType("Conv").addInput(p + ".weight");
            if (c.bias()) n.addInput(p + ".bias");
            n.addAttribute(ints("kernel_shape", c.kernel()))
                    .addAttribute(ints("strides", c.stride()))
                    .addAttribute(ints("pads", twice(c.padding())))
                    .addAttribute(ints("dilations", c.dilation()))
                    .addAttribute(integer("group", 1));
        } else if (l instanceof Layer.BatchNorm b) {
            n.setOpType("BatchNormalization")
                    .addInput(p + ".weight")
                    .addInput(p + ".bias")
                    .addInput(p + ".running_mean")
                    .addInput(p + ".running_var")
                    .addAttribute(real("epsilon", b.eps()))
                    .addAttribute(real("momentum", 1 - b.momentum())); // ONNX keeps the old value's share
        } else if (l instanceof Layer.Pool pool) {
            n.setOpType(pool.mode() == PoolMode.MAX ? "MaxPool" : "AveragePool")
                    .addAttribute(ints("kernel_shape", pool.kernel()))
                    .addAttribute(ints("strides", pool.stride()))
                    .addAttribute(ints("pads", twice(pool.padding())))
                    .addAttribute(integer("ceil_mode", pool.ceil() ? 1 : 0));
            if (pool.mode() != PoolMode.MAX) n.addAttribute(integer("count_include_pad", 1));
        } else if (l instanceof Layer.AdaptiveAvgPool a) {
            adaptive(n, a, in);
        } else if (l instanceof Layer.Linear lin) {
            n.setOpType("Gemm").addInput(p + ".weight").addAttribute(integer("transB", 1));
            if (lin.bias()) n.addInput(p + ".bias");
        } else if (l instanceof Layer.ReLU) {
            n.setOpType("Relu");
        } else if (l instanceof Layer.Flatten) {
            n.setOpType("Flatten").addAttribute(integer("axis", 1));
        } else if (l instanceof Layer.Softmax) {
            n.setOpType("Softmax").addAttribute(integer("axis", 1));
        } else {
            return null; // dropout: the identity when the model is used
        }
        return n.build();
    }

    /** An adaptive average as a global one (to 1 per axis) or as a plain one where the output divides the input. */
    private static void adaptive(NodeProto.Builder n, Layer.AdaptiveAvgPool a, int[] in) throws DataException {
        int[] out = a.output(), k = new int[out.length];
        if (Arrays.stream(out).allMatch(v -> v == 1)) {
            n.setOpType("GlobalAveragePool");
            return;
        }
        for (int d = 0; d < out.length; d++) {
            if (in[2 + d] % out[d] != 0) throw new DataException("export.onnxAdaptive", Arrays.toString(out));
            k[d] = in[2 + d] / out[d];
        }
        n.setOpType("AveragePool").addAttribute(ints("kernel_shape", k)).addAttribute(ints("strides", k));
    }

    private static int[] twice(int[] pad) {
        int[] p = Arrays.copyOf(pad, pad.length * 2);
        System.arraycopy(pad, 0, p, pad.length, pad.length);
        return p;
    }

    private static AttributeProto ints(String name, int[] v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (int x : v) a.addInts(x);
        return a.build();
    }

    private static AttributeProto integer(String name, int v) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(v)
                .build();
    }

    private static AttributeProto real(String name, double v) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF((float) v)
                .build();
    }

    private static TensorProto tensor(Tensor32 t) {
        ByteBuffer b = ByteBuffer.allocate(t.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.values()) b.putFloat(v);
        TensorProto.Builder p = TensorProto.newBuilder()
                .setName(t.name())
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (int d : t.shape()) p.addDims(d);
        return p.build();
    }

    /** A float tensor of a batch of any size ("batch") and the given shape per sample. */
    private static ValueInfoProto value(String name, int[] sample) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : sample) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(s))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
