package org.kernellab.ui.widgets;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.viewmodel.Stepper;

/**
 * First / back / play-pause / forward / last, a speed slider and a scrub slider over all steps, for a
 * {@link Stepper}. {@link #installKeys(Node)} adds the keyboard: space plays or pauses, ← → step,
 * Home and End jump.
 */
public final class StepControls extends VBox {
    /** The style class of a view's step buttons, these or its own: a demo step that locks the settings keeps them. */
    public static final String STYLE = "step-controls";

    private final Stepper stepper;
    private final Timeline timer = new Timeline();

    public StepControls(Stepper stepper, I18n i18n) {
        this.stepper = stepper;
        getStyleClass().add(STYLE);
        setSpacing(6);
        HBox sliders = new HBox(8, scrub(), speedLabel(i18n), speed());
        sliders.setAlignment(Pos.CENTER_LEFT);
        oneStripWhenWide(buttons(i18n), sliders);
        timer.setCycleCount(Timeline.INDEFINITE);
        stepper.playingProperty().addListener((o, a, on) -> restartTimer());
        stepper.speedProperty().addListener((o, a, n) -> {
            if (stepper.playingProperty().get()) restartTimer();
        });
    }

    /** First, back, play or pause, forward and last, then where the animation is. */
    private HBox buttons(I18n i18n) {
        Button first = button("⇤", i18n, "steps.first", stepper::first);
        Button back = button("←", i18n, "steps.previous", stepper::previous);
        back.setId("step-back");
        Button play = button("▶", i18n, "steps.play", stepper::togglePlay);
        play.setId("play");
        play.textProperty()
                .bind(Bindings.when(stepper.playingProperty()).then("❚❚").otherwise("▶"));
        play.setMinWidth(48);
        Button forward = button("→", i18n, "steps.next", stepper::next);
        forward.setId("step-forward");
        Button last = button("⇥", i18n, "steps.last", stepper::last);
        for (Node n : new Node[] {first, back, play, forward, last})
            n.disableProperty().bind(stepper.countProperty().isEqualTo(0));
        Label position = new Label();
        position.setId("step-position");
        position.textProperty()
                .bind(i18n.bind(
                        () -> stepper.count() == 0
                                ? "–"
                                : i18n.tr("steps.position", stepper.step() + 1, stepper.count()),
                        stepper.stepProperty(),
                        stepper.countProperty()));
        position.setMinWidth(Label.USE_PREF_SIZE);
        HBox buttons = new HBox(6, first, back, play, forward, last, position);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        return buttons;
    }

    /** A slider over every step, following the stepper and moving it. */
    private Slider scrub() {
        Slider scrub = new Slider(0, 1, 0);
        scrub.setId("scrub");
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.maxProperty().bind(Bindings.max(0, stepper.countProperty().subtract(1)));
        scrub.setValue(stepper.step());
        stepper.stepProperty().addListener((o, a, n) -> scrub.setValue(n.intValue()));
        scrub.valueProperty().addListener((o, a, n) -> {
            int v = (int) Math.round(n.doubleValue());
            if (v != stepper.step()) stepper.stepProperty().set(v);
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMinWidth(80);
        return scrub;
    }

    private Label speedLabel(I18n i18n) {
        Label speedLabel = new Label();
        speedLabel
                .textProperty()
                .bind(i18n.bind(
                        () -> i18n.tr(
                                "steps.speed",
                                Math.round(stepper.speedProperty().get() * 10) / 10.0),
                        stepper.speedProperty()));
        speedLabel.setMinWidth(Label.USE_PREF_SIZE);
        return speedLabel;
    }

    private Slider speed() {
        Slider speed = new Slider(0.5, 10, stepper.speedProperty().get());
        speed.setId("speed");
        speed.valueProperty().bindBidirectional(stepper.speedProperty());
        speed.setPrefWidth(90);
        return speed;
    }

    /** One compact strip where the width allows, the sliders under the buttons where it does not. */
    private void oneStripWhenWide(HBox buttons, HBox sliders) {
        HBox strip = new HBox(16);
        strip.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(sliders, Priority.ALWAYS);
        widthProperty().addListener((o, a, w) -> {
            boolean one = w.doubleValue() >= buttons.prefWidth(-1) + 16 + 360;
            if (one && strip.getChildren().isEmpty()) {
                strip.getChildren().setAll(buttons, sliders);
                getChildren().setAll(strip);
            } else if (!one && !strip.getChildren().isEmpty()) {
                strip.getChildren().clear();
                getChildren().setAll(buttons, sliders);
            }
        });
        getChildren().addAll(buttons, sliders);
    }

    private void restartTimer() {
        timer.stop();
        if (!stepper.playingProperty().get()) return;
        timer.getKeyFrames()
                .setAll(new KeyFrame(
                        Duration.seconds(1 / stepper.speedProperty().get()), e -> stepper.next()));
        timer.play();
    }

    /** Stops playing; for pages being closed. */
    public void stop() {
        stepper.playingProperty().set(false);
        timer.stop();
    }

    /**
     * Keyboard control on {@code root}, except while a text field, slider or spinner has the focus. A click
     * anywhere on the page gives it the focus, so the keys work at once.
     */
    public void installKeys(Node root) {
        root.setFocusTraversable(true);
        root.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> root.requestFocus());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
            if (focus instanceof TextInputControl || focus instanceof Slider || focus instanceof Spinner) return;
            switch (e.getCode()) {
                case SPACE -> stepper.togglePlay();
                case RIGHT -> stepper.next();
                case LEFT -> stepper.previous();
                case HOME -> stepper.first();
                case END -> stepper.last();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static Button button(String glyph, I18n i18n, String tip, Runnable action) {
        Button b = new Button(glyph);
        b.getStyleClass().add("step-button");
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(tip));
        b.setTooltip(t);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false); // space must reach the page, not press the last clicked button
        return b;
    }
}
