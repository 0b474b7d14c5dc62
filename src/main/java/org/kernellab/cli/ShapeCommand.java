package org.kernellab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.compute.AxisSize;
import org.kernellab.model.Architectures;
import org.kernellab.model.Layer;
import org.kernellab.model.LayerTable;
import org.kernellab.model.LayerText;
import org.kernellab.model.Net;

/**
 * {@code shape}: shapes, PyTorch lines, weight shapes, parameters, MACs and activation memory through a net given as
 * layers ({@code --layer}), a famous or course net ({@code --model}) or a net's JSON form ({@code --net FILE|JSON}).
 */
final class ShapeCommand {
    private ShapeCommand() {}

    static Map<String, Object> run(List<String> args) {
        Options o = new Options(
                "shape", args, Set.of("--input", "--layer", "--model", "--net"), Set.of(), Set.of("--layer"));
        String model = o.optional("--model"), netText = o.jsonOrFile("--net");
        List<String> texts = o.all("--layer");
        if ((model != null ? 1 : 0) + (netText != null ? 1 : 0) + (texts.isEmpty() ? 0 : 1) > 1)
            throw new CliException("cli.modelOrLayers");
        Architectures.Architecture arch = model == null ? null : Architectures.of(model);
        Net given = arch != null ? arch.net() : netText != null ? Net.fromJson(netText) : null;
        int[] input = o.optional("--input") != null
                ? shapeOption(o.optional("--input"))
                : given != null ? withBatch(given.input()) : shapeOption(o.required("--input"));
        int[] one = Arrays.copyOfRange(input, 1, input.length);
        Net net = given != null
                ? given.withInput(one)
                : Net.of(
                        one,
                        texts.stream()
                                .map(t -> LayerText.parse(t, one.length - 1))
                                .toList());
        List<LayerTable.Row> rows = net.table(input[0]);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++)
            out.add(row(rows.get(i), given == null ? texts.get(i) : rows.get(i).text()));
        LayerTable.Totals t = LayerTable.Totals.of(rows);
        Map<String, Object> res = new LinkedHashMap<>();
        if (arch != null) res.put("model", arch.name());
        res.put("input", input);
        res.put("layers", out);
        res.put("output", rows.isEmpty() ? input : rows.get(rows.size() - 1).shape());
        res.put("parameters", t.parameters());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("parameters", t.parameters());
        totals.put("macs", t.macs());
        totals.put("weights_mb", Math.round(t.weightsMegabytes() * 100) / 100.0);
        totals.put("activations_mb", Math.round(t.activationMegabytes() * 100) / 100.0);
        res.put("totals", totals);
        if (netText != null || model != null) res.put("net", Json.tree(net.toJson()));
        return res;
    }

    private static Map<String, Object> row(LayerTable.Row r, String text) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("layer", text);
        row.put("type", r.layer().type());
        row.put("pytorch", r.pytorch());
        row.put("shape", r.shape());
        if (r.weightShape().length > 0) row.put("weight_shape", r.weightShape());
        row.put("parameters", r.parameters());
        if (!r.axes().isEmpty())
            row.put("formula", r.axes().stream().map(AxisSize::formula).toList());
        row.put("macs", r.macs());
        row.put("activation_bytes", r.activationBytes());
        if (!(r.layer() instanceof Layer.Flatten))
            row.put("receptive_field", r.field().whole() ? "all" : r.field().size());
        return row;
    }

    static int[] withBatch(int[] one) {
        int[] s = new int[one.length + 1];
        s[0] = 1;
        System.arraycopy(one, 0, s, 1, one.length);
        return s;
    }

    private static int[] shapeOption(String text) {
        if (!text.trim().matches("[0-9]{1,9}( *, *[0-9]{1,9}){1,4}")) throw new CliException("cli.badShape", text);
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
