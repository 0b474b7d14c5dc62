package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.model.CourseNets;
import org.kernellab.model.ModelFile;
import org.kernellab.model.Network;
import org.kernellab.model.Training;

/**
 * {@code explain}, {@code attack} and {@code robustness} on the shipped CNN (a KernelLab model file) and an MLP: the
 * JSON a teacher's script reads, its sizes and bounds, the robustness curve's start against {@code evaluate}, and bad
 * input as one line on stderr with status 2.
 */
class ExplainCliTest {
    private static final String CNN = "assets/models/course-cnn.model";

    @TempDir
    Path dir;

    @Test
    void explainGivesEachMethodsMapAtItsOwnSize() throws Exception {
        int compared = 0;
        for (String method : List.of("gradient", "input-gradient", "gradcam", "occlusion")) {
            CliTest.Run r = CliTest.run(
                    "explain", "--model", CNN, "--image", "0", "--method", method, "--patch", "4", "--stride", "2");
            assertEquals(0, r.status(), r.err());
            JsonNode j = r.json();
            assertEquals(
                    j.get("prediction").asInt(), j.get("class").asInt(), method + ": the predicted class by default");
            double sum = 0;
            for (JsonNode p : j.get("probabilities")) sum += p.asDouble();
            assertEquals(1, sum, 1e-5);
            int side = method.equals("gradcam") ? 11 : 28; // the course CNN's second convolution is 11×11
            assertEquals(side, j.get("map").size(), method);
            assertEquals(side, j.get("map").get(0).size(), method);
            if (method.equals("gradcam")) {
                assertEquals(28, j.get("upsampled").size());
                assertEquals(28, j.get("upsampled").get(27).size());
            }
            compared++;
        }
        CliTest.Run chosen =
                CliTest.run("explain", "--model", CNN, "--image", "5", "--method", "gradient", "--class", "3");
        assertEquals(3, chosen.json().get("class").asInt());
        assertEquals(4, compared);
    }

    @Test
    void attacksStayInTheirBallAndRaiseOrLowerTheLossAsAsked() throws Exception {
        CliTest.Run f = CliTest.run("attack", "--model", CNN, "--image", "0", "--method", "fgsm", "--eps", "0.1");
        assertEquals(0, f.status(), f.err());
        JsonNode j = f.json();
        assertTrue(j.get("linf").asDouble() <= 0.1 + 1e-6);
        assertTrue(j.get("loss_after").asDouble() > j.get("loss_before").asDouble());
        assertEquals(28, j.get("image").size());
        for (JsonNode row : j.get("image")) for (JsonNode v : row) assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1);
        CliTest.Run t = CliTest.run(
                "attack",
                "--model",
                CNN,
                "--image",
                "0",
                "--method",
                "pgd",
                "--eps",
                "0.2",
                "--steps",
                "20",
                "--target",
                "3");
        JsonNode k = t.json();
        assertTrue(k.get("loss_after").asDouble() < k.get("loss_before").asDouble(), "toward the target");
        assertTrue(k.get("linf").asDouble() <= 0.2 + 1e-6);
    }

    @Test
    void theCurveStartsAtWhatEvaluateScores() throws Exception {
        CliTest.Run r = CliTest.run("robustness", "--model", CNN, "--eps", "0,0.05,0.1", "--limit", "200");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals("[0,0.05,0.1]", j.get("eps").toString());
        double start = CliTest.run("evaluate", "--model", CNN, "--limit", "200")
                .json()
                .get("test_accuracy")
                .asDouble();
        assertEquals(start, j.get("accuracy").get(0).asDouble(), 1e-4);
        assertTrue(j.get("accuracy").get(2).asDouble() < start);
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws Exception {
        Path mlp = dir.resolve("mlp.model");
        try (Network n = Network.build(CourseNets.mlp(0), Training.adam(1e-3, 8, 1))) {
            ModelFile.save(n, mlp);
        }
        String[][] cases = {
            {"explain", "--model", CNN, "--image", "0", "--method", "saliency"},
            {"explain", "--model", mlp.toString(), "--image", "0", "--method", "gradcam"},
            {"explain", "--model", CNN, "--image", "999999", "--method", "gradient"},
            {"attack", "--model", CNN, "--image", "0", "--eps", "2"},
            {"attack", "--model", CNN, "--image", "0", "--method", "cw", "--eps", "0.1"},
            {"robustness", "--model", CNN, "--eps", "0,x"},
            {"explain", "--model", dir.resolve("none.model").toString(), "--image", "0", "--method", "gradient"}
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(c);
            assertEquals(2, r.status(), String.join(" ", c));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        assertTrue(CliTest.run(cases[1]).err().contains("Grad-CAM"));
    }
}
