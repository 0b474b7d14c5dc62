package org.kernellab.ui.training;

import java.io.File;
import java.util.LinkedHashMap;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kernellab.compute.Problem;
import org.kernellab.data.DataException;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.downloads.DataChoice;
import org.kernellab.ui.downloads.DataSetsView;
import org.kernellab.ui.downloads.DataSetsViewModel;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Segments;

/**
 * What the training lab trains on: Fashion-MNIST (with its built-in subset | full set choice), CIFAR-10 once downloaded
 * (else the Data sets window opens to get it), or a folder of the student's own pictures; and a line saying which, with
 * why a choice could not be taken.
 */
final class PicturesChoice {
    private PicturesChoice() {}

    static Node of(AppContext ctx, TrainingLab lab, Node dataLine, Lifetime life) {
        I18n i18n = ctx.i18n();
        PictureData data = (PictureData) lab.lab().data();
        ObjectProperty<PictureData.Source> chosen =
                new SimpleObjectProperty<>(data.sourceProperty().get());
        ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
        LinkedHashMap<PictureData.Source, String[]> kinds = new LinkedHashMap<>();
        kinds.put(PictureData.Source.FASHION, new String[] {"train-data-fashion", "train.data.fashion"});
        kinds.put(PictureData.Source.CIFAR10, new String[] {"train-data-cifar", "train.data.cifar"});
        kinds.put(PictureData.Source.FOLDER, new String[] {"train-data-folder", "train.data.folder"});
        Node segments = Segments.of(chosen, kinds, i18n);
        chosen.addListener((o, was, now) -> choose(ctx, lab, chosen, problem, segments, was, now));
        life.onChange(data.sourceProperty(), chosen::set); // the lab's choice, wherever it was made
        Node fashion = DataChoice.of(ctx, life, false);
        fashion.visibleProperty().bind(data.sourceProperty().isEqualTo(PictureData.Source.FASHION));
        fashion.managedProperty().bind(fashion.visibleProperty());
        dataLine.visibleProperty().bind(fashion.visibleProperty());
        dataLine.managedProperty().bind(fashion.visibleProperty());
        Label other = otherLine(i18n, data);
        other.visibleProperty().bind(fashion.visibleProperty().not());
        other.managedProperty().bind(other.visibleProperty());
        Label why = new Label();
        why.getStyleClass().add("problem");
        why.setWrapText(true);
        why.textProperty().bind(i18n.bind(() -> problem.get() == null ? "" : i18n.tr(problem.get()), problem));
        why.visibleProperty().bind(problem.isNotNull());
        why.managedProperty().bind(why.visibleProperty());
        FlowPane row = new FlowPane(10, 6, Controls.label(i18n, "train.data.pictures"), segments);
        return new VBox(6, row, fashion, dataLine, other, why);
    }

    /** Takes the student's choice, or goes back to the one before where it cannot be taken (yet). */
    private static void choose(
            AppContext ctx,
            TrainingLab lab,
            ObjectProperty<PictureData.Source> chosen,
            ObjectProperty<Problem> problem,
            Node owner,
            PictureData.Source was,
            PictureData.Source now) {
        PictureData data = (PictureData) lab.lab().data();
        if (now == null || now == data.sourceProperty().get()) return;
        problem.set(null);
        if (now == PictureData.Source.CIFAR10) {
            DataSetsViewModel.Entry cifar = DataSetsView.model(ctx).entry(RemoteSet.CIFAR10.name());
            if (cifar.stateProperty().get() == DataSetsViewModel.State.READY) lab.use(now);
            else DataSetsView.show(owner.getScene().getWindow(), ctx); // get it first
        } else if (now == PictureData.Source.FOLDER) {
            File f = new DirectoryChooser().showDialog(owner.getScene().getWindow());
            try {
                if (f != null) lab.useFolder(f.toPath());
            } catch (DataException e) {
                problem.set(e.problem());
            }
        } else {
            lab.use(now);
        }
        if (data.sourceProperty().get() != now) Platform.runLater(() -> chosen.set(was));
    }

    /** Which pictures other than Fashion-MNIST the lab trains on, and how it reads them. */
    private static Label otherLine(I18n i18n, PictureData data) {
        Label other = new Label();
        other.setId("train-pictures");
        other.getStyleClass().add("hint");
        other.setWrapText(true);
        other.setMinHeight(Region.USE_PREF_SIZE);
        other.textProperty()
                .bind(i18n.bind(
                        () -> switch (data.sourceProperty().get()) {
                            case FASHION -> "";
                            case CIFAR10 -> i18n.tr("train.data.cifarIn", data.cifarFolder());
                            case FOLDER ->
                                i18n.tr(
                                        "train.data.folderIn",
                                        data.folderProperty().get(),
                                        data.classes(),
                                        PictureData.FOLDER_SIDE);
                        },
                        data.sourceProperty(),
                        data.folderProperty()));
        return other;
    }
}
