package org.kernellab.ui.core;

import java.util.Map;
import java.util.function.BiConsumer;

/** Lets a page open another lesson with other starting parameters ("show the steps of this exercise"). */
public final class Navigation {
    private BiConsumer<String, Map<String, Object>> handler = (id, params) -> {};

    /** Set by the shell once it exists. */
    public void setHandler(BiConsumer<String, Map<String, Object>> handler) {
        this.handler = handler;
    }

    /** Opens lesson {@code id} with {@code params} replacing those of its manifest. */
    public void open(String id, Map<String, Object> params) {
        handler.accept(id, params);
    }
}
