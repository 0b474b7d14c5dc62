package org.kernellab.ui.downloads;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kernellab.data.fetch.Fetcher;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.widgets.Controls;

/**
 * The Data sets window: each set with what the data folder holds of it, Get (or Cancel while downloading) and Remove,
 * the download's progress, why a try failed, and under Addresses the address each comes from (a mirror, a university
 * proxy). Plain controls bound to {@link DataSetsViewModel}.
 */
public final class DataSetsView extends VBox {
    public DataSetsView(DataSetsViewModel vm, I18n i18n) {
        super(14);
        setId("datasets-view");
        setPadding(new Insets(8, 16, 4, 16));
        setPrefWidth(820);
        Label intro = Controls.label(i18n, "datasets.intro");
        intro.setWrapText(true);
        GridPane sets = new GridPane();
        sets.setHgap(12);
        sets.setVgap(6);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        sets.getColumnConstraints()
                .addAll(grow, new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints());
        int row = 0;
        for (DataSetsViewModel.Entry e : vm.entries()) row = addSet(sets, row, e, vm, i18n);
        getChildren().addAll(intro, sets, addresses(vm, i18n));
    }

    private static int addSet(GridPane g, int row, DataSetsViewModel.Entry e, DataSetsViewModel vm, I18n i18n) {
        String name = e.set().name();
        Label title = Controls.label(i18n, "datasets.name." + name);
        title.getStyleClass().add("about-name");
        title.setWrapText(true);
        Label detail = new Label();
        detail.setId("datasets-detail-" + name);
        detail.textProperty().bind(e.detailProperty());
        detail.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(e.progressProperty());
        bar.visibleProperty().bind(e.stateProperty().isEqualTo(DataSetsViewModel.State.FETCHING));
        bar.managedProperty().bind(bar.visibleProperty());
        Label problem = new Label();
        problem.setId("datasets-problem-" + name);
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(i18n.bind(
                        () -> e.problemProperty().get() == null
                                ? ""
                                : i18n.tr(e.problemProperty().get()),
                        e.problemProperty()));
        problem.visibleProperty().bind(e.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Button get = new Button();
        get.setId("datasets-get-" + name);
        get.textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr(
                                switch (e.stateProperty().get()) {
                                    case FETCHING -> "datasets.cancel";
                                    case PARTIAL -> "datasets.resume";
                                    case READY -> "datasets.again";
                                    default -> "datasets.get";
                                }),
                        e.stateProperty()));
        get.setOnAction(a -> {
            if (e.stateProperty().get() == DataSetsViewModel.State.FETCHING) vm.cancel(e);
            else vm.get(e);
        });
        Button remove = Controls.button("datasets-remove-" + name, i18n, "datasets.remove", () -> vm.remove(e));
        Button file = fromFile(g, e, vm, i18n);
        remove.disableProperty().bind(e.stateProperty().isEqualTo(DataSetsViewModel.State.ABSENT));
        for (Button b : List.of(get, remove, file)) b.setMinWidth(Button.USE_PREF_SIZE);
        VBox text = new VBox(4, title, detail, bar, problem);
        g.add(text, 0, row);
        g.add(get, 1, row);
        g.add(file, 2, row);
        g.add(remove, 3, row);
        GridPane.setValignment(get, VPos.TOP);
        GridPane.setValignment(remove, VPos.TOP);
        GridPane.setValignment(file, VPos.TOP);
        return row + 1;
    }

    /** An archive a browser downloaded or a USB stick brought: checked and unpacked as a download is. */
    private static Button fromFile(GridPane g, DataSetsViewModel.Entry e, DataSetsViewModel vm, I18n i18n) {
        Button file = Controls.button("datasets-file-" + e.set().name(), i18n, "datasets.fromFile", () -> {
            File f = new FileChooser().showOpenDialog(g.getScene().getWindow());
            if (f != null) vm.install(e, f.toPath());
        });
        file.setVisible(e.set().kind() != RemoteSet.Kind.IDX_FILES);
        file.disableProperty().bind(e.stateProperty().isEqualTo(DataSetsViewModel.State.FETCHING));
        return file;
    }

    /** Each set's address: the publishers' unless the user gives a mirror. */
    private static TitledPane addresses(DataSetsViewModel vm, I18n i18n) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        int row = 0;
        for (DataSetsViewModel.Entry e : vm.entries()) {
            RemoteSet set = e.set();
            TextField field = new TextField();
            field.setId("datasets-address-" + set.name());
            field.textProperty().bindBidirectional(e.addressProperty());
            Button reset = Controls.button(
                    "datasets-reset-" + set.name(),
                    i18n,
                    "datasets.publisher",
                    () -> e.addressProperty().set(set.url().toString()));
            reset.setMinWidth(Button.USE_PREF_SIZE);
            Label name = Controls.label(i18n, "datasets.short." + set.name());
            name.setMinWidth(Label.USE_PREF_SIZE);
            g.addRow(row++, name, field, reset);
        }
        Label hint = Controls.label(i18n, "datasets.addressHint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        g.add(hint, 0, row, 3, 1);
        TitledPane pane = new TitledPane();
        pane.setId("datasets-addresses");
        pane.textProperty().bind(i18n.bind("datasets.addresses"));
        pane.setContent(g);
        pane.setCollapsible(false); // folded, the window would have to grow when it opens
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    /** The app's one view-model of the sets: downloads go on while this window is closed. */
    public static DataSetsViewModel model(AppContext ctx) {
        return ctx.shared(
                DataSetsViewModel.class,
                () -> new DataSetsViewModel(
                        ctx.i18n(),
                        ctx.tasks(),
                        Platform::runLater,
                        ctx.userDirs().datasets(),
                        Preferences.userRoot().node("org/kernellab/datasets"),
                        RemoteSet.ALL,
                        Fetcher.Settings.DEFAULT,
                        () -> ctx.workbench().reload()));
    }

    /** The folder of a set the data folder holds whole, or null once this window is open to get it first. */
    public static Path folderOrGet(Window owner, AppContext ctx, RemoteSet set) {
        DataSetsViewModel.Entry e = model(ctx).entry(set.name());
        if (e.stateProperty().get() == DataSetsViewModel.State.READY) return e.folder();
        show(owner, ctx);
        return null;
    }

    /** Opens the window; it does not block the app, and a download goes on when it is closed. */
    public static void show(Window owner, AppContext ctx) {
        I18n i18n = ctx.i18n();
        DataSetsViewModel vm = model(ctx);
        vm.refresh();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.titleProperty().bind(i18n.bind("datasets.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new DataSetsView(vm, i18n));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(i18n.tr("about.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.show();
    }
}
