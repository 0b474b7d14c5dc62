package org.kernellab.ui;

import javafx.scene.image.Image;

/** The app's icon (src/installer/icons/kernellab.mvg) at the sizes the window, top bar and About dialog show. */
final class AppIcon {
    private AppIcon() {}

    /** @param size 32, 64 or 256 pixels */
    static Image of(int size) {
        return new Image(
                AppIcon.class.getResource("icons/kernellab-" + size + ".png").toExternalForm());
    }
}
