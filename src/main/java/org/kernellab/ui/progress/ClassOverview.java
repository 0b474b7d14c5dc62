package org.kernellab.ui.progress;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kernellab.lesson.Progress;
import org.kernellab.lesson.ProgressFiles;
import org.kernellab.lesson.ProgressFiles.ClassTable;
import org.kernellab.lesson.ProgressFiles.Report;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.Controls;

/**
 * The teacher's class overview: students' progress files side by side, one row per student and one column per exercise
 * (✓ solved, ✗ tried, with the attempts), sortable by any column, with each student's totals and, in the last row, how
 * many students solved each exercise; exported as CSV for a gradebook. Files that could not be read are named.
 */
public final class ClassOverview {
    /** A row: a student, or the totals (student null). */
    public record Row(Report student, ClassTable table) {
        boolean totals() {
            return student == null;
        }
    }

    private final Stage stage = new Stage();
    private final TableView<Row> table = new TableView<>();
    private final ClassTable data;
    private final I18n i18n;
    private final Label skipped = new Label();

    public ClassOverview(Window owner, ClassTable data, I18n i18n) {
        this.data = data;
        this.i18n = i18n;
        stage.initOwner(owner);
        stage.titleProperty().bind(i18n.bind("progress.overview"));
        table.setId("class-table");
        ObservableList<Row> rows = FXCollections.observableArrayList();
        data.students().forEach(s -> rows.add(new Row(s, data)));
        rows.add(new Row(null, data));
        table.setItems(rows);
        table.getColumns()
                .add(column(
                        "progress.student",
                        r -> r.totals()
                                ? i18n.tr("progress.totals")
                                : r.student().student()));
        for (String c : data.exercises()) table.getColumns().add(exercise(c));
        table.getColumns()
                .add(column(
                        "progress.solved", r -> r.totals() ? null : r.student().solved()));
        table.getColumns()
                .add(column(
                        "progress.attempts",
                        r -> r.totals() ? null : r.student().attempts()));
        // the totals stay the last row whatever the order
        table.setSortPolicy(t -> {
            Comparator<Row> by = t.getComparator();
            if (by != null)
                FXCollections.sort(t.getItems(), (a, b) -> a.totals() ? 1 : b.totals() ? -1 : by.compare(a, b));
            return true;
        });
        skipped.setId("class-skipped");
        skipped.getStyleClass().add("problem");
        skipped.setWrapText(true);
        skipped.setText(String.join(
                "\n",
                data.skipped().stream()
                        .map(s -> "⚠ " + i18n.tr("progress.skipped", s.file().getFileName(), i18n.tr(s.reason())))
                        .toList()));
        skipped.setManaged(!data.skipped().isEmpty());
        Button csv = Controls.button("class-csv", i18n, "progress.exportCsv", this::exportCsv);
        csv.setMaxWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, table, skipped, new HBox(csv));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        stage.setScene(new Scene(box, 1000, 520));
        stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
    }

    public void show() {
        stage.show();
    }

    /** A student's exercise: "✓ 2" solved in two checks, "✗ 3" tried three times, empty never checked. */
    private TableColumn<Row, Object> exercise(String c) {
        TableColumn<Row, Object> col = new TableColumn<>(c.replace("/", "\n"));
        col.setCellValueFactory(f -> {
            Row r = f.getValue();
            if (r.totals()) {
                long solved = data.students().stream()
                        .map(s -> s.exercise(c))
                        .filter(a -> a != null && a.solved())
                        .count();
                return new ReadOnlyObjectWrapper<>(
                        solved + "/" + data.students().size());
            }
            Progress.Attempt a = r.student().exercise(c);
            return new ReadOnlyObjectWrapper<>(a == null ? "" : (a.solved() ? "✓ " : "✗ ") + a.attempts());
        });
        col.setComparator(Comparator.comparing(Object::toString));
        return col;
    }

    /** A column of text or numbers, an empty cell (the totals row) sorting first. */
    private TableColumn<Row, Object> column(String key, Function<Row, Object> value) {
        TableColumn<Row, Object> col = new TableColumn<>();
        col.textProperty().bind(i18n.bind(key));
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        col.setComparator(ClassOverview::compare);
        return col;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        return a instanceof Comparable c && a.getClass() == b.getClass()
                ? c.compareTo(b)
                : a.toString().compareTo(b.toString());
    }

    private void exportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.tr("progress.exportCsv"));
        fc.setInitialFileName("class.csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        try {
            Files.writeString(f.toPath(), ProgressFiles.csv(data));
        } catch (IOException e) {
            skipped.setManaged(true);
            skipped.setText("⚠ " + i18n.tr("scene.cannotSave", f) + " " + e.getMessage());
        }
    }

    /** The table's rows as shown (sorted), for tests. */
    public List<Row> rows() {
        return List.copyOf(table.getItems());
    }
}
