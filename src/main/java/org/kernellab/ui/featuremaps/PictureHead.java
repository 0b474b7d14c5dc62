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
import org.kernellab.ui.widgets.ClassBars;
import org.kernellab.ui.widgets.HeatMap;

/** The head of the maps: a picture, its caption and the net's probabilities for it. */
final class PictureHead {
    private PictureHead() {}

    /**
     * @param classes how many classes to list, the likeliest first when fewer than all
     * @param width   the grid's width, where the probabilities wrap under the picture
     */
    static Node of(Side s, String id, int classes, I18n i18n, DoubleBinding width) {
        HeatMap input = new HeatMap(5);
        input.setValues(s.image(), HeatMap.Scale.GREY, 1);
        input.setId(id + "-input");
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
                                s.maps().probabilities(), classes, i18n))); // probabilities under the image when narrow
        head.prefWrapLengthProperty().bind(width);
        return head;
    }

    /** While presenting: the picture, its caption and the prediction beside it, without the list of classes. */
    static Node compact(Side s, String id, I18n i18n) {
        HeatMap input = new HeatMap(4);
        input.setValues(s.image(), HeatMap.Scale.GREY, 1);
        input.setId(id + "-input");
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

    private static String caption(Side s, I18n i18n) {
        return s.file() != null
                ? i18n.tr(s.inverted() ? "maps.pictureInverted" : "maps.picture", s.file())
                : i18n.tr("maps.testImage", s.index(), i18n.tr("data.class." + s.label()));
    }

    private static Label predicted(Side s, String id, I18n i18n) {
        float[] p = s.maps().probabilities();
        Label predicted = new Label(i18n.tr(
                "maps.predicted",
                i18n.tr("data.class." + s.predicted()),
                String.format(i18n.locale(), "%.1f", p[s.predicted()] * 100)));
        predicted.setId(id + "-predicted");
        predicted.getStyleClass().add("emphasis");
        return predicted;
    }
}
