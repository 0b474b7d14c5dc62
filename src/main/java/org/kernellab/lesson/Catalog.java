package org.kernellab.lesson;

import java.util.List;
import java.util.Optional;

/** Everything the navigator shows: chapters with their lessons in order, and the lessons that failed. */
public record Catalog(List<Chapter> chapters, List<LessonError> errors) {
    public List<Lesson> lessons() {
        return chapters.stream().flatMap(c -> c.lessons().stream()).toList();
    }

    /** Where a scene of {@code view} shows: lesson {@code id} if it shows that view, else the first lesson that does. */
    public Optional<Lesson> forScene(String view, String id) {
        return find(id).filter(l -> l.view().equals(view))
                .or(() -> lessons().stream().filter(l -> l.view().equals(view)).findFirst());
    }

    public Optional<Lesson> find(String id) {
        return lessons().stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
