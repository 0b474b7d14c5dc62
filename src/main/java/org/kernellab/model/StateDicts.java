package org.kernellab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.kernellab.compute.ComputeException;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Window;
import org.kernellab.data.DataException;
import org.kernellab.model.Network.Tensor32;
import org.kernellab.model.WeightFiles.Weight;

/**
 * The net a PyTorch state dict holds. Its keys and shapes name the layers with weights: the notebooks'
 * {@code NeuralNetwork} ({@code linear_relu_stack.N}), {@code ConvNet} ({@code backbone.N}, {@code head.N}),
 * {@code Conv3DNet} and {@code ModifiedConv3DNet} ({@code features.N}, {@code classifier.N}), a plain
 * {@code nn.Sequential} ({@code N.weight}), with DistributedDataParallel's {@code module.} prefix or without. Layers
 * without weights leave no key: they are read from the gaps between indices as the notebooks place them (after a
 * convolution: ReLU, then MaxPool 2, then Dropout; between Linears: ReLU, then Dropout), and what the gaps cannot tell
 * (each convolution's padding, the pooling after the last one, a 3D net's grid) is the first choice the first Linear's
 * {@code in_features} agrees with. A net beyond that is given in its JSON form.
 */
public final class StateDicts {
    private static final Pattern KEY = Pattern.compile(
            "(?:([A-Za-z_][A-Za-z0-9_]*)\\.)?(\\d+)\\.(weight|bias|running_mean|running_var|num_batches_tracked)");
    private static final Map<String, Integer> RANK =
            Map.of("", 0, "linear_relu_stack", 0, "backbone", 0, "features", 0, "head", 1, "classifier", 1);
    private static final List<String> PARTS = List.of("weight", "bias", "running_mean", "running_var");
    /** The notebook's grid first, then every grid the voxel lessons draw. */
    private static final int[] GRIDS =
            IntStream.concat(IntStream.of(24), IntStream.rangeClosed(8, 64)).toArray();

    private StateDicts() {}

    /** A layer with weights: its group, index and tensors. */
    private record Module(String group, int index, Map<String, Weight> params) {
        int rank() {
            return RANK.getOrDefault(group, 0);
        }

        int[] weight() {
            return params.get("weight").shape();
        }

        String kind() {
            int r = weight().length;
            if (params.containsKey("running_mean")) return r == 1 ? "norm" : "?";
            return r == 2 ? "linear" : r == 4 || r == 5 ? "conv" : "?";
        }
    }

    /** The state dict's tensors in the order of the net's layers, DDP's {@code module.} prefix taken off. */
    public static Map<String, Weight> ordered(Map<String, Weight> dict) {
        boolean ddp = !dict.isEmpty() && dict.keySet().stream().allMatch(k -> k.startsWith("module."));
        List<String> groups = new ArrayList<>();
        Map<String, Weight> out = new LinkedHashMap<>();
        dict.forEach((k, v) -> out.put(ddp ? k.substring("module.".length()) : k, v));
        for (String k : out.keySet()) {
            String g = group(k);
            if (!groups.contains(g)) groups.add(g);
        }
        List<String> keys = new ArrayList<>(out.keySet());
        keys.sort(Comparator.comparingInt((String k) -> RANK.getOrDefault(group(k), 0))
                .thenComparingInt(k -> groups.indexOf(group(k)))
                .thenComparingInt(StateDicts::index)
                .thenComparingInt(k -> PARTS.indexOf(k.substring(k.lastIndexOf('.') + 1))));
        Map<String, Weight> sorted = new LinkedHashMap<>();
        for (String k : keys) sorted.put(k, out.get(k));
        return sorted;
    }

    private static String group(String key) {
        Matcher m = KEY.matcher(key);
        return !m.matches() ? key : m.group(1) == null ? "" : m.group(1);
    }

    private static int index(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() ? Integer.parseInt(m.group(2)) : Integer.MAX_VALUE;
    }

    /** The net of a state dict ({@link #ordered}) whose keys follow one of the notebooks' classes. */
    public static Net recognise(Map<String, Weight> dict, String source) throws DataException {
        List<Module> modules = modules(dict, source);
        Module first = modules.get(0);
        if (first.kind().equals("norm")) throw unknown(source, key(first)); // a net that starts with BatchNorm
        int convs = (int) modules.stream().filter(m -> m.kind().equals("conv")).count();
        int dims = first.kind().equals("conv") ? first.weight().length - 2 : flatDims(first.weight()[1]);
        int choices = convs <= 8 ? 1 << convs : 1; // beyond 8 convolutions, unpadded ones only
        for (int grid : dims == 3 ? GRIDS : new int[] {28})
            for (int tail = 0; tail < 2; tail++)
                for (int pads = 0; pads < choices; pads = next(pads, choices)) {
                    try {
                        int[] input = dims == 3 ? new int[] {1, grid, grid, grid} : CourseNets.FASHION;
                        return Net.of(input, layers(modules, pads, tail == 0, source));
                    } catch (ComputeException e) {
                        // not this choice: the next one
                    }
                }
        throw unknown(source, first.group() + "." + first.index() + ".weight");
    }

    /** The paddings' choices, the fewest padded convolutions first. */
    private static int next(int pads, int choices) {
        int bits = Integer.bitCount(pads);
        for (int p = pads + 1; p < choices; p++) if (Integer.bitCount(p) == bits) return p;
        return (1 << (bits + 1)) - 1;
    }

    /** A flat first layer: 784 values a picture, a cube's a volume. */
    private static int flatDims(int features) {
        return features == 28 * 28 ? 2 : 3;
    }

    private static List<Module> modules(Map<String, Weight> dict, String source) throws DataException {
        Map<String, Module> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Weight> e : dict.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            String group = m.matches() && m.group(1) != null ? m.group(1) : "";
            if (!m.matches() || !RANK.containsKey(group)) throw unknown(source, e.getKey());
            Module mod = byName.computeIfAbsent(
                    group + "." + m.group(2),
                    k -> new Module(group, Integer.parseInt(m.group(2)), new LinkedHashMap<>()));
            mod.params().put(m.group(3), e.getValue());
        }
        List<Module> out = new ArrayList<>(byName.values());
        if (out.isEmpty()) throw new DataException("model.emptyStateDict", source);
        for (Module m : out)
            if (!m.params().containsKey("weight") || m.kind().equals("?"))
                throw unknown(source, m.group() + "." + m.index() + ".weight");
        return out;
    }

    private static List<Layer> layers(List<Module> modules, int pads, boolean pooledTail, String source)
            throws DataException {
        List<Layer> out = new ArrayList<>();
        int conv = 0, dims = 2;
        boolean flat = false;
        for (int i = 0; i < modules.size(); i++) {
            Module m = modules.get(i), next = i + 1 < modules.size() ? modules.get(i + 1) : null;
            boolean sameGroup = next != null && next.group().equals(m.group());
            int[] w = m.weight();
            switch (m.kind()) {
                case "conv" -> {
                    dims = w.length - 2;
                    int k = w[2], p = (pads >> conv++ & 1) == 1 ? k / 2 : 0;
                    int[] kernel = Arrays.copyOfRange(w, 2, w.length);
                    out.add(new Layer.Conv(
                            dims,
                            w[1],
                            w[0],
                            kernel,
                            Window.fill(dims, 1),
                            Window.fill(dims, p),
                            Window.fill(dims, 1),
                            m.params().containsKey("bias")));
                }
                case "norm" -> out.add(new Layer.BatchNorm(dims, w[0], Layer.BatchNorm.EPS, Layer.BatchNorm.MOMENTUM));
                default -> {
                    if (!flat) out.add(new Layer.Flatten());
                    flat = true;
                    out.add(new Layer.Linear(w[1], w[0], m.params().containsKey("bias")));
                }
            }
            if (next == null) continue;
            int gap = sameGroup ? next.index() - m.index() - 1 : -1;
            boolean spatial = !m.kind().equals("linear");
            if (spatial && next.kind().equals("linear")) {
                // the pooling after the last convolution is a choice; a gap that ends in Flatten holds the rest
                int before = sameGroup ? gap - 1 : pooledTail ? 2 : 1;
                if (before < 0) throw unknown(source, key(next));
                out.addAll(afterConv(before, dims, source, next));
            } else if (spatial) {
                if (!sameGroup) throw unknown(source, key(next));
                out.addAll(afterConv(gap, dims, source, next));
            } else {
                if (gap > 2 || !next.kind().equals("linear")) throw unknown(source, key(next));
                if (gap != 0) out.add(new Layer.ReLU()); // the gap between two groups: ReLU, as the notebooks put it
                if (gap == 2) out.add(new Layer.Dropout(0.5));
            }
        }
        return out;
    }

    private static List<Layer> afterConv(int gap, int dims, String source, Module next) throws DataException {
        if (gap > 3) throw unknown(source, key(next));
        List<Layer> out = new ArrayList<>();
        if (gap >= 1) out.add(new Layer.ReLU());
        if (gap >= 2) out.add(Layer.Pool.of(dims, PoolMode.MAX, 2));
        if (gap == 3) out.add(new Layer.Dropout(0.5));
        return out;
    }

    private static String key(Module m) {
        return (m.group().isEmpty() ? "" : m.group() + ".") + m.index() + ".weight";
    }

    private static DataException unknown(String source, String key) {
        return new DataException("model.unknownNet", source, key);
    }

    /**
     * {@code net} with the state dict's weights ({@link #ordered}): each tensor's shape must be the one the net's layer
     * has in PyTorch; BatchNorm's {@code num_batches_tracked} is not needed.
     */
    public static Network load(Net net, Training training, Map<String, Weight> dict, String source)
            throws DataException {
        Network network = Network.build(net, training);
        List<Map.Entry<String, Weight>> params = new ArrayList<>(), stats = new ArrayList<>();
        for (Map.Entry<String, Weight> e : dict.entrySet()) {
            if (e.getKey().endsWith("num_batches_tracked")) continue;
            (e.getKey().endsWith("running_mean") || e.getKey().endsWith("running_var") ? stats : params).add(e);
        }
        List<float[]> p = matched(network.pytorchParameters(), params, source);
        List<float[]> s = matched(network.pytorchBuffers(), stats, source);
        network.loadPyTorch(p, s);
        return network;
    }

    private static List<float[]> matched(List<Tensor32> want, List<Map.Entry<String, Weight>> given, String source)
            throws DataException {
        if (want.size() != given.size())
            throw new DataException("model.weightCount", source, given.size(), want.size());
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            int[] shape = given.get(i).getValue().shape();
            if (!Arrays.equals(shape, want.get(i).shape()))
                throw new DataException(
                        "model.weightShape",
                        source,
                        given.get(i).getKey(),
                        Arrays.toString(shape),
                        want.get(i).name(),
                        Arrays.toString(want.get(i).shape()));
            out.add(given.get(i).getValue().values());
        }
        return out;
    }
}
