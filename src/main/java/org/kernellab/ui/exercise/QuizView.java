package org.kernellab.ui.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kernellab.lesson.Progress;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.SceneFields;

/**
 * The conceptual questions of an exercise, from its manifest: each with options, checked on demand,
 * with the explanation shown once the student has tried.
 * Format: {@code {"text": {es, en}, "options": [{es, en}, …], "correct": i, "why": {es, en}}}.
 */
final class QuizView extends VBox {
    /** Each question's options, to pick from. */
    private final List<ToggleGroup> groups = new ArrayList<>();

    /** Adds a "Questions" section to {@code page} when the lesson's parameters have any; null when they have none. */
    static QuizView addTo(VBox page, Object questions, I18n i18n, Progress progress, String lesson) {
        if (!(questions instanceof List<?> list) || list.isEmpty()) return null;
        Label title = new Label();
        title.getStyleClass().add("lesson-subtitle");
        title.textProperty().bind(i18n.bind("exercise.questions"));
        QuizView quiz = new QuizView(list, i18n, progress, lesson);
        page.getChildren().addAll(new Separator(), title, quiz);
        return quiz;
    }

    /** The option picked in each question, −1 where none is: a scene's {@code choices}. */
    static Object choices(QuizView quiz) {
        if (quiz == null) return null;
        return quiz.groups.stream()
                .map(g -> g.getSelectedToggle() == null
                        ? -1
                        : (Integer) g.getSelectedToggle().getUserData())
                .toList();
    }

    /** Picks each question's option as a scene's {@code choices} says (−1: none). */
    static void choose(QuizView quiz, Object value) {
        int n = quiz == null ? 0 : quiz.groups.size();
        if (!(value instanceof List<?> list) || list.size() != n)
            throw new IllegalArgumentException("a list of " + n + " option numbers (−1 for none) is needed");
        for (int q = 0; q < n; q++) {
            ToggleGroup g = quiz.groups.get(q);
            int i = SceneFields.whole("choices", list.get(q), -1, g.getToggles().size() - 1);
            g.selectToggle(i < 0 ? null : g.getToggles().get(i));
        }
    }

    /** Each check counts as an attempt of exercise "q0", "q1", … of {@code lesson}, the option's English text its answer. */
    QuizView(List<?> questions, I18n i18n, Progress progress, String lesson) {
        setSpacing(14);
        getStyleClass().add("quiz");
        int n = 0;
        for (Object q : questions) {
            if (!(q instanceof Map<?, ?> m)) throw new IllegalArgumentException("a question must be an object");
            int index = n++;
            Object correctObj = m.get("correct");
            if (!(correctObj instanceof Integer correct))
                throw new IllegalArgumentException("question " + (index + 1) + " needs \"correct\"");
            Label text = new Label();
            text.setWrapText(true);
            text.getStyleClass().add("settings-title");
            text.textProperty().bind(i18n.bind(() -> pick(m.get("text"), i18n), i18n.localeProperty()));
            ToggleGroup group = new ToggleGroup();
            groups.add(group);
            VBox options = new VBox(4);
            if (!(m.get("options") instanceof List<?> opts) || opts.isEmpty())
                throw new IllegalArgumentException("question " + (index + 1) + " needs a list of \"options\"");
            for (int i = 0; i < opts.size(); i++) {
                Object o = opts.get(i);
                RadioButton b = new RadioButton();
                b.setId("q" + index + "-option" + i);
                b.setWrapText(true);
                b.textProperty().bind(i18n.bind(() -> pick(o, i18n), i18n.localeProperty()));
                b.setUserData(i);
                b.setToggleGroup(group);
                options.getChildren().add(b);
            }
            Label result = new Label();
            result.setId("q" + index + "-result");
            result.setWrapText(true);
            Button check = new Button();
            check.setId("q" + index + "-check");
            check.textProperty().bind(i18n.bind("exercise.checkQuestion"));
            check.disableProperty().bind(group.selectedToggleProperty().isNull());
            check.setOnAction(e -> {
                int chosen = (Integer) group.getSelectedToggle().getUserData();
                boolean right = chosen == correct;
                progress.attempt(lesson, "q" + index, english(opts.get(chosen)), right);
                progress.raise(lesson, Progress.Mark.ATTEMPTED);
                result.getStyleClass().setAll("label", right ? "right" : "problem");
                result.textProperty()
                        .bind(i18n.bind(
                                () -> i18n.tr(right ? "exercise.questionRight" : "exercise.questionWrong") + " "
                                        + pick(m.get("why"), i18n),
                                i18n.localeProperty()));
            });
            getChildren().add(new VBox(6, text, options, check, result));
        }
    }

    private static String english(Object byLanguage) {
        return byLanguage instanceof Map<?, ?> m ? String.valueOf(m.get("en")) : String.valueOf(byLanguage);
    }

    private static String pick(Object byLanguage, I18n i18n) {
        if (!(byLanguage instanceof Map<?, ?> m)) return "";
        Object v = m.get(i18n.locale().getLanguage());
        return v != null ? v.toString() : String.valueOf(m.get("en"));
    }
}
