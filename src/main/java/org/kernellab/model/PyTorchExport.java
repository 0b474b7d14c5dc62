package org.kernellab.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kernellab.compute.Augment;
import org.kernellab.data.DataException;
import org.kernellab.i18n.Messages;
import org.kernellab.model.WeightFiles.Weight;

/**
 * A trained net as a small PyTorch project that needs only {@code torch} and {@code numpy}: {@code model.py} (the net as
 * an {@code nn.Sequential} of the layer table's modules, {@code load()} giving it with the weights), the weights as a
 * state dict ({@code weights.pt}, and {@code weights.safetensors}), the JSON form ({@code net.json}), test pictures with
 * the app's logits and {@code check.py} comparing PyTorch's with them, {@code train.py} (the same settings, on CUDA when
 * present, distributed under {@code torchrun}) and a README in the student's language.
 */
public final class PyTorchExport {
    /** Test pictures stored with the export for {@code check.py}. */
    public static final int SAMPLES = 8;

    private static final String TEMPLATES = "/org/kernellab/export/";

    private PyTorchExport() {}

    /**
     * Writes the project into {@code folder} (made if missing); returns the files' names. A net of volumes takes its
     * voxel grids along ({@code voxels.pt}, from {@code train} and {@code test}); a net of pictures trains on
     * Fashion-MNIST's files ({@code train} may be null), augmented as the lab did when {@code augment} is given.
     */
    public static List<String> write(
            Network network,
            Augment.Settings augment,
            Samples train,
            Samples test,
            String title,
            Locale language,
            Path folder)
            throws DataException {
        Net net = network.net();
        try {
            Files.createDirectories(folder);
            Map<String, String> fill = new LinkedHashMap<>();
            fill.put("TITLE", title);
            fill.put("INPUT", Arrays.toString(net.input()));
            fill.put("BATCH_SHAPE", "(N, " + Arrays.toString(net.input()).replaceAll("[\\[\\]]", "") + ")");
            fill.put("NORMALIZE_NOTE", network.normalizesInputs() ? ", then Normalize((0.5,), (0.5,))" : "");
            fill.put("CLASSES", String.valueOf(net.classes()));
            fill.put("LAYERS", layers(net));
            fill.put("TRAINING", training(network.training(), augment, network.normalizesInputs()));
            fill.put("SAMPLES", String.valueOf(Math.min(SAMPLES, test.count())));
            fill.put(
                    "DATA_NOTE",
                    net.dims() == 3
                            ? "\n" + Messages.format(language, "export.voxelsNote", train.count(), test.count()) + "\n"
                            : "");
            fill.put(
                    "TRAINING_TEXT",
                    trainingText(network.training(), augment, language)
                            + (network.normalizesInputs() ? Messages.format(language, "export.normalize") : ""));
            List<String> files = new ArrayList<>();
            for (String name : List.of("model.py", "check.py", "train.py"))
                files.add(text(folder, name, template(name, fill)));
            String readme = language.getLanguage().equals("es") ? "README.es.md" : "README.en.md";
            files.add(text(folder, "README.md", template(readme, fill)));
            files.add(text(folder, "net.json", net.toJson() + "\n"));
            Map<String, Weight> state = stateDict(network);
            WeightWriter.pytorch(state, folder.resolve("weights.pt"));
            WeightWriter.safetensors(
                    state,
                    Map.of("format", "pt", "kernellab_net", net.toJson()),
                    folder.resolve("weights.safetensors"));
            WeightWriter.pytorch(samples(network, test), folder.resolve("samples.pt"));
            files.addAll(List.of("weights.pt", "weights.safetensors", "samples.pt"));
            if (net.dims() == 3) {
                WeightWriter.pytorch(voxels(train, test), folder.resolve("voxels.pt"));
                files.add("voxels.pt");
            }
            return files;
        } catch (IOException e) {
            throw new DataException("export.notWritable", folder, DataException.why(e)).causedBy(e);
        }
    }

    /** The layer table's modules, one per line; a final Softmax is left out, as forward returns logits. */
    private static String layers(Net net) {
        List<LayerTable.Row> rows = new ArrayList<>(net.table(1));
        if (!rows.isEmpty() && rows.get(rows.size() - 1).layer() instanceof Layer.Softmax) rows.remove(rows.size() - 1);
        return rows.stream().map(r -> "            " + r.pytorch() + ",").collect(Collectors.joining("\n"));
    }

    /** The settings in words, for the README. */
    private static String trainingText(Training t, Augment.Settings augment, Locale language) {
        String text = Messages.format(
                language,
                "export.training",
                t.optimizer().id(),
                Double.toString(t.lr()),
                String.valueOf(t.batch()),
                String.valueOf(t.epochs()),
                String.valueOf(t.seed()));
        if (augment == null) return text;
        return text
                + Messages.format(
                        language,
                        "export.augment",
                        Double.toString(augment.flip()),
                        Double.toString(augment.degrees()),
                        Math.round(augment.minScale() * 100),
                        Math.round(augment.maxScale() * 100));
    }

    /** The settings as a Python dict; the augmentation as train.py gives it to torchvision's transforms, or None. */
    private static String training(Training t, Augment.Settings a, boolean normalize) {
        String augment = a == null
                ? "None"
                : String.format(
                        Locale.ROOT,
                        "{\"flip\": %s, \"degrees\": %s, \"scale\": (%s, %s)}",
                        Double.toString(a.flip()),
                        Double.toString(a.degrees()),
                        Double.toString(a.minScale()),
                        Double.toString(a.maxScale()));
        return String.format(
                Locale.ROOT,
                "{\"optimizer\": \"%s\", \"lr\": %s, \"batch\": %d, \"epochs\": %d, \"seed\": %d,%n"
                        + "            \"augment\": %s, \"normalize\": %s}",
                t.optimizer().id(),
                Double.toString(t.lr()),
                t.batch(),
                t.epochs(),
                t.seed(),
                augment,
                normalize ? "True" : "False");
    }

    /** The state dict PyTorch's {@code Net()} has: each layer's weight, bias, running statistics and batch count. */
    static Map<String, Weight> stateDict(Network network) {
        Map<String, Weight> out = new LinkedHashMap<>();
        List<Network.Tensor32> all = new ArrayList<>(network.pytorchParameters());
        all.addAll(network.pytorchBuffers());
        all.sort((a, b) -> Integer.compare(layer(a.name()), layer(b.name())));
        for (Network.Tensor32 t : all) {
            out.put(t.name(), new Weight(t.shape(), t.values()));
            // BatchNorm's count of batches seen follows its running variance; nothing reads it with the default
            // momentum
            if (t.name().endsWith("running_var"))
                out.put(t.name().replace("running_var", "num_batches_tracked"), new Weight(new int[0], new float[1]));
        }
        return out;
    }

    private static int layer(String name) {
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }

    /** The first test pictures as the net reads them, the app's logits for them and their labels. */
    private static Map<String, Weight> samples(Network network, Samples test) {
        int n = Math.min(SAMPLES, test.count()), size = test.size(), c = network.classes();
        float[] inputs = new float[n * size], labels = new float[n];
        Samples seen = network.seen(test); // what the net reads, normalized or not: check.py feeds it as it is
        for (int i = 0; i < n; i++) {
            System.arraycopy(seen.floats(i), 0, inputs, i * size, size);
            labels[i] = test.label(i);
        }
        int[] shape = new int[test.shape().length + 1];
        shape[0] = n;
        System.arraycopy(test.shape(), 0, shape, 1, test.shape().length);
        Map<String, Weight> out = new LinkedHashMap<>();
        out.put("inputs", new Weight(shape, inputs));
        out.put("logits", new Weight(new int[] {n, c}, network.logits(test, Trainer.range(n), 0, n)));
        out.put("labels", new Weight(new int[] {n}, labels));
        return out;
    }

    /** The training and test grids and labels as uint8 tensors, as train.py reads them. */
    private static Map<String, WeightWriter.Bytes> voxels(Samples train, Samples test) {
        Map<String, WeightWriter.Bytes> out = new LinkedHashMap<>();
        for (Samples s : List.of(train, test)) {
            String part = s == train ? "train" : "test";
            int[] shape = new int[s.shape().length + 1];
            shape[0] = s.count();
            System.arraycopy(s.shape(), 0, shape, 1, s.shape().length);
            out.put(part + "_grids", new WeightWriter.Bytes(shape, s.values()));
            out.put(part + "_labels", new WeightWriter.Bytes(new int[] {s.count()}, s.labels()));
        }
        return out;
    }

    private static String template(String name, Map<String, String> fill) throws IOException {
        String text;
        try (InputStream in = PyTorchExport.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) throw new IOException("the app was built without its export template " + name);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> e : fill.entrySet()) text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        return text;
    }

    private static String text(Path folder, String name, String text) throws IOException {
        AtomicFile.write(text.getBytes(StandardCharsets.UTF_8), folder.resolve(name));
        return name;
    }
}
