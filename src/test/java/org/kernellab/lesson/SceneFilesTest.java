package org.kernellab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scene and script files: what a teacher writes by hand reads as meant; what is wrong is named, never thrown. */
class SceneFilesTest {
    @Test
    void aHandWrittenSceneReadsWithItsFileRelativeToIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("class/meshes"));
        Path file = dir.resolve("class/chair.kscene");
        Files.writeString(file, """
                {"kernellab": "scene", "view": "voxels", "lesson": "13-voxels",
                 "params": {"file": "meshes/chair.off", "grid": 32, "kernel": [[1, 0], [0, -1]]}}
                """);
        LessonScene s = (LessonScene) SceneFiles.read(file);
        assertEquals("voxels", s.view());
        assertEquals("13-voxels", s.lesson());
        assertEquals(
                dir.resolve("class/meshes/chair.off").toString(), s.params().get("file"));
        assertEquals(32, s.params().get("grid"));
        assertEquals(List.of(List.of(1, 0), List.of(0, -1)), s.params().get("kernel"));
    }

    @Test
    void aSavedSceneMovesWithItsFolder(@TempDir Path dir) throws Exception {
        Path from = dir.resolve("teacher"), to = dir.resolve("student/home");
        Files.createDirectories(from);
        Files.createDirectories(to);
        LessonScene s = new LessonScene(
                "voxels", "13-voxels", Map.of("file", from.resolve("chair.off").toString(), "grid", 20, "lesson", "x"));
        SceneFiles.save(s, from.resolve("a.kscene"));
        String text = Files.readString(from.resolve("a.kscene"));
        assertTrue(text.contains("\"file\" : \"chair.off\""), text);
        assertTrue(!text.contains("\"lesson\" : \"x\""), "the shell's own parameter is not saved: " + text);
        Files.move(from.resolve("a.kscene"), to.resolve("a.kscene"));
        LessonScene back = (LessonScene) SceneFiles.read(to.resolve("a.kscene"));
        assertEquals(to.resolve("chair.off").toString(), back.params().get("file"));
        assertEquals(20, back.params().get("grid"));
    }

    @Test
    void aScriptKeepsItsStepsTitlesNotesAndControls(@TempDir Path dir) throws Exception {
        LessonScript script = new LessonScript(
                Map.of("en", "Edges", "es", "Bordes"),
                List.of(
                        new LessonScript.Step(
                                Map.of("en", "Sobel", "es", "Sobel"),
                                Map.of("en", "Ask what it finds"),
                                new LessonScene("conv-intro", "", Map.of("stride", 2)),
                                LessonScript.Controls.LOCKED),
                        new LessonScript.Step(
                                Map.of("en", "Pooling"),
                                Map.of(),
                                new LessonScene("pooling", "03-pooling", Map.of("mode", "avg")),
                                LessonScript.Controls.HIDDEN)));
        Path f = dir.resolve("edges.kscript");
        SceneFiles.save(script, f);
        LessonScript back = (LessonScript) SceneFiles.read(f);
        assertEquals(script, back);
        assertEquals("Bordes", back.title(Locale.forLanguageTag("es")));
        assertEquals(
                "Pooling", back.steps().get(1).title(Locale.forLanguageTag("es")), "English when no Spanish is given");
        assertEquals(List.of(new SceneFiles.Shelved(f, script.title())), SceneFiles.scripts(List.of(dir)));
    }

    @Test
    void whatIsWrongWithAFileIsNamed(@TempDir Path dir) throws IOException {
        Map<String, String> cases = Map.of(
                "{\"view\": \"pooling\", ", "scene.notJson",
                "[1, 2]", "scene.notScene",
                "{\"kernellab\": \"scene\"}", "scene.noView",
                "{\"view\": \"pooling\", \"params\": [1]}", "scene.badParams",
                "{\"kernellab\": \"script\"}", "scene.noSteps",
                "{\"kernellab\": \"script\", \"steps\": [{\"view\": \"pooling\", \"controls\": \"frozen\"}]}",
                        "scene.badStep",
                "{\"kernellab\": \"script\", \"steps\": [{\"title\": \"no view\"}]}", "scene.badStep");
        int named = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = dir.resolve("bad" + named + ".kscene");
            Files.writeString(f, c.getKey());
            SceneFileException e = assertThrows(SceneFileException.class, () -> SceneFiles.read(f), c.getKey());
            assertEquals(c.getValue(), e.problem().key(), c.getKey());
            named++;
        }
        assertEquals(cases.size(), named);
        SceneFileException missing =
                assertThrows(SceneFileException.class, () -> SceneFiles.read(dir.resolve("none.kscene")));
        assertEquals("scene.unreadable", missing.problem().key());
        Files.write(dir.resolve("latin1.kscene"), new byte[] {'{', (byte) 0xe9, '}'});
        assertEquals(
                "scene.unreadable",
                assertThrows(SceneFileException.class, () -> SceneFiles.read(dir.resolve("latin1.kscene")))
                        .problem()
                        .key());
    }

    @Test
    void aPastedSceneNeedsNoTag() throws Exception {
        assertInstanceOf(LessonScene.class, SceneFiles.parse("{\"view\": \"pooling\"}", null));
    }
}
