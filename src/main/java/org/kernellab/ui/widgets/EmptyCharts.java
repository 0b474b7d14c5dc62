package org.kernellab.ui.widgets;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;

/** Charts without data: an empty frame with its axes' titles, not a scale that no data chose. */
public final class EmptyCharts {
    private EmptyCharts() {}

    /**
     * Hides {@code axes}' ticks, their numbers and the grid lines along them while {@code chart} has no point, and
     * shows them with the first: an auto-ranging axis with nothing to range over makes up a scale (0 to 100, 0 to 150).
     */
    public static <X, Y> void noScaleWhileEmpty(XYChart<X, Y> chart, Axis<?>... axes) {
        BooleanProperty data = new SimpleBooleanProperty();
        Runnable check = () ->
                data.set(chart.getData().stream().anyMatch(s -> !s.getData().isEmpty()));
        ListChangeListener<XYChart.Data<X, Y>> points = c -> check.run();
        chart.getData().forEach(s -> s.getData().addListener(points));
        chart.getData().addListener((ListChangeListener<XYChart.Series<X, Y>>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> s.getData().removeListener(points));
                c.getAddedSubList().forEach(s -> s.getData().addListener(points));
            }
            check.run();
        });
        check.run();
        for (Axis<?> a : axes) {
            a.tickLabelsVisibleProperty().bind(data);
            a.tickMarkVisibleProperty().bind(data);
            if (a == chart.getXAxis()) chart.verticalGridLinesVisibleProperty().bind(data);
            if (a == chart.getYAxis())
                chart.horizontalGridLinesVisibleProperty().bind(data);
        }
    }
}
