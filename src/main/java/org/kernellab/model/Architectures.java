package org.kernellab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kernellab.compute.ComputeException;

/**
 * Networks to read layer by layer: AlexNet and VGG16 as torchvision defines them (for a 224×224 colour picture) and
 * the course's own nets, each a {@link Net} with the name people know it by.
 */
public final class Architectures {
    /** @param id the command line's name */
    public record Architecture(String id, String name, Net net) {
        public int[] input() {
            return net.input();
        }

        /** The table for a batch of one. */
        public List<LayerTable.Row> table() {
            return net.table(1);
        }
    }

    public static final Architecture ALEXNET = new Architecture("alexnet", "AlexNet", alexnet());
    public static final Architecture VGG16 = new Architecture("vgg16", "VGG16", vgg16());
    public static final Architecture COURSE_MLP =
            new Architecture("course-mlp", "MLP 784-64-128-10", CourseNets.mlp(0));
    public static final Architecture COURSE_CNN =
            new Architecture("course-cnn", "CNN 2×(Conv 32 3×3 + pool)", CourseNets.cnn());
    /** The notebook's Conv3DNet for its 4 default classes, one 24³ grid. */
    public static final Architecture CONV3DNET = new Architecture("conv3dnet", "Conv3DNet", CourseNets.conv3dNet(4));

    public static final List<Architecture> ALL = List.of(ALEXNET, VGG16, COURSE_MLP, COURSE_CNN, CONV3DNET);

    private Architectures() {}

    public static Architecture of(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(a -> a.id().equals(key))
                .findFirst()
                .orElseThrow(() -> new ComputeException(
                        "arch.unknown",
                        id,
                        String.join(", ", ALL.stream().map(Architecture::id).toList())));
    }

    /** torchvision.models.alexnet: five convolutions, three dense layers, 61,100,840 parameters. */
    private static Net alexnet() {
        return parse(
                new int[] {3, 224, 224},
                "conv:in=3,out=64,k=11,s=4,p=2",
                "relu",
                "maxpool:k=3,s=2",
                "conv:in=64,out=192,k=5,p=2",
                "relu",
                "maxpool:k=3,s=2",
                "conv:in=192,out=384,k=3,p=1",
                "relu",
                "conv:in=384,out=256,k=3,p=1",
                "relu",
                "conv:in=256,out=256,k=3,p=1",
                "relu",
                "maxpool:k=3,s=2",
                "adaptiveavgpool:out=6",
                "flatten",
                "dropout:p=0.5",
                "linear:in=9216,out=4096",
                "relu",
                "dropout:p=0.5",
                "linear:in=4096,out=4096",
                "relu",
                "linear:in=4096,out=1000");
    }

    /** torchvision.models.vgg16 (configuration "D"): thirteen 3×3 convolutions in five pooled stages, 138,357,544 parameters. */
    private static Net vgg16() {
        List<String> l = new ArrayList<>();
        int in = 3;
        for (int[] stage : new int[][] {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}}) {
            for (int i = 0; i < stage[1]; i++) {
                l.add("conv:in=" + in + ",out=" + stage[0] + ",k=3,p=1");
                l.add("relu");
                in = stage[0];
            }
            l.add("maxpool:k=2,s=2");
        }
        l.addAll(List.of(
                "adaptiveavgpool:out=7",
                "flatten",
                "linear:in=25088,out=4096",
                "relu",
                "dropout:p=0.5",
                "linear:in=4096,out=4096",
                "relu",
                "dropout:p=0.5",
                "linear:in=4096,out=1000"));
        return parse(new int[] {3, 224, 224}, l.toArray(String[]::new));
    }

    private static Net parse(int[] input, String... layers) {
        List<Layer> out = new ArrayList<>();
        for (String s : layers) out.add(LayerText.parse(s, input.length - 1));
        return Net.of(input, out);
    }
}
