package org.kernellab.ui.draw;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.widgets.ClassBars;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.HeatMap;

/**
 * The drawing canvas with the net's answer and first maps beside it, and the picture a filter or class wants. A stroke
 * costs the FX thread the brush's dab and one redraw of 784 squares; the net runs in the background.
 */
final class DrawStage {
    private static final int SIDE = DrawViewModel.SIDE;

    private final DrawViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final VBox box = new VBox(14);
    private final Canvas canvas = new Canvas();
    private final VBox answer = new VBox(6), maps = new VBox(6), wanted = new VBox(6);
    private final FlowPane grid = new FlowPane(4, 4);
    private final List<HeatMap> tiles = new ArrayList<>();
    private final Label says = new Label(), mapsTitle;
    private final ClassBars bars;

    DrawStage(DrawViewModel vm, AppContext ctx, Lifetime life) {
        this.vm = vm;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        box.setPadding(new Insets(12));
        bars = new ClassBars(i18n);
        mapsTitle = Grids.title(i18n.bind("draw.maps", 0));
        says.setId("draw-says");
        says.getStyleClass().add("emphasis");
        says.setWrapText(true);
        says.setMaxWidth(320);
        answer.getChildren().addAll(says, bars);
        grid.setId("draw-maps");
        canvas.setId("draw-canvas");
        canvas.setOnMousePressed(this::stroke);
        canvas.setOnMouseDragged(this::stroke);
        Label problem = Controls.problem("draw-problem", i18n, vm.problemProperty());
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("draw.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        FlowPane top = new FlowPane(18, 12, new VBox(6, Grids.title(i18n.bind("draw.canvas")), canvas), answer);
        box.getChildren().addAll(problem, hint, top, maps, wanted);
        life.onChange(vm.drawingProperty(), d -> drawCanvas());
        life.onChange(vm.seenProperty(), s -> redrawSeen());
        life.onChange(vm.wantedProperty(), w -> redrawWanted());
        life.onChange(i18n.localeProperty(), l -> {
            redrawSeen();
            redrawWanted();
        });
        life.onChange(ctx.presentation(), p -> {
            drawCanvas();
            redrawSeen();
            redrawWanted();
        });
        drawCanvas();
        redrawSeen();
    }

    Node view() {
        return box;
    }

    private double cell() {
        return ctx.presentation().get() ? 16 : 11;
    }

    private void stroke(MouseEvent e) {
        vm.paint(e.getX() / cell(), e.getY() / cell());
    }

    private void drawCanvas() {
        double c = cell();
        canvas.setWidth(SIDE * c);
        canvas.setHeight(SIDE * c);
        GraphicsContext g = canvas.getGraphicsContext2D();
        float[] v = vm.drawingProperty().get();
        WritableImage picture = new WritableImage(SIDE, SIDE); // one image drawn enlarged, not 784 squares
        PixelWriter px = picture.getPixelWriter();
        for (int k = 0; k < v.length; k++) px.setColor(k % SIDE, k / SIDE, Color.gray(Math.max(0, Math.min(1, v[k]))));
        g.setImageSmoothing(false);
        g.drawImage(picture, 0, 0, SIDE * c, SIDE * c);
    }

    /** The net's answer and maps, the nodes that show them updated in place (this runs after each stroke). */
    private void redrawSeen() {
        DrawViewModel.Seen s = vm.seenProperty().get();
        answer.setVisible(s != null);
        if (s == null) {
            maps.getChildren().clear();
            return;
        }
        float[] p = s.probabilities();
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        says.setText(i18n.tr(
                "draw.says", i18n.tr("data.class." + best), i18n.numbers().percent(p[best])));
        bars.set(p, p.length);
        if (s.maps() == null) {
            maps.getChildren().setAll(Controls.label(i18n, "draw.noMaps"));
            return;
        }
        int channels = s.shape()[0], h = s.shape()[1], w = s.shape()[2];
        double range = 0;
        for (float v : s.maps()) range = Math.max(range, Math.abs(v));
        double cell = ctx.presentation().get() ? 4 : 2.5; // while presenting the maps fill the projector's width
        if (tiles.size() != channels || tiles.get(0).values().length != h) { // the same maps are redrawn, not rebuilt
            tiles.clear();
            for (int ch = 0; ch < channels; ch++) {
                HeatMap tile = new HeatMap(cell);
                tile.paletteProperty().bind(ctx.palette());
                tiles.add(tile);
            }
            grid.getChildren().setAll(tiles);
            mapsTitle.textProperty().bind(i18n.bind("draw.maps", channels)); // once per net, not once per stroke
        }
        for (int ch = 0; ch < channels; ch++) {
            double[][] m = new double[h][w];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[y][x] = s.maps()[(ch * h + y) * w + x];
            tiles.get(ch).setCell(cell);
            tiles.get(ch).setValues(m, HeatMap.Scale.SIGNED, range);
        }
        if (maps.getChildren().size() != 2 || maps.getChildren().get(1) != grid)
            maps.getChildren().setAll(mapsTitle, grid);
    }

    private void redrawWanted() {
        wanted.getChildren().clear();
        DrawViewModel.Wanted want = vm.wantedProperty().get();
        if (want == null) return;
        float[] v = want.picture();
        double[][] m = new double[SIDE][SIDE], crop = new double[want.side()][want.side()];
        for (int k = 0; k < v.length; k++) m[k / SIDE][k % SIDE] = v[k];
        for (int y = 0; y < want.side(); y++)
            for (int x = 0; x < want.side(); x++) crop[y][x] = m[want.top() + y][want.left() + x];
        double cell = ctx.presentation().get() ? 9 : 7;
        HeatMap picture = new HeatMap(cell);
        picture.setId("draw-wanted");
        picture.setValues(m, HeatMap.Scale.GREY, 1);
        HeatMap zoom = new HeatMap(Math.min(48, SIDE * cell / want.side()));
        zoom.setId("draw-wanted-zoom");
        zoom.setValues(crop, HeatMap.Scale.GREY, 1);
        Label zoomTitle = new Label(i18n.tr("draw.wantedZoom", want.side()));
        zoomTitle.getStyleClass().add("small");
        Button edit = Controls.button("draw-edit-wanted", i18n, "draw.editWanted", vm::startFromWanted);
        edit.setMaxWidth(Region.USE_PREF_SIZE);
        Label about = new Label(i18n.tr("draw.wantedAbout"));
        about.setWrapText(true);
        about.getStyleClass().add("hint");
        FlowPane pictures = new FlowPane(18, 12, picture);
        if (want.side() < SIDE) pictures.getChildren().add(new VBox(4, zoomTitle, zoom));
        wanted.getChildren().addAll(Grids.title(i18n.bind("draw.wantedTitle")), about, pictures, edit);
    }
}
