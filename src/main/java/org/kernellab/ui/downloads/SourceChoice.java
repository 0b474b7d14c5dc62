package org.kernellab.ui.downloads;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.stage.DirectoryChooser;
import org.kernellab.compute.Problem;
import org.kernellab.data.DataException;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Segments;

/**
 * Pictures: Fashion-MNIST | CIFAR-10 | My pictures…, where the data browser and the training lab offer them. CIFAR-10
 * not yet downloaded opens the Data sets window; My pictures… asks for a folder. A choice that cannot be taken goes
 * back to the one before, and the buttons follow the pictures in use wherever they were chosen.
 */
public final class SourceChoice {
    /** Takes pictures: Fashion-MNIST (no folder), CIFAR-10 from its downloaded folder, or the student's folder. */
    public interface Use {
        void use(PictureData.Source source, Path folder) throws DataException;
    }

    private SourceChoice() {}

    /**
     * @param current the pictures in use
     * @param problem told why a choice could not be taken, and null when one is
     */
    public static Node of(
            AppContext ctx,
            Lifetime life,
            String id,
            ObservableValue<PictureData.Source> current,
            Use use,
            Consumer<Problem> problem) {
        ObjectProperty<PictureData.Source> chosen = new SimpleObjectProperty<>(current.getValue());
        LinkedHashMap<PictureData.Source, String[]> kinds = new LinkedHashMap<>();
        kinds.put(PictureData.Source.FASHION, new String[] {id + "-fashion", "train.data.fashion"});
        kinds.put(PictureData.Source.CIFAR10, new String[] {id + "-cifar", "train.data.cifar"});
        kinds.put(PictureData.Source.FOLDER, new String[] {id + "-folder", "train.data.folder"});
        Node segments = Segments.of(chosen, kinds, ctx.i18n());
        chosen.addListener((o, was, now) -> {
            if (now == null || now == current.getValue()) return;
            problem.accept(null);
            try {
                if (now == PictureData.Source.FASHION) use.use(now, null);
                else if (now == PictureData.Source.CIFAR10) {
                    Path cifar = DataSetsView.folderOrGet(segments.getScene().getWindow(), ctx, RemoteSet.CIFAR10);
                    if (cifar != null) use.use(now, cifar); // else got first, in the window
                } else {
                    pickFolder(segments, use, problem);
                }
            } catch (DataException e) {
                problem.accept(e.problem());
            }
            // a choice taken in the background (a folder being read) shows once it is: until then, the one before
            if (current.getValue() != now) Platform.runLater(() -> chosen.set(current.getValue()));
        });
        life.onChange(current, chosen::set);
        // another folder while one is in use: the chosen button itself does nothing when pressed again
        Button another = Controls.button(id + "-another", ctx.i18n(), "train.data.another", () -> {
            problem.accept(null);
            pickFolder(segments, use, problem);
        });
        another.setMaxWidth(Button.USE_PREF_SIZE);
        another.visibleProperty().bind(chosen.isEqualTo(PictureData.Source.FOLDER));
        another.managedProperty().bind(another.visibleProperty());
        return new FlowPane(10, 6, Controls.label(ctx.i18n(), "train.data.pictures"), segments, another);
    }

    private static void pickFolder(Node owner, Use use, Consumer<Problem> problem) {
        File f = new DirectoryChooser().showDialog(owner.getScene().getWindow());
        try {
            if (f != null) use.use(PictureData.Source.FOLDER, f.toPath());
        } catch (DataException e) {
            problem.accept(e.problem());
        }
    }

    /** The files a folder's reading left out, the first three and how many in all, on a line of its own ("" for none). */
    public static String skipped(I18n i18n, List<Problem> s) {
        if (s.isEmpty()) return "";
        String names = String.join(
                "; ", s.subList(0, Math.min(3, s.size())).stream().map(i18n::tr).toList());
        return "\n" + i18n.tr("data.skippedFiles", s.size(), names + (s.size() > 3 ? "; …" : ""));
    }
}
