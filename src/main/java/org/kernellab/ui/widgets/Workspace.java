package org.kernellab.ui.widgets;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kernellab.ui.core.I18n;

/**
 * A page's settings beside its stage where the width allows; where it does not, and always in presentation mode (the
 * stage is for the back row), the settings fold into a drawer that a button opens over the stage's left edge. The
 * stage never gets less than {@code stageMin} pixels of width beside the settings, and nothing is cut to fit.
 */
public final class Workspace extends StackPane {
    /** Extra width before the settings come back beside the stage, so that a width near the limit does not flip back and forth. */
    private static final double HYSTERESIS = 12;

    private final Region settings;
    private final Node stage;
    private final double stageMin;
    private final ObservableBooleanValue presentation;
    private final ToggleButton toggle = new ToggleButton();
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper folded = new ReadOnlyBooleanWrapper(this, "folded", false);
    private final StackPane drawer = new StackPane();
    private final StackPane over = new StackPane();
    /** Held here, listened to weakly: presentation mode outlives the page. */
    private final InvalidationListener onPresentation = o -> requestLayout();

    private boolean hidden;

    public Workspace(Region settings, Node stage, double stageMin, I18n i18n, ObservableBooleanValue presentation) {
        this.settings = settings;
        this.stage = stage;
        this.stageMin = stageMin;
        this.presentation = presentation;
        getStyleClass().add("workspace");
        stage.getStyleClass().add("workspace-stage");
        toggle.setId("settings-drawer");
        toggle.getStyleClass().add("drawer-toggle");
        toggle.textProperty().bind(i18n.bind(() -> (open.get() ? "◀ " : "⚙ ") + i18n.tr("workspace.settings"), open));
        toggle.selectedProperty().bindBidirectional(open);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        drawer.getStyleClass().add("drawer");
        drawer.visibleProperty().bind(open);
        drawer.managedProperty().bind(open);
        drawer.maxWidthProperty().bind(settings.minWidthProperty().add(4));
        StackPane.setAlignment(drawer, Pos.TOP_LEFT);
        // decided when laid out, not at once: the settings' width moves while CSS is applied (moving them between the
        // side and the drawer restyles them), and re-placing them then would flip back and forth within one pulse
        widthProperty().addListener((o, a, w) -> requestLayout());
        settings.minWidthProperty().addListener((o, a, w) -> requestLayout()); // wider type (CSS, presentation)
        presentation.addListener(new WeakInvalidationListener(onPresentation));
        place(false);
    }

    /** True while the settings are folded into the drawer. */
    public ReadOnlyBooleanProperty foldedProperty() {
        return folded.getReadOnlyProperty();
    }

    /** Whether the drawer is open (while folded). */
    public BooleanProperty openProperty() {
        return open;
    }

    private void arrange() {
        double needed = Math.max(settings.minWidth(-1), settings.prefWidth(-1)) + stageMin;
        boolean fold = presentation.get() || getWidth() < needed + (folded.get() ? HYSTERESIS : 0);
        if (fold != folded.get() && getWidth() > 0) place(fold);
    }

    /**
     * What a demo script's step does to the settings: {@code locked} greys them out, {@code hidden} leaves the stage
     * alone on screen, so that a stray click does not spoil the demo.
     */
    public void restrict(boolean locked, boolean hidden) {
        settings.setDisable(locked || hidden);
        this.hidden = hidden;
        place(folded.get());
    }

    private void place(boolean fold) {
        folded.set(fold);
        open.set(false);
        drawer.getChildren().clear();
        over.getChildren().clear();
        if (hidden) {
            getChildren().setAll(new VBox(stage));
            VBox.setVgrow(stage, Priority.ALWAYS);
        } else if (fold) {
            drawer.getChildren().setAll(settings);
            over.getChildren().setAll(stage, drawer);
            HBox strip = new HBox(toggle);
            strip.getStyleClass().add("drawer-strip");
            strip.setPadding(new Insets(4, 8, 0, 8));
            BorderPane layout = new BorderPane(over);
            layout.setTop(strip);
            getChildren().setAll(layout);
        } else {
            HBox side = new HBox(settings, stage);
            HBox.setHgrow(stage, Priority.ALWAYS);
            settings.setMaxHeight(Double.MAX_VALUE);
            getChildren().setAll(new VBox(side));
            VBox.setVgrow(side, Priority.ALWAYS);
        }
    }

    @Override
    protected void layoutChildren() {
        arrange(); // before the children are laid out, so none of them is taken away during their layout
        super.layoutChildren();
    }

    /** As narrow as the stage alone: below the settings' width beside it, the settings fold away instead. */
    @Override
    protected double computeMinWidth(double height) {
        return Math.min(stageMin, super.computeMinWidth(height));
    }
}
