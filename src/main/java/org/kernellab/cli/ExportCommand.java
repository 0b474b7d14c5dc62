package org.kernellab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.Augment;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.i18n.Messages;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.model.NetFiles;
import org.kernellab.model.Network;
import org.kernellab.model.OnnxExport;
import org.kernellab.model.PyTorchExport;
import org.kernellab.model.Samples;
import org.kernellab.onnx.OnnxProto.ModelProto;

/**
 * {@code export-pytorch} and {@code export-onnx}: a trained net (any file {@code evaluate} opens) as a PyTorch project ({@link PyTorchExport}),
 * its README in English or Spanish, with the first test pictures of the data set for {@code check.py}.
 */
final class ExportCommand {
    private ExportCommand() {}

    static Object run(List<String> args, PrintStream out) throws DataException {
        Options o = new Options(
                "export-pytorch",
                args,
                Set.of("--model", "--out", "--net", "--language", "--data", "--points", "--seed"),
                Set.of("--keep-aspect", "--augment", "--normalize"),
                Set.of());
        Path model = TrainCommand.path(o, "--model"), folder = TrainCommand.path(o, "--out");
        Augment.Settings augment = o.flag("--augment") ? Augment.Settings.COURSE : null;
        Locale language = language(o);
        NetFiles.Opened opened = EvaluateCommand.opened(o);
        try (Network network = opened.network()) {
            if (o.flag("--normalize")) network.normalizeInputs(true);
            Samples train = null, test;
            if (network.net().dims() == 3) { // the voxel grids go with the net
                if (augment != null) throw new DataException("train.augment28");
                VoxelSet voxels = EvaluateCommand.voxels(o, network.net());
                train = Samples.train(voxels);
                test = Samples.test(voxels);
            } else {
                test = Samples.of(
                        FashionMnist.load(o.optional("--data") == null ? null : TrainCommand.path(o, "--data"))
                                .test());
            }
            String title = model.getFileName().toString();
            List<String> files =
                    PyTorchExport.write(network, augment, train, test, title, language, folder.toAbsolutePath());
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("format", opened.format());
            end.put("out", folder.toAbsolutePath().toString());
            end.put("files", files);
            end.put("parameters", network.parameters());
            end.put("language", language.getLanguage());
            end.put("augment", augment != null);
            end.put("normalize", network.normalizesInputs());
            return end;
        }
    }

    /** {@code export-onnx}: the net as an ONNX model ({@link OnnxExport}). */
    static Object onnx(List<String> args, PrintStream out) throws DataException {
        Options o = new Options("export-onnx", args, Set.of("--model", "--out", "--net"), Set.of(), Set.of());
        Path file = TrainCommand.path(o, "--out");
        NetFiles.Opened opened = EvaluateCommand.opened(o);
        try (Network network = opened.network()) {
            ModelProto written = OnnxExport.write(network, file.toAbsolutePath());
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("format", opened.format());
            end.put("out", file.toAbsolutePath().toString());
            end.put("opset", OnnxExport.OPSET);
            end.put("ir_version", OnnxExport.IR_VERSION);
            end.put("nodes", written.getGraph().getNodeCount());
            end.put("parameters", network.parameters());
            return end;
        }
    }

    private static Locale language(Options o) {
        String l = o.optional("--language");
        if (l == null) return Messages.defaultLanguage();
        for (Locale known : Messages.LANGUAGES) if (known.getLanguage().equals(l)) return known;
        throw new CliException("cli.badLanguage", l);
    }
}
