package org.kernellab.ui.widgets;

import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.kernellab.ui.core.I18n;

/** A net's class probabilities as rows of name, bar and percentage, the predicted class emphasised. */
public final class ClassBars {
    private ClassBars() {}

    /** {@code rows} classes (the likeliest first when fewer than all), Fashion-MNIST's names. */
    public static GridPane of(float[] p, int rows, I18n i18n) {
        GridPane probs = new GridPane();
        probs.setHgap(6);
        probs.getStyleClass().add("small");
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) order[c] = c;
        if (rows < p.length) Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        for (int row = 0; row < rows; row++) {
            int c = order[row];
            Label name = new Label(i18n.tr("data.class." + c));
            ProgressBar bar = new ProgressBar(p[c]);
            bar.setPrefWidth(60);
            bar.setMinWidth(60);
            Label v = new Label(i18n.numbers().percent(p[c]));
            v.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            if (c == best)
                for (Label l : new Label[] {name, v}) l.getStyleClass().add("emphasis");
            probs.addRow(row, name, bar, v);
        }
        return probs;
    }
}
