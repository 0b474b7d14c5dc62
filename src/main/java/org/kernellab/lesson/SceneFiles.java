package org.kernellab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scene ({@code .kscene}) and script ({@code .kscript}) files: JSON, tagged {@code "kernellab": "scene"} or
 * {@code "script"}. A parameter naming a file ({@code file}, or a name ending in {@code File}) is written relative to
 * the scene's own file and read back against it, so a folder sent to a student opens on their machine.
 */
public final class SceneFiles {
    public static final String SCENE = "scene", SCRIPT = "script";
    public static final String SCENE_EXTENSION = ".kscene", SCRIPT_EXTENSION = ".kscript";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int VERSION = 1;

    private SceneFiles() {}

    /** A script found beside lessons: its file and its title by language (its file's name when it has none). */
    public record Shelved(Path file, Map<String, String> title) {
        public String title(Locale locale) {
            return LessonScript.pick(title, locale);
        }
    }

    /**
     * The scripts in {@code folders} (not their sub-folders), by file name; one that cannot be read is listed under its
     * file's name, and opening it says why.
     */
    public static List<Shelved> scripts(List<Path> folders) {
        List<Shelved> out = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(SCRIPT_EXTENSION))
                        .sorted()
                        .toList()) {
                    Map<String, String> title = Map.of("en", f.getFileName().toString());
                    try {
                        if (read(f) instanceof LessonScript s && !s.title().isEmpty()) title = s.title();
                    } catch (SceneFileException e) {
                        // listed by its name; opening it shows the problem
                    }
                    out.add(new Shelved(f, title));
                }
            } catch (IOException e) {
                // an unreadable folder has no scripts to list
            }
        }
        return out;
    }

    /** Whether {@code name} is a scene's or a script's file name. */
    public static boolean isSceneFile(String name) {
        return name.endsWith(SCENE_EXTENSION) || name.endsWith(SCRIPT_EXTENSION);
    }

    /** Whether parameter {@code key} holds a file's path. */
    public static boolean isPath(String key) {
        return key.equals("file") || key.endsWith("File");
    }

    /** A scene or a script from a file; {@link SceneFileException} names what is wrong with it. */
    public static Object read(Path file) throws SceneFileException {
        String text = text(file, LessonLoader.MAX_JSON);
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, folder);
    }

    /**
     * A scene or a script from its text (pasted, or a file's), its relative paths taken against {@code folder} (null:
     * as they are).
     */
    public static Object parse(String text, Path folder) throws SceneFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (root == null || !root.isObject()) throw new SceneFileException("scene.notScene");
        String kind = root.path("kernellab").asText("");
        if (kind.equals(SCRIPT)) return script(root, folder);
        if (kind.equals(SCENE) || root.has("view")) return scene(root, folder);
        throw new SceneFileException("scene.notScene");
    }

    /** A file's text (UTF-8, within {@code max} bytes), or why it cannot be read. */
    static String text(Path file, long max) throws SceneFileException {
        try {
            return LessonLoader.readText(file, max);
        } catch (IOException e) {
            throw new SceneFileException("scene.unreadable", file, e.getMessage());
        }
    }

    /** JSON that does not parse: its line and the parser's first words on why, without its notes on where it read. */
    static SceneFileException notJson(JsonProcessingException e) {
        String why =
                e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
        for (String notes : new String[] {" (start marker", " at [Source"}) {
            if (why.contains(notes)) why = why.substring(0, why.indexOf(notes));
        }
        return new SceneFileException(
                "scene.notJson", e.getLocation() == null ? 0 : e.getLocation().getLineNr(), why);
    }

    private static LessonScene scene(JsonNode n, Path folder) throws SceneFileException {
        String view = n.path("view").asText("");
        if (view.isBlank()) throw new SceneFileException("scene.noView");
        JsonNode p = n.path("params");
        if (!p.isMissingNode() && !p.isObject()) throw new SceneFileException("scene.badParams");
        Map<String, Object> params = p.isObject() ? MAPPER.convertValue(p, MAP) : new LinkedHashMap<>();
        if (folder != null)
            params.replaceAll((k, v) -> isPath(k) && v instanceof String s && !s.isBlank()
                    ? folder.resolve(s).normalize().toString()
                    : v);
        return new LessonScene(view, n.path("lesson").asText(""), params);
    }

    private static LessonScript script(JsonNode n, Path folder) throws SceneFileException {
        JsonNode steps = n.path("steps");
        if (!steps.isArray() || steps.isEmpty()) throw new SceneFileException("scene.noSteps");
        List<LessonScript.Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            if (!s.isObject()) throw new SceneFileException("scene.badStep", i + 1, "not an object");
            LessonScript.Controls c;
            try {
                c = LessonScript.Controls.valueOf(
                        s.path("controls").asText("free").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SceneFileException("scene.badStep", i + 1, "controls must be free, locked or hidden");
            }
            try {
                out.add(new LessonScript.Step(texts(s.path("title")), texts(s.path("note")), scene(s, folder), c));
            } catch (SceneFileException e) {
                throw new SceneFileException("scene.badStep", i + 1, e.problem().english());
            }
        }
        return new LessonScript(texts(n.path("title")), out);
    }

    /** A text by language: an object of languages, or one string for every language. */
    private static Map<String, String> texts(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n.isTextual()) for (String l : LessonLoader.LANGUAGES) m.put(l, n.asText());
        else if (n.isObject())
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** A scene's text, its paths relative to {@code folder} (null: as they are). */
    public static String write(LessonScene s, Path folder) {
        return json(sceneNode(s, folder, true));
    }

    public static String write(LessonScript script, Path folder) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kernellab", SCRIPT).put("version", VERSION);
        root.set("title", MAPPER.valueToTree(script.title()));
        ArrayNode steps = root.putArray("steps");
        for (LessonScript.Step st : script.steps()) {
            ObjectNode n = steps.addObject();
            n.set("title", MAPPER.valueToTree(st.title()));
            if (!st.note().isEmpty()) n.set("note", MAPPER.valueToTree(st.note()));
            n.put("controls", st.controls().name().toLowerCase(Locale.ROOT));
            n.setAll(sceneNode(st.scene(), folder, false));
        }
        return json(root);
    }

    /** Writes a scene or script to {@code file}, its paths relative to the file's folder. */
    public static void save(Object sceneOrScript, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        String text =
                sceneOrScript instanceof LessonScript s ? write(s, folder) : write((LessonScene) sceneOrScript, folder);
        Files.writeString(file, text);
    }

    private static ObjectNode sceneNode(LessonScene s, Path folder, boolean tagged) {
        ObjectNode n = MAPPER.createObjectNode();
        if (tagged) n.put("kernellab", SCENE).put("version", VERSION);
        n.put("view", s.view());
        if (!s.lesson().isEmpty()) n.put("lesson", s.lesson());
        Map<String, Object> params = new LinkedHashMap<>(s.params());
        params.remove("lesson"); // the shell's own note of where the view is shown
        if (folder != null) params.replaceAll((k, v) -> isPath(k) && v instanceof String p ? relative(folder, p) : v);
        n.set("params", MAPPER.valueToTree(params));
        return n;
    }

    private static String relative(Path folder, String path) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) return path;
        try {
            return folder.relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return path; // another drive: only the whole path reaches it
        }
    }

    private static String json(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
}
