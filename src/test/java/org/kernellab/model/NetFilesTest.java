package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;
import org.kernellab.model.PickleBytes.Stored;

/**
 * Opening PyTorch's files without Python: state dicts written opcode by opcode as {@code torch.save} writes them, with
 * every way a file can be damaged or hostile. Each bad file is refused in a sentence naming what is wrong, before
 * anything large is allocated; a hostile pickle's global is named and never run.
 */
class NetFilesTest {
    @TempDir
    Path dir;

    /** The notebook MLP's keys and shapes, random values. */
    private static Map<String, Stored> mlp(Random rnd) {
        Map<String, Stored> t = new LinkedHashMap<>();
        int[][] shapes = {{64, 784}, {128, 64}, {10, 128}};
        for (int i = 0; i < 3; i++) {
            t.put(
                    "linear_relu_stack." + 2 * i + ".weight",
                    Stored.of(random(rnd, shapes[i][0] * shapes[i][1]), shapes[i][0], shapes[i][1]));
            t.put("linear_relu_stack." + 2 * i + ".bias", Stored.of(random(rnd, shapes[i][0]), shapes[i][0]));
        }
        return t;
    }

    private static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    @Test
    void aStateDictWrittenAsTorchWritesItOpensWithItsValuesInPlace() throws Exception {
        Map<String, Stored> t = mlp(new Random(1));
        Path file = PickleBytes.zip(dir.resolve("mlp.pt"), PickleBytes.stateDict(t), t);
        NetFiles.Opened o = NetFiles.open(file, null);
        assertEquals("pytorch", o.format());
        assertEquals(CourseNets.mlp(0).resolved(), o.network().net().resolved());
        List<Network.Tensor32> got = o.network().pytorchParameters();
        int i = 0;
        for (Stored s : t.values()) assertArrayEquals(s.storage(), got.get(i++).values());
        assertEquals(6, i);
    }

    @Test
    void aViewOfItsStorageIsReadThroughItsOffsetAndStrides() throws Exception {
        Map<String, Stored> t = mlp(new Random(2));
        // the last layer's weight saved as a transposed view (stride 1, 10) of a storage that starts 5 values in
        float[] w = t.get("linear_relu_stack.4.weight").storage(), storage = new float[5 + w.length];
        for (int r = 0; r < 10; r++) for (int c = 0; c < 128; c++) storage[5 + c * 10 + r] = w[r * 128 + c];
        t.put(
                "linear_relu_stack.4.weight",
                new Stored(storage, storage.length, 5, new long[] {10, 128}, new long[] {1, 10}));
        Path file = PickleBytes.zip(dir.resolve("view.pt"), PickleBytes.stateDict(t), t);
        assertArrayEquals(
                w,
                NetFiles.open(file, null).network().pytorchParameters().get(4).values());
    }

    /** The message a file gets, from opening it; it must say what is wrong in words. */
    private String refusal(Path file, Net net) {
        DataException e = assertThrows(DataException.class, () -> NetFiles.open(file, net), file.toString());
        return e.problem().english();
    }

    private Path pickled(String name, byte[] pickle) throws IOException {
        return PickleBytes.zip(dir.resolve(name), pickle, Map.of());
    }

    @Test
    void aHostilePickleIsRefusedByTheNameOfWhatItWouldRun() throws Exception {
        Path marker = dir.resolve("ran");
        int refused = 0;
        for (String[] g : new String[][] {
            {"os", "system"},
            {"builtins", "eval"},
            {"posix", "system"},
            {"torch", "load"},
            {"collections", "defaultdict"},
            {"torch._utils", "_rebuild_tensor"}
        }) {
            byte[] evil = new PickleBytes()
                    .op(0x80, 2)
                    .global(g[0], g[1])
                    .text("touch " + marker)
                    .op(0x85, 'R', '.')
                    .bytes();
            String why = refusal(pickled(g[1] + ".pt", evil), null);
            assertTrue(why.contains(g[0] + "." + g[1]) && why.contains("refused"), why);
            // the same global by STACK_GLOBAL, protocol 4's way of naming it
            byte[] stacked = new PickleBytes()
                    .op(0x80, 4)
                    .text(g[0])
                    .text(g[1])
                    .op(0x93)
                    .text("x")
                    .op(0x85, 'R', '.')
                    .bytes();
            assertTrue(refusal(pickled(g[1] + "4.pt", stacked), null).contains(g[0] + "." + g[1]));
            refused += 2;
        }
        assertEquals(12, refused);
        assertTrue(Files.notExists(marker));
    }

    @Test
    void aWholePickledModuleIsRefusedWithHowToSaveItsStateDict() throws Exception {
        for (String[] g : new String[][] {{"__main__", "ConvNet"}, {"torch.nn.modules.container", "Sequential"}}) {
            byte[] module = new PickleBytes()
                    .op(0x80, 2)
                    .global(g[0], g[1])
                    .op(')', 0x81, '.')
                    .bytes();
            String why = refusal(pickled(g[1] + ".pt", module), null);
            assertTrue(why.contains("state_dict()") && why.contains(g[0] + "." + g[1]), why);
        }
    }

    @Test
    void damagedAndLyingFilesAreRefusedInASentence() throws Exception {
        Map<String, Stored> good = mlp(new Random(3));
        byte[] zip = Files.readAllBytes(PickleBytes.zip(dir.resolve("good.pt"), PickleBytes.stateDict(good), good));
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("damaged zip", write("cut.pt", Arrays.copyOf(zip, 30)));
        expected.put("damaged zip", "damaged zip");
        byte[] cutPickle = PickleBytes.stateDict(good);
        files.put(
                "cut pickle",
                PickleBytes.zip(dir.resolve("cutpickle.pt"), Arrays.copyOf(cutPickle, cutPickle.length / 2), good));
        expected.put("cut pickle", "damaged");
        files.put(
                "short storage",
                lying(
                        "short.pt",
                        s -> new Stored(Arrays.copyOf(s.storage(), 10), s.declared(), 0, s.size(), s.stride())));
        expected.put("short storage", "bytes where it needs");
        files.put("absurd size", lying("absurd.pt", s -> new Stored(s.storage(), 1L << 40, 0, s.size(), s.stride())));
        expected.put("absurd size", "too many");
        // a zip bomb: 20 MB of zeros that deflate to almost nothing, where the tensor needs 200 KB: refused unread
        files.put(
                "bomb", lying("bomb.pt", s -> new Stored(new float[5_000_000], s.declared(), 0, s.size(), s.stride())));
        expected.put("bomb", "the data of storage 0 holds 20,000,000 bytes where it needs 200,704");
        files.put("outside", lying("outside.pt", s -> new Stored(s.storage(), s.declared(), 7, s.size(), s.stride())));
        expected.put("outside", "reaches beyond its storage");
        files.put("no pickle", PickleBytes.zip(dir.resolve("nopkl.zip"), null, Map.of()));
        expected.put("no pickle", "not one that torch.save wrote");
        files.put("empty", write("empty.bin", new byte[0]));
        expected.put("empty", "not a KernelLab model, a PyTorch state dict");
        files.put("legacy", write("old.pt", new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10}));
        files.put("empty pt", write("empty.pt", new byte[0]));
        expected.put("empty pt", "damaged zip");
        expected.put("legacy", "older than 1.6");
        files.put("onnx", write("net.onnx", new byte[] {8, 7, 18, 7}));
        expected.put("onnx", "ONNX");
        int checked = 0;
        for (Map.Entry<String, Path> f : files.entrySet()) {
            String why = refusal(f.getValue(), null);
            assertTrue(
                    why.contains(expected.get(f.getKey()))
                            && why.contains(f.getValue().toString()),
                    f.getKey() + ": " + why);
            checked++;
        }
        assertEquals(11, checked);
    }

    /** The good MLP with its first tensor changed by {@code lie}. */
    private Path lying(String name, UnaryOperator<Stored> lie) throws IOException {
        Map<String, Stored> t = mlp(new Random(4));
        String first = t.keySet().iterator().next();
        t.put(first, lie.apply(t.get(first)));
        return PickleBytes.zip(dir.resolve(name), PickleBytes.stateDict(t), t);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void safetensorsFilesAreCheckedAgainstTheirOwnHeader() throws Exception {
        Map<String, Stored> t = mlp(new Random(5));
        Map<String, String> cases = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("good", safetensors("good.safetensors", t, h -> h));
        files.put("F16", safetensors("f16.safetensors", t, h -> h.replace("\"F32\"", "\"F16\"")));
        cases.put("F16", "holds F16 values");
        files.put(
                "beyond", safetensors("beyond.safetensors", t, h -> h.replace("[0, 200704]", "[99999999, 100200703]")));
        cases.put("beyond", "beyond the end");
        files.put("length", safetensors("length.safetensors", t, h -> h.replace("[0, 200704]", "[0, 200700]")));
        cases.put("length", "bytes where it needs");
        files.put("not json", safetensors("json.safetensors", t, h -> "{" + h.substring(2)));
        cases.put("not json", "not JSON");
        ByteBuffer huge = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1L << 50)
                .put("{}      ".getBytes(StandardCharsets.US_ASCII));
        files.put("header", write("huge.safetensors", huge.array()));
        cases.put("header", "a header of 1125899906842624 bytes");
        NetFiles.Opened o = NetFiles.open(files.get("good"), null);
        assertEquals("safetensors", o.format());
        assertArrayEquals(
                t.get("linear_relu_stack.0.weight").storage(),
                o.network().pytorchParameters().get(0).values());
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String why = refusal(files.get(c.getKey()), null);
            assertTrue(why.contains(c.getValue()), c.getKey() + ": " + why);
        }
        assertEquals(5, cases.size());
    }

    /** A safetensors file of {@code t}, first weight first, its header text passed through {@code edit}. */
    private Path safetensors(String name, Map<String, Stored> t, UnaryOperator<String> edit) throws IOException {
        StringBuilder h = new StringBuilder("{");
        long at = 0;
        ByteBuffer data = ByteBuffer.allocate(t.values().stream()
                        .mapToInt(s -> s.storage().length * 4)
                        .sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Stored> e : t.entrySet()) {
            long n = e.getValue().storage().length * 4L;
            h.append(h.length() > 1 ? ", " : "")
                    .append('"')
                    .append(e.getKey())
                    .append("\": {\"dtype\": \"F32\", \"shape\": ")
                    .append(Arrays.toString(e.getValue().size()))
                    .append(", \"data_offsets\": [")
                    .append(at)
                    .append(", ")
                    .append(at + n)
                    .append("]}");
            for (float v : e.getValue().storage()) data.putFloat(v);
            at += n;
        }
        byte[] header = edit.apply(h.append('}').toString()).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(data.array());
        return write(name, b.array());
    }

    @Test
    void weightsOfAnotherNetAreRefusedWithTheLayerAndBothShapes() throws Exception {
        Map<String, Stored> t = mlp(new Random(6));
        Path file = PickleBytes.zip(dir.resolve("mlp.pt"), PickleBytes.stateDict(t), t);
        Net narrower = Net.of(
                CourseNets.FASHION,
                List.of(
                        new Layer.Flatten(),
                        new Layer.Linear(0, 32, true),
                        new Layer.ReLU(),
                        new Layer.Linear(0, 128, true),
                        new Layer.ReLU(),
                        new Layer.Linear(0, 10, true)));
        String why = refusal(file, narrower);
        assertTrue(
                why.contains("linear_relu_stack.0.weight has the shape [64, 784]") && why.contains("[32, 784]"), why);
        assertTrue(refusal(file, CourseNets.cnn()).contains("6 weight tensors where the net has 8"));
        Map<String, Stored> renamed = new LinkedHashMap<>();
        t.forEach((k, v) -> renamed.put(k.replace("linear_relu_stack", "encoder"), v));
        Path unknown = PickleBytes.zip(dir.resolve("enc.pt"), PickleBytes.stateDict(renamed), renamed);
        String guess = refusal(unknown, null);
        assertTrue(guess.contains("encoder.0.weight") && guess.contains("--net"), guess);
        // a net that starts with BatchNorm is none of the notebooks'
        Map<String, Stored> norm = new LinkedHashMap<>();
        norm.put("0.weight", Stored.of(new float[4], 4));
        norm.put("0.bias", Stored.of(new float[4], 4));
        norm.put("0.running_mean", Stored.of(new float[4], 4));
        norm.put("0.running_var", Stored.of(new float[4], 4));
        String first = refusal(PickleBytes.zip(dir.resolve("bn.pt"), PickleBytes.stateDict(norm), norm), null);
        assertTrue(first.contains("0.weight") && first.contains("--net"), first);
        // the same weights with the net given: they open
        assertEquals(
                CourseNets.mlp(0).resolved(),
                NetFiles.open(unknown, CourseNets.mlp(0)).network().net().resolved());
    }

    @Test
    void aKernelLabModelOpensAsItselfAndRefusesANetBesideIt() throws Exception {
        Network net = Network.build(CourseNets.cnn(8, 1, 0, CourseNets.DropoutAt.HIDDEN), Training.adam(1e-3, 8, 1));
        Path file = dir.resolve("mine.model");
        ModelFile.save(net, file);
        NetFiles.Opened o = NetFiles.open(file, null);
        assertEquals("kernellab", o.format());
        assertArrayEquals(net.parameterValues(), o.network().parameterValues());
        assertTrue(refusal(file, CourseNets.cnn()).contains("holds its own net"));
    }

    @Test
    void anOnnxExportOpensBackAsTheSameNetGivingTheSameAnswers() throws Exception {
        int compared = 0;
        for (String json : OnnxExportPyTorchTest.NETS) {
            Net net = Net.fromJson(json.replace('\'', '"'));
            Network network = Network.build(net, Training.adam(1e-3, 8, 1));
            Path file = dir.resolve("net" + net.dims() + ".onnx");
            OnnxExport.write(network, file);
            NetFiles.Opened o = NetFiles.open(file, null);
            assertEquals("onnx", o.format());
            // dropout is the identity in ONNX, and an adaptive average that divides its input a plain one: the net read
            // back has the same layers' outputs without dropout, and the same parameters
            List<Layer> kept = net.layers().stream()
                    .filter(l -> !(l instanceof Layer.Dropout))
                    .toList();
            assertEquals(shapes(Net.of(net.input(), kept)), shapes(o.network().net()));
            assertEquals(net.parameters(), o.network().net().parameters());
            Samples data = LayersPyTorchTest.batch(net, 4, false, new Random(1));
            float[] ours = network.predict(data, Trainer.range(4), 0, 4),
                    back = o.network().predict(data, Trainer.range(4), 0, 4);
            for (int i = 0; i < ours.length; i++) assertEquals(ours[i], back[i], 1e-6);
            compared += ours.length;
        }
        assertEquals(4 * 10 + 4 * 4, compared);
        Path junk = write("junk.onnx", new byte[] {8, 7, 18, 100, 1, 2});
        assertTrue(refusal(junk, null).contains("not an ONNX model"));
    }

    private static List<String> shapes(Net net) {
        return net.table(1).stream()
                .map(r -> r.layer().type().replace("AdaptiveAvgPool", "AvgPool") + Arrays.toString(r.shape()))
                .toList();
    }
}
