package org.kernellab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Net;
import org.kernellab.model.NetFiles;
import org.kernellab.model.Network;
import org.kernellab.model.Samples;
import org.kernellab.model.Trainer;

/**
 * {@code evaluate}: a trained net from any file a student has (a KernelLab model, a PyTorch state dict, safetensors) on
 * its test set, Fashion-MNIST's for a 2D net and voxelised objects for a 3D one. Inputs are read as torchvision's
 * {@code ToTensor()} gives them (0–1), or as after the notebook's {@code Normalize((0.5,), (0.5,))} with
 * {@code --normalize}.
 */
final class EvaluateCommand {
    private EvaluateCommand() {}

    static Object run(List<String> args, PrintStream out) throws DataException {
        Options o = new Options(
                "evaluate",
                args,
                Set.of("--model", "--net", "--data", "--limit", "--threads", "--points", "--seed"),
                Set.of("--normalize", "--keep-aspect"),
                Set.of());
        int limit = o.integer("--limit", 0, 0, Integer.MAX_VALUE);
        NetFiles.Opened opened = opened(o);
        try (Network network = opened.network()) {
            Net net = network.net();
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("format", opened.format());
            end.put("input", net.input());
            end.put("layers", Json.tree(net.toJson()).get("layers"));
            end.put("parameters", network.parameters());
            Samples test = net.dims() == 3 ? volumes(o, net, end) : pictures(o, net, end);
            if (o.flag("--normalize")) network.normalizeInputs(true);
            if (limit > 0) test = test.first(limit);
            TrainCommand.threads(o, network);
            Trainer.Evaluation e = Trainer.evaluate(network, test);
            end.put("test_accuracy", TrainRun.round(e.accuracy(), 4));
            end.put("test_loss", TrainRun.round(e.loss(), 4));
            end.put("confusion", e.confusion());
            end.put("test_samples", test.count());
            end.put("normalize", network.normalizesInputs());
            return end;
        }
    }

    /** The net of --model, its layers given by --net where the file holds weights only. */
    static NetFiles.Opened opened(Options o) throws DataException {
        Path model = TrainCommand.path(o, "--model");
        String netText = o.jsonOrFile("--net");
        return NetFiles.open(model, netText == null ? null : Net.fromJson(netText));
    }

    private static Samples pictures(Options o, Net net, Map<String, Object> end) throws DataException {
        TrainCommand.fits(net, CourseNets.FASHION, CourseNets.CLASSES);
        FashionMnist.Loaded data =
                FashionMnist.load(o.optional("--data") == null ? null : TrainCommand.path(o, "--data"));
        end.put("data", data.source().name().toLowerCase(Locale.ROOT));
        return Samples.of(data.test());
    }

    private static Samples volumes(Options o, Net net, Map<String, Object> end) throws DataException {
        VoxelSet data = voxels(o, net);
        end.put("data", data.source());
        end.put("classes", data.classes());
        return Samples.test(data);
    }

    /** The objects a 3D net is scored on: the --data ModelNet folder or the built-in ones, on the net's grid. */
    static VoxelSet voxels(Options o, Net net) throws DataException {
        int grid = net.input()[1];
        TrainCommand.fits(net, new int[] {1, grid, grid, grid}, net.classes());
        return Train3dCommand.voxels(
                o,
                new ModelNetData.Settings(
                        net.classes(),
                        grid,
                        o.integer("--points", 2048, 1, 1_000_000),
                        o.integer("--seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                        o.flag("--keep-aspect")));
    }
}
