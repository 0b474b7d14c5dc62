package org.kernellab.ui.lab;

import java.util.List;
import java.util.stream.Collectors;
import org.kernellab.model.Layer;
import org.kernellab.model.Net;

/** A net's short name in the runs table: the 3D presets' own ("Conv3DNet"), else what it is made of ("CNN 16×2", "CNN 16·32 + BN", "MLP"). */
final class NetNames {
    private NetNames() {}

    static String of(Net net, LabData data) {
        for (LabData.Preset p : data.presets()) {
            if (!p.net().equals(net)) continue;
            if (p.key().equals("lab.preset.conv3dnet")) return "Conv3DNet";
            if (p.key().equals("lab.preset.modified")) return "modified";
        }
        return madeOf(net);
    }

    static String madeOf(Net net) {
        List<Integer> convs = net.layers().stream()
                .filter(l -> l instanceof Layer.Conv)
                .map(l -> ((Layer.Conv) l).out())
                .toList();
        if (convs.isEmpty()) return "MLP";
        boolean same = convs.stream().allMatch(c -> c.equals(convs.get(0)));
        String filters = same
                ? convs.get(0) + "×" + convs.size()
                : convs.stream().map(String::valueOf).collect(Collectors.joining("·"));
        boolean norm = net.layers().stream().anyMatch(l -> l instanceof Layer.BatchNorm);
        return (net.dims() == 3 ? "3D CNN " : "CNN ") + filters + (norm ? " + BN" : "");
    }
}
