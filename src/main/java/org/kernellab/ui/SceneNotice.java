package org.kernellab.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Problem;
import org.kernellab.ui.core.I18n;

/**
 * What a scene, a script or a file could not do, over the top of the view until closed: the view itself still shows,
 * with everything else the scene asked for.
 */
final class SceneNotice extends VBox {
    private final StackPane area;
    private final I18n i18n;
    private final Label head = new Label(), lines = new Label();
    private List<Problem> shown = List.of();
    private String headKey = "scene.problems";
    private Object[] headArgs = {};

    SceneNotice(StackPane area, I18n i18n) {
        this.area = area;
        this.i18n = i18n;
        setId("scene-notice");
        getStyleClass().add("scene-notice");
        head.getStyleClass().add("problem");
        head.setWrapText(true);
        lines.setId("scene-notice-text");
        lines.setWrapText(true);
        Button close = new Button("✕");
        close.setId("scene-notice-close");
        close.setOnAction(e -> hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, head, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, lines);
        setPadding(new Insets(8, 12, 8, 12));
        setMaxHeight(Region.USE_PREF_SIZE);
        setMaxWidth(720);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        StackPane.setMargin(this, new Insets(8));
        i18n.localeProperty().addListener((o, a, b) -> fill());
    }

    /** Lists {@code problems} under "this scene could not set everything"; none hides the notice. */
    void show(List<Problem> problems) {
        show("scene.problems", problems);
    }

    /** Lists {@code problems} under the message {@code key}. */
    void show(String key, List<Problem> problems, Object... args) {
        shown = problems;
        headKey = key;
        headArgs = args;
        if (problems.isEmpty()) {
            hide();
            return;
        }
        fill();
        area.getChildren().remove(this);
        area.getChildren().add(this);
    }

    void hide() {
        area.getChildren().remove(this);
    }

    private void fill() {
        head.setText("⚠ " + i18n.tr(headKey, headArgs));
        lines.setText(
                String.join("\n", shown.stream().map(p -> "• " + i18n.tr(p)).toList()));
    }
}
