package org.kernellab.ui.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kernellab.lesson.LessonScene;
import org.kernellab.lesson.LessonScript;

/** Recording a script (add, move, retitle, delete) and playing it, without a window. */
class ScriptViewModelTest {
    private final List<String> shown = new ArrayList<>();
    private final ScriptViewModel vm =
            new ScriptViewModel(s -> shown.add(s.title().get("en")));

    private int add(String title) {
        return vm.add(new LessonScene("pooling", "03-pooling", Map.of("window", title.length())), Map.of("en", title));
    }

    @Test
    void recordedStepsCanBeMovedRetitledAndDeleted() {
        assertEquals(0, add("A"));
        assertEquals(1, add("B"));
        assertEquals(2, add("C"));
        vm.move(vm.move(2, -1), -1);
        assertEquals(List.of("C", "A", "B"), titles());
        assertEquals(0, vm.move(0, -1), "the first step cannot go higher");
        vm.retitle(1, "es", "Á");
        vm.renote(1, "en", "say why");
        vm.controls(1, LessonScript.Controls.HIDDEN);
        LessonScript.Step a = vm.steps().get(1);
        assertEquals(Map.of("en", "A", "es", "Á"), a.title());
        assertEquals(Map.of("en", "say why"), a.note());
        assertEquals(LessonScript.Controls.HIDDEN, a.controls());
        vm.retitle(1, "es", " ");
        assertEquals(Map.of("en", "A"), vm.steps().get(1).title(), "a blank title is no title in that language");
        vm.remove(0);
        assertEquals(List.of("A", "B"), titles());
        assertEquals(vm.script().steps(), List.copyOf(vm.steps()));
    }

    @Test
    void playingGoesForwardAndBackWithinTheScript() {
        add("A");
        add("B");
        assertFalse(vm.isPlaying().get());
        assertFalse(vm.next(), "not playing: nothing to step");
        vm.play(0);
        assertTrue(vm.isPlaying().get());
        assertTrue(vm.next());
        assertFalse(vm.next(), "the last step stays");
        assertTrue(vm.previous());
        assertFalse(vm.previous(), "the first step stays");
        assertEquals(List.of("A", "B", "A"), shown);
        vm.stop();
        assertFalse(vm.isPlaying().get());
        vm.play(1);
        vm.remove(1);
        assertEquals(0, vm.playingProperty().get(), "deleting the step on screen leaves the one before it");
    }

    private List<String> titles() {
        return vm.steps().stream().map(s -> s.title().get("en")).toList();
    }
}
