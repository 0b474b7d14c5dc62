package org.kernellab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;

/**
 * A table of training runs: a heading and one row per run, every cell wrapping rather than cutting its text short (a
 * narrow window makes rows taller, not words shorter), each re-read when the run's status or results change, and a row
 * clicked chosen. Plain labels in a grid: a TableView built its first row's cells cold, 40 ms of the pulse after Train.
 *
 * @param <R> a run
 */
public final class RunColumns<R> {
    private final I18n i18n;
    private final List<Column<R>> columns = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private final Label empty;
    private final List<R> shown = new ArrayList<>();
    private Consumer<R> onChoose = r -> {};
    private R chosen;

    private record Column<R>(String key, Function<R, String> text, Function<R, String> dot, boolean wraps) {}

    public RunColumns(String id, I18n i18n) {
        this.i18n = i18n;
        grid.setId(id);
        grid.getStyleClass().add("run-table");
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setPadding(new Insets(4, 6, 4, 6));
        empty = Controls.label(i18n, "train.noRuns");
        empty.getStyleClass().add("hint");
    }

    /**
     * A column: its heading's key, what a cell says about a run, the run's colour for a dot before the text (or null),
     * and whether its text wraps (names, settings, status: the columns that give up width when the window is narrow)
     * or keeps its width (numbers, which a line break would make unreadable).
     */
    public RunColumns<R> column(String key, Function<R, String> text, Function<R, String> dot, boolean wraps) {
        columns.add(new Column<>(key, text, dot, wraps));
        return this;
    }

    /** Called with a finished run when its row is clicked. */
    public RunColumns<R> onChoose(Consumer<R> action) {
        onChoose = action;
        return this;
    }

    /**
     * The table over {@code runs}, redrawing a run's row when one of {@code dependencies} changes (never the progress:
     * redrawing at every batch costs the training); the list is listened to for {@code life}'s time.
     */
    public Region build(ObservableList<R> runs, Function<R, Observable[]> dependencies, Lifetime life) {
        for (int c = 0; c < columns.size(); c++) {
            boolean wraps = columns.get(c).wraps();
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(wraps ? Priority.ALWAYS : Priority.NEVER);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
            Label heading = new Label();
            heading.textProperty().bind(i18n.bind(columns.get(c).key()));
            heading.getStyleClass().addAll("run-heading", "emphasis");
            size(heading, true);
            Controls.keepWords(heading); // a heading may break between words, never inside one
            grid.add(heading, c, 0);
        }
        // a run added at the end gets its row; anything else redraws the table
        life.onList(runs, (ListChangeListener<R>) change -> {
            boolean appended = true;
            while (change.next()) {
                appended &= change.wasAdded() && !change.wasRemoved() && change.getFrom() == shown.size();
                if (appended) for (R run : change.getAddedSubList()) add(run, dependencies);
            }
            if (!appended) fill(runs, dependencies);
            mark();
        });
        fill(runs, dependencies);
        return grid;
    }

    /** The run whose row is chosen, or null. */
    public R chosen() {
        return chosen;
    }

    private void fill(List<R> runs, Function<R, Observable[]> dependencies) {
        grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        shown.clear();
        if (runs.isEmpty()) grid.add(empty, 0, 1, columns.size(), 1);
        for (R run : runs) add(run, dependencies);
        if (chosen != null && !shown.contains(chosen)) chosen = null;
        mark();
    }

    private void add(R run, Function<R, Observable[]> dependencies) {
        grid.getChildren().remove(empty);
        int row = shown.size() + 1;
        shown.add(run);
        for (int c = 0; c < columns.size(); c++) {
            Column<R> col = columns.get(c);
            Label cell = new Label();
            cell.getStyleClass().add("run-cell");
            StringBinding text =
                    Bindings.createStringBinding(() -> col.text().apply(run), with(dependencies.apply(run)));
            cell.textProperty().bind(text);
            size(cell, col.wraps());
            if (col.wraps()) Controls.keepWords(cell);
            Region shownCell = cell;
            if (col.dot() != null) {
                Label dot = new Label("●");
                dot.setMinWidth(Region.USE_PREF_SIZE);
                dot.setStyle("-fx-text-fill: " + col.dot().apply(run) + ";");
                HBox both = new HBox(4, dot, cell);
                HBox.setHgrow(cell, Priority.ALWAYS);
                shownCell = both;
            }
            shownCell.getStyleClass().add("run-row-cell");
            shownCell.setMaxWidth(Double.MAX_VALUE);
            shownCell.setOnMouseClicked(e -> choose(run));
            GridPane.setValignment(shownCell, VPos.TOP);
            GridPane.setHalignment(shownCell, HPos.LEFT);
            grid.add(shownCell, c, row);
        }
    }

    private Observable[] with(Observable[] on) {
        Observable[] all = new Observable[on.length + 1];
        System.arraycopy(on, 0, all, 0, on.length);
        all[on.length] = i18n.localeProperty();
        return all;
    }

    private void choose(R run) {
        chosen = run;
        mark();
        onChoose.accept(run);
    }

    private void mark() {
        for (Node n : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(n);
            boolean on =
                    chosen != null && row != null && row > 0 && row - 1 < shown.size() && shown.get(row - 1) == chosen;
            n.pseudoClassStateChanged(CHOSEN, on);
        }
    }

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private static void size(Label l, boolean wraps) {
        l.setWrapText(wraps);
        l.setMinWidth(wraps ? 0 : Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
    }
}
