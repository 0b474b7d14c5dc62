package org.kernellab.ui.widgets;

import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kernellab.ui.I18n;

/**
 * The columns of a table of training runs: a heading and cells that wrap rather than cut their text short (a narrow
 * window makes rows taller, not words shorter), each cell re-read when the run's status or results change.
 */
public final class RunColumns {
    private RunColumns() {}

    /** A table whose columns share its width, with {@code placeholder} while it has no runs. */
    public static <R> TableView<R> table(String id, I18n i18n, javafx.collections.ObservableList<R> runs) {
        TableView<R> table = new TableView<>(runs);
        table.setId(id);
        table.setPlaceholder(Controls.label(i18n, "train.noRuns"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /**
     * @param text         what a cell says about its run
     * @param dot          the run's colour for a dot before the text, or null for none
     * @param dependencies what the cell is redrawn on (never the progress: redrawing at every batch costs the training)
     */
    public static <R> TableColumn<R, R> column(I18n i18n, String key, Function<R, String> text, Function<R, String> dot,
                                               Function<R, Observable[]> dependencies) {
        TableColumn<R, R> col = new TableColumn<>();
        // a heading that wraps: a label as wide as the column, in a pane as wide, so the header's height counts its lines
        Label heading = new Label();
        heading.textProperty().bind(i18n.bind(key));
        heading.setWrapText(true);
        heading.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        heading.getStyleClass().add("run-column-heading");
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(heading);
        box.prefWidthProperty().bind(col.widthProperty().subtract(8));
        heading.prefWidthProperty().bind(box.prefWidthProperty());
        col.setGraphic(box);
        col.setSortable(false);
        col.setMinWidth(56);
        col.setCellValueFactory(c -> {
            R r = c.getValue();
            Observable[] on = dependencies.apply(r), all = new Observable[on.length + 1];
            System.arraycopy(on, 0, all, 0, on.length);
            all[on.length] = i18n.localeProperty();
            return Bindings.createObjectBinding(() -> r, all);
        });
        col.setCellFactory(c -> new TableCell<>() {
            {
                setWrapText(true);
            }

            @Override protected void updateItem(R r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
                if (empty || r == null || dot == null) {
                    setGraphic(null);
                    return;
                }
                Label d = new Label("●");
                d.setMinWidth(Label.USE_PREF_SIZE);
                d.setStyle("-fx-text-fill: " + dot.apply(r) + ";");
                setGraphic(d);
            }
        });
        return col;
    }
}
