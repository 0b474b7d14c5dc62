package org.kernellab.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One view with its whole state: the view's id, the lesson it is shown in, and its parameters in the same words a
 * lesson's {@code params} use. A lesson's manifest is a scene; a scene file is one more.
 *
 * @param lesson the lesson whose text goes beside the view; empty for the first lesson that shows {@code view}
 */
public record LessonScene(String view, String lesson, Map<String, Object> params) {
    public LessonScene {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
