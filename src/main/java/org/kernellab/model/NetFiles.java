package org.kernellab.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.kernellab.compute.ComputeException;
import org.kernellab.data.DataException;
import org.kernellab.model.WeightFiles.Weight;

/**
 * Opens a trained net from any file a student has: KernelLab's own {@code .model} and {@code .model3d}, PyTorch's
 * state dicts ({@code torch.save}'s {@code .pt}/{@code .pth}, safetensors) and ONNX models. The format is told by the
 * file's first bytes where they tell it (an ONNX file's do not: its name does).
 */
public final class NetFiles {
    /** A net that was opened, and its format: {@code kernellab}, {@code pytorch}, {@code safetensors} or {@code onnx}. */
    public record Opened(String format, Network network) {}

    /** The settings an opened state dict trains further with: the course CNN's (Adam 0.001, batch 64). */
    static final Training IMPORTED = Training.adam(0.001, 64, 1);

    private NetFiles() {}

    /**
     * The net in {@code file}. A state dict holds weights, not layers: {@code net} gives them, else a {@code net.json}
     * beside the file, else the keys and shapes of one of the notebooks' classes.
     */
    public static Opened open(Path file, Net net) throws DataException {
        String format = format(file);
        if (format.equals("kernellab")) {
            if (net != null) throw new DataException("model.netForModel", file);
            return new Opened(format, ModelFile.load(file));
        }
        if (format.equals("onnx")) {
            if (net != null) throw new DataException("model.netForOnnx", file);
            return new Opened(format, OnnxImport.read(file, IMPORTED));
        }
        Map<String, Weight> dict = StateDicts.ordered(
                format.equals("pytorch") ? WeightFiles.pytorch(file) : WeightFiles.safetensors(file));
        Net beside = net == null ? besideIt(file) : null;
        if (beside != null) {
            try {
                return loaded(format, beside, dict, file);
            } catch (DataException e) {
                // the net.json of another net: the keys may still name one of the notebooks' nets
            }
        }
        return loaded(format, net != null ? net : StateDicts.recognise(dict, file.toString()), dict, file);
    }

    private static Opened loaded(String format, Net net, Map<String, Weight> dict, Path file) throws DataException {
        try {
            return new Opened(format, StateDicts.load(net, IMPORTED, dict, file.toString()));
        } catch (ComputeException e) {
            throw new DataException("model.netDoesNotFit", file, e.problem().english()).causedBy(e);
        }
    }

    /**
     * The net of a {@code net.json} in the file's folder, as an export to PyTorch writes it and its {@code train.py} keeps
     * it beside the weights it saves; null when there is none or it is no net.
     */
    private static Net besideIt(Path file) {
        Path json = file.toAbsolutePath().resolveSibling("net.json");
        try {
            return Files.isRegularFile(json) ? Net.fromJson(Files.readString(json)) : null;
        } catch (IOException | ComputeException e) {
            return null; // not a net: the keys may still name one of the notebooks' nets
        }
    }

    /** The file's format from its first bytes. */
    static String format(Path file) throws DataException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(9);
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return "pytorch";
        if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("KLNET")) return "kernellab";
        if (head.length == 9 && head[8] == '{') return "safetensors";
        if (head.length >= 2 && (head[0] & 0xFF) == 0x80) throw new DataException("model.oldTorch", file);
        // too damaged to tell by its bytes: its name says which reader explains what is wrong
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".model") || name.endsWith(".model3d")) return "kernellab";
        if (name.endsWith(".pt") || name.endsWith(".pth")) return "pytorch";
        if (name.endsWith(".safetensors")) return "safetensors";
        if (name.endsWith(".onnx")) return "onnx"; // a protobuf message: its bytes name no format
        throw new DataException("model.unknownFormat", file);
    }
}
