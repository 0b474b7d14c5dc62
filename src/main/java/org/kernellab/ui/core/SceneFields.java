package org.kernellab.ui.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import org.kernellab.compute.Problem;
import org.kernellab.compute.Tensor;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * A view's scene: the settings of its view-model, each under the name a lesson's {@code params} use. Declaring a field
 * applies the value the scene gives for it (in the order of declaration, so a field may rely on those before it);
 * {@link #finish()} lists the fields that were unknown or invalid, which were left at the view's own value, and
 * {@link #capture()} reads every field back for a scene file.
 */
public final class SceneFields {
    /**
     * Names the shell adds to a view's parameters: the lesson it is shown in, and a number that tells a scene opened on
     * purpose from a lesson come back to (see {@link #OPENED}).
     */
    private static final List<String> SHELL = List.of("lesson", SceneFields.OPENED);

    /** The shell's mark on a scene opened on purpose (a file, a paste, a script's step), new for each opening. */
    public static final String OPENED = "opened";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> given;
    private final Map<String, Supplier<Object>> fields = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    public SceneFields(LessonParams params) {
        given = new LinkedHashMap<>(params.values());
        SHELL.forEach(given::remove);
    }

    /** A whole number from {@code min} to {@code max}. */
    public SceneFields integer(String name, IntegerProperty p, int min, int max) {
        return field(name, p::get, v -> p.set(whole(name, v, min, max)));
    }

    /** Where an animation is: a step from 0 to the last of the settings declared before it. */
    public SceneFields step(Stepper stepper) {
        return field(
                "step",
                stepper::step,
                v -> stepper.stepProperty().set(whole("step", v, 0, Math.max(0, stepper.count() - 1))));
    }

    /** A number from {@code min} to {@code max}. */
    public SceneFields decimal(String name, DoubleProperty p, double min, double max) {
        return field(name, p::get, v -> {
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()))
                throw new Invalid("scene.notNumber", name, v);
            if (n.doubleValue() < min || n.doubleValue() > max) throw new Invalid("scene.range", name, v, min, max);
            p.set(n.doubleValue());
        });
    }

    public SceneFields bool(String name, BooleanProperty p) {
        return field(name, p::get, v -> p.set(truth(name, v)));
    }

    /** A true-or-false field's value: JSON's true or false, or the text "true" or "false" older lessons use. */
    public static boolean truth(String name, Object v) {
        if (v instanceof Boolean b) return b;
        if ("true".equals(v) || "false".equals(v)) return "true".equals(v);
        throw new Invalid("scene.notBool", name, v);
    }

    /** One of an enum's constants, written in lower case with dashes ({@code TRANSPOSED} is "transposed"). */
    public <E extends Enum<E>> SceneFields choice(String name, ObjectProperty<E> p, Class<E> type) {
        return field(name, () -> p.get() == null ? null : word(p.get()), v -> p.set(choose(name, v, type)));
    }

    public SceneFields text(String name, StringProperty p) {
        return field(name, p::get, v -> p.set(String.valueOf(v)));
    }

    /** A matrix, written as a list of rows, stored inside the scene. */
    public SceneFields matrix(String name, Supplier<Tensor> get, Consumer<Tensor> set) {
        return field(name, () -> rows(get.get()), v -> {
            try {
                set.accept(new LessonParams(Map.of(name, v)).matrix(name, null));
            } catch (IllegalArgumentException e) {
                throw new Invalid("scene.invalid", name, e.getMessage());
            }
        });
    }

    /**
     * Any other field: {@code set} receives the scene's JSON value and throws IllegalArgumentException, with the reason
     * as its message, when it cannot use it.
     */
    public SceneFields custom(String name, Supplier<Object> get, Consumer<Object> set) {
        return field(name, get, v -> {
            try {
                set.accept(v);
            } catch (Invalid e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new Invalid("scene.invalid", name, e.getMessage());
            }
        });
    }

    /** A value the view read when it was built (a seed, a lesson's questions): written back as it was. */
    public SceneFields fixed(String name, Object value) {
        given.remove(name);
        if (value != null) fields.put(name, () -> value);
        return this;
    }

    private SceneFields field(String name, Supplier<Object> get, Consumer<Object> set) {
        if (fields.containsKey(name)) throw new IllegalStateException("scene field " + name + " declared twice");
        fields.put(name, get);
        if (given.containsKey(name)) {
            Object v = given.remove(name);
            try {
                if (v == null) throw new Invalid("scene.invalid", name, "null is no value");
                set.accept(v);
            } catch (Invalid e) {
                problems.add(e.problem);
            }
        }
        return this;
    }

    /** The fields that could not be applied, the unknown ones first named; call once all are declared. */
    public List<Problem> finish() {
        for (String unknown : given.keySet())
            problems.add(0, new Problem("scene.unknownField", unknown, String.join(", ", fields.keySet())));
        given.clear();
        return List.copyOf(problems);
    }

    /** The problems found so far. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Every field's present value, in the order declared, as JSON values (numbers, text, lists of rows). */
    public Map<String, Object> capture() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, get) -> {
            Object v = get.get();
            if (v != null) out.put(k, v);
        });
        return out;
    }

    /** A file a field names: a path that is an existing file, or IllegalArgumentException saying what it is not. */
    public static Path file(Object v) {
        Path p = path(v);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("there is no file " + p);
        return p;
    }

    /** A folder a field names: a path that is an existing folder. */
    public static Path folder(Object v) {
        Path p = path(v);
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("there is no folder " + p);
        return p;
    }

    private static Path path(Object v) {
        if (!(v instanceof String s) || s.isBlank()) throw new IllegalArgumentException("a path is a text, not " + v);
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a path on this computer");
        }
    }

    /** A field holding JSON (a net's form): written in the scene as an object or as its text. */
    public static String jsonText(Object v) {
        if (!(v instanceof Map<?, ?> || v instanceof List<?>)) return String.valueOf(v);
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    public static int whole(String name, Object v, int min, int max) {
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
            throw new Invalid("scene.notWhole", name, v);
        if (n.doubleValue() < min || n.doubleValue() > max) throw new Invalid("scene.range", name, v, min, max);
        return n.intValue();
    }

    public static <E extends Enum<E>> E choose(String name, Object v, Class<E> type) {
        for (E e : type.getEnumConstants()) if (word(e).equals(v)) return e;
        throw new Invalid(
                "scene.notChoice",
                name,
                v,
                String.join(
                        ", ",
                        Arrays.stream(type.getEnumConstants())
                                .map(SceneFields::word)
                                .toList()));
    }

    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<List<Double>> rows(Tensor t) {
        if (t == null) return null;
        return Arrays.stream(t.toMatrix())
                .map(r -> Arrays.stream(r).boxed().toList())
                .toList();
    }

    /** A value a field cannot take, with the reason. */
    public static final class Invalid extends IllegalArgumentException {
        private final transient Problem problem;

        public Invalid(String key, Object... args) {
            super(key);
            this.problem = new Problem(key, args);
        }
    }
}
