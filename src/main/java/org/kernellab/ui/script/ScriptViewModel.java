package org.kernellab.ui.script;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.LessonScript;
import org.kernellab.lesson.LessonScript.Step;

/**
 * The demo script the teacher records and plays: its steps in order, which one is on screen (-1: none, the script is
 * not playing), and the file it came from. Recording adds the view on screen as a step; playing opens a step's scene.
 */
public final class ScriptViewModel {
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, String>> title = new SimpleObjectProperty<>(Map.of());
    private final IntegerProperty playing = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final Consumer<Step> show;

    /** @param show opens a step's scene (and applies its controls) */
    public ScriptViewModel(Consumer<Step> show) {
        this.show = show;
    }

    public ObservableList<Step> steps() {
        return steps;
    }

    /** The step on screen, -1 when the script is not being played. */
    public IntegerProperty playingProperty() {
        return playing;
    }

    public BooleanBinding isPlaying() {
        return Bindings.createBooleanBinding(() -> playing.get() >= 0 && playing.get() < steps.size(), playing, steps);
    }

    /** The script's own title by language. */
    public ObjectProperty<Map<String, String>> titleProperty() {
        return title;
    }

    /** Where the script was opened from or saved to; null for a new one. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public LessonScript script() {
        return new LessonScript(title.get(), steps);
    }

    /** Replaces the script with {@code s}, not playing. */
    public void load(LessonScript s, Path from) {
        playing.set(-1);
        steps.setAll(s.steps());
        title.set(s.title());
        file.set(from);
    }

    /** Adds {@code scene} as the last step, titled {@code titles} (by language); returns its index. */
    public int add(LessonScene scene, Map<String, String> titles) {
        steps.add(new Step(new LinkedHashMap<>(titles), Map.of(), scene, LessonScript.Controls.FREE));
        return steps.size() - 1;
    }

    public void remove(int i) {
        if (i < 0 || i >= steps.size()) return;
        steps.remove(i);
        if (playing.get() >= steps.size()) playing.set(steps.size() - 1);
    }

    /** Moves step {@code i} by {@code by} places (−1 up, +1 down); returns where it went. */
    public int move(int i, int by) {
        int to = i + by;
        if (i < 0 || i >= steps.size() || to < 0 || to >= steps.size()) return i;
        Step s = steps.remove(i);
        steps.add(to, s);
        return to;
    }

    /** Gives step {@code i} the text {@code text} in {@code language}'s title. */
    public void retitle(int i, String language, String text) {
        steps.set(i, steps.get(i).withTitle(with(steps.get(i).title(), language, text)));
    }

    public void renote(int i, String language, String text) {
        steps.set(i, steps.get(i).withNote(with(steps.get(i).note(), language, text)));
    }

    public void controls(int i, LessonScript.Controls c) {
        steps.set(i, steps.get(i).withControls(c));
    }

    private static Map<String, String> with(Map<String, String> m, String language, String text) {
        Map<String, String> out = new LinkedHashMap<>(m);
        if (text.isBlank()) out.remove(language);
        else out.put(language, text);
        return out;
    }

    /** Plays step {@code i}: its scene comes on screen. */
    public void play(int i) {
        if (i < 0 || i >= steps.size()) return;
        playing.set(i);
        show.accept(steps.get(i));
    }

    /** The next step, if there is one; returns whether the script moved. */
    public boolean next() {
        if (playing.get() < 0 || playing.get() + 1 >= steps.size()) return false;
        play(playing.get() + 1);
        return true;
    }

    public boolean previous() {
        if (playing.get() <= 0 || playing.get() >= steps.size()) return false;
        play(playing.get() - 1);
        return true;
    }

    public void stop() {
        playing.set(-1);
    }
}
