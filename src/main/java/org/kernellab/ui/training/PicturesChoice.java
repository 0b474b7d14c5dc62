package org.kernellab.ui.training;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Problem;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.downloads.DataChoice;
import org.kernellab.ui.downloads.SourceChoice;
import org.kernellab.ui.lab.LabViewModel;
import org.kernellab.ui.lab.PictureData;

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
        ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
        Node row = SourceChoice.of(
                ctx,
                life,
                "train-data",
                data.sourceProperty(),
                (source, folder) -> {
                    if (source == PictureData.Source.FOLDER) lab.useFolder(folder);
                    else lab.use(source);
                },
                problem::set);
        Node fashion = DataChoice.of(ctx, life, false);
        fashion.visibleProperty().bind(data.sourceProperty().isEqualTo(PictureData.Source.FASHION));
        fashion.managedProperty().bind(fashion.visibleProperty());
        dataLine.visibleProperty().bind(fashion.visibleProperty());
        dataLine.managedProperty().bind(fashion.visibleProperty());
        Label other = otherLine(i18n, data, lab.lab());
        other.visibleProperty().bind(fashion.visibleProperty().not());
        other.managedProperty().bind(other.visibleProperty());
        Label why = new Label();
        why.getStyleClass().add("problem");
        why.setWrapText(true);
        why.textProperty().bind(i18n.bind(() -> problem.get() == null ? "" : i18n.tr(problem.get()), problem));
        why.visibleProperty().bind(problem.isNotNull());
        why.managedProperty().bind(why.visibleProperty());
        return new VBox(6, row, fashion, dataLine, other, why);
    }

    /** Which pictures other than Fashion-MNIST the lab trains on, and how it reads them. */
    private static Label otherLine(I18n i18n, PictureData data, LabViewModel vm) {
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
                                                PictureData.FOLDER_SIDE)
                                        + SourceChoice.skipped(i18n, data.skipped());
                        },
                        data.sourceProperty(),
                        data.folderProperty(),
                        vm.currentProperty(), // the folder is read when a run starts: what it skipped shows then
                        vm.selectedProperty()));
        return other;
    }
}
