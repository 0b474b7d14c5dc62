package org.kernellab.lesson;

import java.util.List;
import java.util.Optional;

/** Everything the navigator shows: chapters with their lessons in order, and the lessons that failed. */
public record Catalog(List<Chapter> chapters, List<LessonError> errors) {
    public List<Lesson> lessons() {
        return chapters.stream().flatMap(c -> c.lessons().stream()).toList();
    }

    public Optional<Lesson> find(String id) {
        return lessons().stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
