package org.kernellab.ui.explain;

import java.nio.file.Path;
import java.util.Arrays;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.kernellab.compute.Tensor;
import org.kernellab.model.CourseNets;
import org.kernellab.model.Network;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.lab.LabScene;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.Run;
import org.kernellab.ui.training.TrainingLab;

/**
 * The scene fields the chapter's views share. The net looked at: {@code net} ("pretrained", the shipped CNN, or a
 * training lab run's number: its net once it has finished), or {@code netFile} (a net opened from a file, KernelLab's
 * or PyTorch's) with {@code normalize} (whether it reads its pictures normalized). The picture: {@code image} (a test
 * image's number, 0–9,999), {@code useDrawing} (the drawing instead), {@code drawing} (28 rows of 28 values from 0 to
 * 1, in a scene while it is used).
 */
public final class ExplainScene {
    /** The largest test image number the views offer. */
    public static final int MAX_IMAGE = 9_999;

    static final String PRETRAINED = "pretrained";

    private ExplainScene() {}

    /** net, netFile, normalize. */
    public static SceneFields net(SceneFields scene, AppContext ctx, ExplainInput input) {
        LabViewModel lab =
                ctx.shared(TrainingLab.class, () -> TrainingLab.of(ctx)).lab();
        Workbench bench = ctx.workbench();
        return scene.custom("net", () -> net(input, lab), v -> useNet(v, bench, lab))
                .custom(
                        "netFile",
                        () -> input.netFile() == null ? null : input.netFile().toString(),
                        v -> {
                            Path p = SceneFields.file(v);
                            if (!p.equals(input.netFile())) input.loadModel(p, false);
                        })
                .custom("normalize", () -> input.netFile() == null ? null : input.normalized(), v -> {
                    input.normalize(SceneFields.truth("normalize", v));
                });
    }

    /** image, useDrawing, drawing. */
    public static SceneFields picture(SceneFields scene, ExplainInput input) {
        return scene.custom(
                        "image",
                        () -> input.indexProperty().get(),
                        v -> input.indexProperty().set(SceneFields.whole("image", v, 0, MAX_IMAGE)))
                .bool("useDrawing", input.useDrawingProperty())
                .matrix(
                        "drawing",
                        () -> input.useDrawingProperty().get()
                                ? tensor(input.drawingProperty().get())
                                : null,
                        t -> input.drawingProperty().set(drawing(t)));
    }

    /** A drawing's values as a matrix of {@link ExplainInput#SIDE} rows. */
    public static Tensor tensor(float[] v) {
        double[] d = new double[ExplainInput.SIZE];
        for (int i = 0; i < d.length; i++) d[i] = v[i];
        return new Tensor(new int[] {ExplainInput.SIDE, ExplainInput.SIDE}, d);
    }

    /** A matrix as a drawing's values; IllegalArgumentException unless it is 28 × 28 values from 0 to 1. */
    public static float[] drawing(Tensor t) {
        if (t.rank() != 2 || t.dim(0) != ExplainInput.SIDE || t.dim(1) != ExplainInput.SIDE)
            throw new IllegalArgumentException("a drawing is 28 rows of 28 values, not " + t.dim(0) + " × " + t.dim(1));
        double[][] m = t.toMatrix();
        float[] v = new float[ExplainInput.SIZE];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                if (!(m[r][c] >= 0 && m[r][c] <= 1))
                    throw new IllegalArgumentException("a drawing's values are from 0 to 1, not " + m[r][c]);
                v[r * ExplainInput.SIDE + c] = (float) m[r][c];
            }
        }
        return v;
    }

    /** "pretrained", a lab run's number, or null: a net from a file (see netFile) or from elsewhere. */
    private static Object net(ExplainInput input, LabViewModel lab) {
        Workbench bench = input.workbench();
        Network n = bench.networkProperty().get();
        Workbench.Source s = bench.sourceProperty().get();
        if (input.netFile() != null || n == null || s == null) return null;
        if (s.key().equals("maps.sourcePretrained")) return PRETRAINED;
        for (Run r : lab.runs()) if (r.network() == n) return r.number();
        return null;
    }

    private static void useNet(Object v, Workbench bench, LabViewModel lab) {
        if (PRETRAINED.equals(v)) {
            Workbench.Source s = bench.sourceProperty().get();
            if (s == null || !s.key().equals("maps.sourcePretrained")) bench.usePretrained(true);
            return;
        }
        Object number = v instanceof String s && s.matches("#\\d+.*")
                ? Integer.valueOf(s.substring(1).split("\\D")[0])
                : v;
        if (!(number instanceof Number))
            throw new IllegalArgumentException(
                    "the net is \"pretrained\" or a training lab run's number, not \"" + v + "\"");
        Run run = LabScene.run(lab, number);
        if (run.network() != null) {
            show(run, bench);
            return;
        }
        if (run.finishedProperty().get())
            throw new IllegalArgumentException("run #" + run.number() + " did not finish: it has no net");
        // a run still training: its net once it has finished
        run.finishedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean done) {
                if (!done) return;
                run.finishedProperty().removeListener(this); // once: the run is the app's, the wish this scene's
                if (run.network() != null && fits(run)) show(run, bench);
            }
        });
        if (!fits(run)) throw unfit(run);
    }

    private static void show(Run run, Workbench bench) {
        if (!fits(run)) throw unfit(run);
        bench.setNetwork(run.network(), TrainingLab.source(run));
    }

    private static boolean fits(Run run) {
        return Arrays.equals(run.net().input(), CourseNets.FASHION) && run.net().classes() == CourseNets.CLASSES;
    }

    private static IllegalArgumentException unfit(Run run) {
        return new IllegalArgumentException(
                "run #" + run.number() + "'s net does not read Fashion-MNIST's pictures into its ten classes");
    }
}
