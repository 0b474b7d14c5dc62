package org.kernellab.ui;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.kernellab.install.UserDirs;
import org.kernellab.install.Versions;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.ComputeEngine;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;

/**
 * The About dialog: what is running (the app, JavaFX, ND4J and its backend, Java), the data the lessons use, and
 * where the user's own files are, each folder with a button that opens it. A teacher reads it off a classroom
 * machine to tell which version is installed and where a student's lessons and networks went.
 */
final class AboutDialog {
    /** One line: a label, its value, and for folders the folder. */
    record Row(String key, String value, Path folder) {}

    private AboutDialog() {}

    /** The lines in the order shown, in the chosen language; plain data, so a test reads them without a window. */
    static List<Row> rows(AppContext ctx, UserDirs dirs) {
        I18n i18n = ctx.i18n();
        ComputeEngine engine = ctx.engine();
        String nd4j = Versions.ND4J + " · "
                + switch (engine.stateProperty().get()) {
                    case READY -> engine.describe(i18n);
                    case FAILED -> i18n.tr("about.engineFailed", engine.describe(i18n));
                    default -> i18n.tr("about.engineLoading");
                };
        return List.of(
                new Row("about.version", Versions.APP, null),
                new Row("about.javafx", System.getProperty("javafx.runtime.version", "?"), null),
                new Row("about.nd4j", nd4j, null),
                new Row("about.java", Versions.java(), null),
                new Row("about.data", ctx.workbench().dataText(), null),
                new Row("about.datasets", downloaded(ctx), ctx.userDirs().datasets()),
                new Row("about.lessons", dirs.lessons().toString(), dirs.lessons()),
                new Row("about.models", dirs.models().toString(), dirs.models()),
                new Row("about.cache", dirs.cache().toString(), dirs.cache()),
                new Row(
                        "about.settings",
                        UserDirs.preferences().map(Path::toString).orElse(i18n.tr("about.settingsElsewhere")),
                        null),
                new Row("about.program", programFolder(), null));
    }

    /** The sets downloaded whole, with their size on disk. */
    private static String downloaded(AppContext ctx) {
        DataSetsViewModel vm = DataSetsView.model(ctx);
        vm.refresh();
        String s = vm.summary();
        return s == null ? ctx.i18n().tr("about.noDatasets") : s;
    }

    /** Where the app runs from: the installed or portable folder (jpackage names its launcher), else the jar's folder. */
    private static String programFolder() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null)
            return Path.of(launcher).toAbsolutePath().getParent().getParent().toString();
        try {
            return Path.of(AboutDialog.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent()
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "?";
        }
    }

    /** @param opener opens a folder in the system's file manager; null where there is none (the folders are still shown) */
    static void show(Window owner, AppContext ctx, Consumer<String> opener) {
        I18n i18n = ctx.i18n();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.tr("about.title"));
        dialog.setHeaderText("KernelLab " + Versions.APP + "\n" + i18n.tr("about.tagline"));
        dialog.setGraphic(new ImageView(AppIcon.of(64)));

        GridPane grid = new GridPane();
        grid.setId("about-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 16, 4, 16));
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setMaxWidth(560);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), value, new ColumnConstraints());
        int r = 0;
        for (Row row : rows(ctx, UserDirs.current())) {
            Label name = new Label(i18n.tr(row.key()));
            name.getStyleClass().add("about-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            GridPane.setHalignment(name, HPos.RIGHT);
            Label text = new Label(row.value());
            text.setId(row.key().replace('.', '-'));
            text.setWrapText(true);
            grid.addRow(r, name, text);
            Button button = button(row, text, dialog, ctx, opener);
            if (button != null) grid.add(button, 2, r);
            r++;
        }
        Label kept = new Label(i18n.tr("about.kept"));
        kept.setWrapText(true);
        kept.setMaxWidth(720);
        grid.add(kept, 0, r, 3, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(i18n.tr("about.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.show();
    }

    /** A row's button: the Data sets window for the downloaded data, else the folder in the file manager (if any). */
    private static Button button(Row row, Label text, Dialog<Void> dialog, AppContext ctx, Consumer<String> opener) {
        I18n i18n = ctx.i18n();
        Button b;
        if (row.key().equals("about.datasets")) {
            b = new Button(i18n.tr("datasets.open"));
            b.setId("about-datasets-button");
            b.setOnAction(e -> {
                Window owner = dialog.getOwner();
                dialog.close();
                DataSetsView.show(owner, ctx);
            });
        } else if (row.folder() != null && opener != null) {
            b = new Button(i18n.tr("about.open"));
            b.setOnAction(e -> {
                try {
                    opener.accept(Files.createDirectories(row.folder()).toUri().toString());
                } catch (IOException | SecurityException ex) {
                    text.setText(row.value() + "\n" + i18n.tr("about.cannotOpen", ex.getMessage()));
                }
            });
        } else {
            return null;
        }
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }
}
