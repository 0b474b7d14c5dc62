package org.kernellab.ui.featuremaps;

import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Side;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.widgets.ClassBars;
import org.kernellab.ui.widgets.ColourPicture;
import org.kernellab.ui.widgets.HeatMap;

/** The head of the maps: a picture, its caption and the net's probabilities for it. */
final class PictureHead {
    private PictureHead() {}

    /**
     * @param classes how many classes to list, the likeliest first when fewer than all
     * @param width   the grid's width, where the probabilities wrap under the picture
     */
    static Node of(Side s, String id, int classes, I18n i18n, DoubleBinding width) {
        Node input = picture(s, id, 5);
        Label caption = new Label(caption(s, i18n));
        caption.setWrapText(true);
        Label predicted = predicted(s, id, i18n);
        predicted.setWrapText(true);
        predicted.setMaxWidth(240);
        caption.setMaxWidth(150);
        FlowPane head = new FlowPane(
                12,
                8,
                new VBox(6, input, caption),
                new VBox(
                        4,
                        predicted,
                        ClassBars.of(
                                s.maps().probabilities(),
                                classes,
                                i18n,
                                c -> PictureData.className(i18n, s.classes(), c)))); // under the image when narrow
        head.prefWrapLengthProperty().bind(width);
        return head;
    }

    /** While presenting: the picture, its caption and the prediction beside it, without the list of classes. */
    static Node compact(Side s, String id, I18n i18n) {
        Node input = picture(s, id, 4);
        Label caption = new Label(caption(s, i18n));
        Label predicted = predicted(s, id, i18n);
        for (Label l : new Label[] {caption, predicted}) {
            l.setWrapText(true);
            l.setMaxWidth(220);
            l.setMinWidth(Region.USE_PREF_SIZE); // a head that does not fit wraps below, its words stay in lines
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        return new HBox(10, input, new VBox(4, predicted, caption));
    }

    /** The picture as the net reads it: grey values as a heat map, colour pictures in colour, as large on screen. */
    private static Node picture(Side s, String id, double cell) {
        int h = s.shape()[1], w = s.shape()[2];
        Node input;
        if (s.colour()) {
            input = ColourPicture.of(s::value, h, w, cell * 28 / h);
        } else {
            HeatMap grey = new HeatMap(cell * 28 / h);
            grey.setValues(s.image(), HeatMap.Scale.GREY, 1);
            input = grey;
        }
        input.setId(id + "-input");
        return input;
    }

    private static String caption(Side s, I18n i18n) {
        return s.file() != null
                ? i18n.tr(s.inverted() ? "maps.pictureInverted" : "maps.picture", s.file())
                : i18n.tr("maps.testImage", s.index(), PictureData.className(i18n, s.classes(), s.label()));
    }

    private static Label predicted(Side s, String id, I18n i18n) {
        float[] p = s.maps().probabilities();
        Label predicted = new Label(i18n.tr(
                "maps.predicted",
                PictureData.className(i18n, s.classes(), s.predicted()),
                String.format(i18n.locale(), "%.1f", p[s.predicted()] * 100)));
        predicted.setId(id + "-predicted");
        predicted.getStyleClass().add("emphasis");
        return predicted;
    }
}
