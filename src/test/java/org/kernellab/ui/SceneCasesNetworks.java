package org.kernellab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Scene cases for the views of trained networks, 3D and explanations: settings unlike the views' defaults. */
final class SceneCasesNetworks {
    private SceneCasesNetworks() {}

    static void add(Map<String, Map<String, Object>> cases) {
        Path files = folder();
        labs(cases, files);
        pictureViews(cases, files);
        explanations(cases);
    }

    /** The 2D lab on a folder of pictures, the voxel viewer on a mesh file, the 3D lab. */
    private static void labs(Map<String, Map<String, Object>> cases, Path files) {
        cases.put(
                "training-lab",
                Map.ofEntries(
                        Map.entry("fullSet", false),
                        Map.entry("dataFile", pictures(files).toString()),
                        Map.entry("data", "folder"),
                        Map.entry("model", "cnn"),
                        Map.entry("filters", 8),
                        Map.entry("blocks", 1),
                        Map.entry("dropout", 0.25),
                        Map.entry("optimizer", "sgd"),
                        Map.entry("lr", "0.0005"),
                        Map.entry("batch", 16),
                        Map.entry("epochs", 3),
                        Map.entry("limit", 500),
                        Map.entry("augment", true),
                        Map.entry("adversarial", true),
                        Map.entry("tab", "results")));
        cases.put(
                "voxels",
                Map.ofEntries(
                        Map.entry("class", 5),
                        Map.entry("index", 3),
                        Map.entry("file", mesh(files).toString()),
                        Map.entry("grid", 32),
                        Map.entry("slice", 20),
                        Map.entry("points", 1024),
                        Map.entry("fit", "keep-aspect"),
                        Map.entry("show", "voxels"),
                        Map.entry("gradcam", true),
                        Map.entry("yaw", 40.0),
                        Map.entry("pitch", 10.0),
                        Map.entry("distance", 600.0)));
        cases.put(
                "train3d",
                Map.of(
                        "data", "built-in",
                        "classes", 6,
                        "net", "modified",
                        "optimizer", "sgd",
                        "lr", "0.01",
                        "batch", 16,
                        "epochs", 8,
                        "tab", "results"));
    }

    /** Dropout, and augmentation on a picture file. */
    private static void pictureViews(Map<String, Map<String, Object>> cases, Path files) {
        cases.put("dropout", Map.of("image", 12, "p", 30, "mask", 3, "committee", 25, "page", 2));
        cases.put(
                "augmentation",
                Map.of(
                        "file", picture(files.resolve("photo.png")).toString(),
                        "source", "fashion",
                        "image", 42,
                        "roll", 3,
                        "page", 1));
    }

    /** The chapter on explanations: nets from files and the shipped one, test images and drawings. */
    private static void explanations(Map<String, Map<String, Object>> cases) {
        cases.put(
                "saliency",
                Map.ofEntries(
                        Map.entry("netFile", resource("/org/kernellab/model/fixtures/cnn-4x2-v2.model")),
                        Map.entry("normalize", true),
                        Map.entry("image", 7),
                        Map.entry("method", "occlusion"),
                        Map.entry("patch", 6),
                        Map.entry("stride", 2),
                        Map.entry("target", "chosen"),
                        Map.entry("class", 3),
                        Map.entry("overlay", false),
                        Map.entry("allClasses", true)));
        cases.put(
                "attack",
                Map.ofEntries(
                        Map.entry("net", "pretrained"),
                        Map.entry("image", 3),
                        Map.entry("useDrawing", true),
                        Map.entry("drawing", drawing(5)),
                        Map.entry("method", "pgd"),
                        Map.entry("eps", 20),
                        Map.entry("steps", 15),
                        Map.entry("targeted", true),
                        Map.entry("target", 4),
                        Map.entry("guess", "0.05"),
                        Map.entry("curveImages", 500),
                        Map.entry("curvePgd", true)));
        cases.put(
                "draw",
                Map.of(
                        "netFile",
                        resource("/org/kernellab/model/pytorch/cnn.pt"),
                        "brush",
                        4,
                        "eraser",
                        true,
                        "start",
                        12,
                        "drawing",
                        drawing(9),
                        "goal",
                        "second-conv",
                        "unit",
                        7));
    }

    /** A 28 × 28 drawing: a cross through row and column {@code at}, in values a float keeps exactly. */
    private static List<List<Double>> drawing(int at) {
        List<List<Double>> rows = new ArrayList<>();
        for (int r = 0; r < 28; r++) {
            List<Double> row = new ArrayList<>();
            for (int c = 0; c < 28; c++) row.add(r == at ? 1.0 : c == at ? 0.75 : r == c ? 0.25 : 0.0);
            rows.add(row);
        }
        return rows;
    }

    private static Path folder() {
        try {
            Path p = Files.createTempDirectory("kernellab-scenes");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of pictures with two classes. */
    private static Path pictures(Path in) {
        Path root = in.resolve("pictures");
        for (String c : List.of("cats", "dogs")) picture(root.resolve(c).resolve("one.png"));
        return root;
    }

    private static Path picture(Path file) {
        BufferedImage img = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 12; x++) img.setRGB(x, y, (x * 20) << 16 | (y * 30) << 8 | 90);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A tetrahedron in OFF. */
    private static Path mesh(Path in) {
        Path f = in.resolve("tetra.off");
        try {
            Files.writeString(f, "OFF\n4 4 0\n0 0 0\n1 0 0\n0 1 0\n0 0 1\n3 0 1 2\n3 0 1 3\n3 0 2 3\n3 1 2 3\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private static String resource(String name) {
        try {
            return Path.of(SceneCasesNetworks.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
