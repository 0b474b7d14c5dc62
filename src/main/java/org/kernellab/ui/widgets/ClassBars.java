package org.kernellab.ui.widgets;

import java.util.Arrays;
import java.util.function.IntFunction;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.kernellab.ui.core.I18n;

/**
 * A net's class probabilities as rows of name, bar and percentage, the predicted class emphasised. Set again with new
 * probabilities, its rows are updated in place (a drawing asks many times a second).
 */
public final class ClassBars extends GridPane {
    private final I18n i18n;
    private final IntFunction<String> name;
    private Label[] names = new Label[0], values = new Label[0];
    private ProgressBar[] bars = new ProgressBar[0];

    /** Fashion-MNIST's classes. */
    public ClassBars(I18n i18n) {
        this(i18n, c -> i18n.tr("data.class." + c));
    }

    /** Classes named by {@code name} (CIFAR-10's, a folder's). */
    public ClassBars(I18n i18n, IntFunction<String> name) {
        this.i18n = i18n;
        this.name = name;
        setHgap(6);
        getStyleClass().add("small");
    }

    /** {@code rows} classes (the likeliest first when fewer than all), Fashion-MNIST's names. */
    public static ClassBars of(float[] p, int rows, I18n i18n) {
        ClassBars b = new ClassBars(i18n);
        b.set(p, rows);
        return b;
    }

    /** {@code rows} classes (the likeliest first when fewer than all), named by {@code name}. */
    public static ClassBars of(float[] p, int rows, I18n i18n, IntFunction<String> name) {
        ClassBars b = new ClassBars(i18n, name);
        b.set(p, rows);
        return b;
    }

    /** {@code rows} classes, at most as many as there are (a folder's net may have two). */
    public void set(float[] p, int asked) {
        int rows = Math.min(asked, p.length);
        if (names.length != rows) build(rows);
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) order[c] = c;
        if (rows < p.length) Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        for (int row = 0; row < rows; row++) {
            int c = order[row];
            names[row].setText(name.apply(c));
            bars[row].setProgress(p[c]);
            values[row].setText(i18n.numbers().percent(p[c]));
            for (Label l : new Label[] {names[row], values[row]}) {
                l.getStyleClass().remove("emphasis");
                if (c == best) l.getStyleClass().add("emphasis");
            }
        }
    }

    private void build(int rows) {
        getChildren().clear();
        names = new Label[rows];
        values = new Label[rows];
        bars = new ProgressBar[rows];
        for (int row = 0; row < rows; row++) {
            names[row] = new Label();
            bars[row] = new ProgressBar(0);
            bars[row].setPrefWidth(60);
            bars[row].setMinWidth(60);
            values[row] = new Label();
            values[row].setMinWidth(Region.USE_PREF_SIZE);
            names[row].setMinWidth(Region.USE_PREF_SIZE);
            addRow(row, names[row], bars[row], values[row]);
        }
    }
}
