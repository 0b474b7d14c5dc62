package org.kernellab.model;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Window;
import org.kernellab.data.DataException;
import org.kernellab.onnx.OnnxProto.AttributeProto;
import org.kernellab.onnx.OnnxProto.GraphProto;
import org.kernellab.onnx.OnnxProto.ModelProto;
import org.kernellab.onnx.OnnxProto.NodeProto;
import org.kernellab.onnx.OnnxProto.TensorProto;
import org.kernellab.onnx.OnnxProto.TensorShapeProto;

/**
 * A sequential net from an ONNX file as {@code torch.onnx.export} writes one: the nodes on the path from the input are
 * its layers (Conv, BatchNormalization, Relu, MaxPool, AveragePool, GlobalAveragePool, Pad before a Conv, Flatten or a
 * Reshape to (batch, -1), Gemm or MatMul with an Add, Dropout, Identity, Softmax and LogSoftmax); the small shape
 * computation {@code x.view(x.size(0), -1)} becomes (Shape, Gather, Unsqueeze, Concat, Constant) is read past. Any other
 * node is refused with its op and name.
 */
final class OnnxImport {
    /** Nodes off the main path that only compute a shape for a Reshape. */
    private static final Set<String> SHAPE_OPS =
            Set.of("Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Constant", "Slice", "Cast");

    private static final long MAX_BYTES = 1L << 30;

    private final String source;
    private final Map<String, TensorProto> weights = new HashMap<>();
    private final OnnxTensors tensors;
    private final List<Layer> layers = new ArrayList<>();
    private final List<float[]> parameters = new ArrayList<>(), buffers = new ArrayList<>();
    private int dims;
    private int[] pad;

    private OnnxImport(String source) {
        this.source = source;
        this.tensors = new OnnxTensors(weights, source);
    }

    /** The net and its weights, loaded into a network that trains further with {@code training}. */
    static Network read(Path file, Training training) throws DataException {
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_BYTES) throw new DataException("model.tooLarge", file, MAX_BYTES / 4);
            model = ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new DataException("model.badOnnx", file, DataException.why(e)).causedBy(e);
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
        OnnxImport o = new OnnxImport(file.toString());
        Net net = o.net(model.getGraph());
        Network network = Network.build(net, training);
        try {
            network.loadPyTorch(o.parameters, o.buffers);
        } catch (IllegalArgumentException e) {
            throw new DataException("model.badOnnx", file, e.getMessage()).causedBy(e);
        }
        return network;
    }

    private Net net(GraphProto g) throws DataException {
        for (TensorProto t : g.getInitializerList()) weights.put(t.getName(), t);
        String x = null;
        int[] input = null;
        for (var in : g.getInputList()) {
            if (weights.containsKey(in.getName())) continue;
            x = in.getName();
            List<TensorShapeProto.Dimension> d =
                    in.getType().getTensorType().getShape().getDimList();
            input = d.stream().skip(1).mapToInt(v -> (int) v.getDimValue()).toArray();
        }
        if (x == null || input.length < 1 || Arrays.stream(input).anyMatch(v -> v < 1))
            throw bad("its graph has no input of a known shape");
        dims = input.length - 1;
        List<NodeProto> nodes = g.getNodeList();
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto n = nodes.get(i);
            if (n.getInputCount() == 0 || !n.getInput(0).equals(x)) {
                if (!SHAPE_OPS.contains(n.getOpType())) throw refused(n);
                if (n.getOpType().equals("Constant"))
                    weights.put(n.getOutput(0), n.getAttribute(0).getT());
                continue;
            }
            if (n.getOpType().equals("Shape")) continue; // the batch size read for a Reshape
            boolean withAdd = layer(n, i + 1 < nodes.size() ? nodes.get(i + 1) : null);
            x = withAdd ? nodes.get(++i).getOutput(0) : n.getOutput(0);
        }
        if (pad != null) throw bad("it pads without a convolution or pooling after");
        try {
            return Net.of(input, layers);
        } catch (RuntimeException e) {
            throw bad(e.getMessage());
        }
    }

    /** Adds node {@code n}'s layer; true when it took the Add after a MatMul as its bias. */
    private boolean layer(NodeProto n, NodeProto next) throws DataException {
        switch (n.getOpType()) {
            case "Conv" -> conv(n);
            case "BatchNormalization" -> {
                float[] scale = tensors.floats(n.getInput(1));
                layers.add(new Layer.BatchNorm(
                        dims, scale.length, real(n, "epsilon", 1e-5), 1 - real(n, "momentum", 0.9)));
                parameters.addAll(List.of(scale, tensors.floats(n.getInput(2))));
                buffers.addAll(List.of(tensors.floats(n.getInput(3)), tensors.floats(n.getInput(4))));
            }
            case "Relu" -> layers.add(new Layer.ReLU());
            case "MaxPool", "AveragePool" -> pool(n);
            case "GlobalAveragePool" -> layers.add(new Layer.AdaptiveAvgPool(dims, Window.fill(dims, 1)));
            case "Flatten", "Reshape" -> layers.add(new Layer.Flatten()); // torch's x.view(x.size(0), -1)
            case "Gemm" -> gemm(n);
            case "MatMul" -> {
                boolean bias = next != null
                        && next.getOpType().equals("Add")
                        && next.getInput(0).equals(n.getOutput(0))
                        && weights.containsKey(next.getInput(1));
                linear(tensors.transpose(n.getInput(1)), bias ? tensors.floats(next.getInput(1)) : null);
                return bias;
            }
            case "Pad" -> pad = pads(n);
            case "Dropout", "Identity" -> {
                // the identity when the net is used
            }
            case "Softmax", "LogSoftmax" -> layers.add(new Layer.Softmax()); // the same probabilities
            default -> throw refused(n);
        }
        return false;
    }

    private void conv(NodeProto n) throws DataException {
        int[] w = tensors.shape(n.getInput(1));
        if ((int) integer(n, "group", 1) != 1) throw bad(n.getName() + " is a grouped convolution");
        int[] kernel = Arrays.copyOfRange(w, 2, w.length), padding = symmetric(n, ints(n, "pads", 2 * dims, 0));
        if (pad != null) for (int a = 0; a < dims; a++) padding[a] += pad[a];
        pad = null;
        boolean bias = n.getInputCount() > 2;
        layers.add(new Layer.Conv(
                dims, w[1], w[0], kernel, ints(n, "strides", dims, 1), padding, ints(n, "dilations", dims, 1), bias));
        parameters.add(tensors.floats(n.getInput(1)));
        if (bias) parameters.add(tensors.floats(n.getInput(2)));
    }

    private void pool(NodeProto n) throws DataException {
        int[] padding = symmetric(n, ints(n, "pads", 2 * dims, 0));
        boolean max = n.getOpType().equals("MaxPool");
        boolean merged = pad != null;
        if (merged) { // torch pads with zeros before an average: the same as counting padding cells as zeros
            if (max && Arrays.stream(pad).anyMatch(v -> v > 0)) throw bad(n.getName() + " pools a zero-padded maximum");
            for (int a = 0; a < dims; a++) padding[a] += pad[a];
            pad = null;
        }
        if (!max
                && integer(n, "count_include_pad", merged ? 1 : 0) == 0
                && Arrays.stream(padding).anyMatch(v -> v > 0))
            throw bad(n.getName() + " averages without counting its padding, which PyTorch's AvgPool does not do");
        if (Arrays.stream(ints(n, "dilations", dims, 1)).anyMatch(v -> v != 1))
            throw bad(n.getName() + " is a dilated pooling");
        int[] kernel = ints(n, "kernel_shape", dims, 1);
        layers.add(new Layer.Pool(
                dims,
                max ? PoolMode.MAX : PoolMode.AVG,
                kernel,
                ints(n, "strides", dims, 1),
                padding,
                integer(n, "ceil_mode", 0) == 1));
    }

    private void gemm(NodeProto n) throws DataException {
        if (integer(n, "transA", 0) != 0 || real(n, "alpha", 1) != 1 || real(n, "beta", 1) != 1)
            throw bad(n.getName() + " is a Gemm that is not a plain linear layer");
        float[][] w = integer(n, "transB", 0) == 1 ? tensors.matrix(n.getInput(1)) : tensors.transpose(n.getInput(1));
        linear(w, n.getInputCount() > 2 ? tensors.floats(n.getInput(2)) : null);
    }

    private void linear(float[][] w, float[] bias) {
        layers.add(new Layer.Linear(w[0].length, w.length, bias != null));
        float[] flat = new float[w.length * w[0].length];
        for (int o = 0; o < w.length; o++) System.arraycopy(w[o], 0, flat, o * w[0].length, w[0].length);
        parameters.add(flat);
        if (bias != null) parameters.add(bias);
    }

    /** An explicit Pad's per-axis padding of the spatial axes, zeros only, the same on both sides. */
    private int[] pads(NodeProto n) throws DataException {
        if (n.getInputCount() > 2 && !n.getInput(2).isEmpty() && anyNonZero(tensors.floats(n.getInput(2))))
            throw bad(n.getName() + " pads with a value other than 0");
        long[] p = n.getInputCount() > 1 ? tensors.longs(n.getInput(1)) : new long[0];
        int axes = p.length / 2;
        if (axes != dims + 2) throw bad(n.getName() + " pads an unexpected number of axes");
        int[] out = new int[dims];
        for (int a = 0; a < dims; a++) {
            if (p[2 + a] != p[axes + 2 + a] || p[0] + p[1] + p[axes] + p[axes + 1] != 0)
                throw bad(n.getName() + " pads unevenly or pads batch or channels");
            out[a] = (int) p[2 + a];
        }
        return out;
    }

    private static boolean anyNonZero(float[] v) {
        for (float f : v) if (f != 0) return true;
        return false;
    }

    private int[] symmetric(NodeProto n, int[] pads) throws DataException {
        if (!n.getAttributeList().stream()
                .filter(a -> a.getName().equals("auto_pad"))
                .allMatch(a -> a.getS().toStringUtf8().equals("NOTSET")))
            throw bad(n.getName() + " pads automatically (auto_pad)");
        for (int a = 0; a < dims; a++)
            if (pads[a] != pads[dims + a]) throw bad(n.getName() + " pads its two sides differently");
        return Arrays.copyOf(pads, dims);
    }

    private static int[] ints(NodeProto n, String name, int count, int fallback) {
        for (AttributeProto a : n.getAttributeList())
            if (a.getName().equals(name))
                return a.getIntsList().stream().mapToInt(Long::intValue).toArray();
        return Window.fill(count, fallback);
    }

    private static long integer(NodeProto n, String name, long fallback) {
        for (AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getI();
        return fallback;
    }

    private static double real(NodeProto n, String name, double fallback) {
        for (AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getF();
        return fallback;
    }

    private DataException refused(NodeProto n) {
        return new DataException("model.onnxOp", source, n.getOpType(), n.getName());
    }

    private DataException bad(String why) {
        return new DataException("model.badOnnx", source, why);
    }
}
