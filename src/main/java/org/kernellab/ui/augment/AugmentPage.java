package org.kernellab.ui.augment;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.compute.Augment;
import org.kernellab.data.Images;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.augment.AugmentViewModel.Source;
import org.kernellab.ui.augment.AugmentViewModel.Transform;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.ImageFiles;
import org.kernellab.ui.widgets.Pages;
import org.kernellab.ui.widgets.PictureView;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.Workspace;

/**
 * The course's data augmentation, a gallery: each transform drawn a few times on one picture (a Fashion-MNIST image, the
 * built-in colour photo or the student's own), what was drawn written under each tile; "Draw again" re-rolls them all.
 * Scene fields: {@code file} (a picture of the student's own, for the built-in photo), {@code source} (picture or
 * fashion), {@code image} (a Fashion-MNIST test image's number, 0–9,999), {@code roll} (0 for the first draws, one more
 * each time they are drawn again) and {@code page} (the transform shown while presenting: 0 flip, 1 rotation, 2 crop, 3
 * colour jitter, 4 all).
 */
public final class AugmentPage implements Page {
    static final String PHOTO = "/assets/pictures/coffee.jpg";
    private static final int MAX_SIDE = 240, MAX_IMAGE = 9_999, MAX_ROLL = 1_000_000;
    private final AugmentViewModel vm;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final VBox rows = new VBox(14);
    private final Label problem = new Label();
    /** A tile's width: five to a row where the stage allows, between 80 and 200 pixels. */
    private double tileWidth = 120;
    /** While presenting, one transform's row a page, its tiles as large as the stage allows. */
    private final IntegerProperty page = new SimpleIntegerProperty(0);

    private final Pages pages;
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private ScrollPane scroll;
    private final SceneFields scene;
    /** The student's picture in use, null for the built-in photo. */
    private Path file;

    public AugmentPage(LessonParams params, AppContext ctx) {
        i18n = ctx.i18n();
        vm = new AugmentViewModel(ctx.workbench());
        ctx.workbench().withData(d -> {});
        URL photo = AugmentPage.class.getResource(PHOTO);
        if (photo != null) ImageFiles.read(photo.toExternalForm()).ifPresent(this::usePicture);
        scene = new SceneFields(params)
                .custom("file", () -> file == null ? null : file.toString(), v -> openPicture(SceneFields.file(v)))
                .choice("source", vm.sourceProperty(), Source.class)
                .integer("image", vm.indexProperty(), 0, MAX_IMAGE)
                .integer("roll", vm.rollProperty(), 0, MAX_ROLL)
                .integer("page", page, 0, Transform.values().length - 1);
        scene.finish();
        presenting.bind(ctx.presentation());
        pages = new Pages(
                "augment-pages",
                i18n.bind("augment.pages"),
                page,
                new SimpleIntegerProperty(Transform.values().length),
                p -> i18n.bind("augment.page." + Transform.values()[p].name().toLowerCase(Locale.ROOT)),
                page::set,
                presenting);
        pages.installKeys(root);
        root.setCenter(new Workspace(Controls.column(settings(), 230), gallery(), 520, i18n, ctx.presentation()));
        page.addListener((o, a, b) -> show());
        presenting.addListener((o, a, b) -> show());
        life.onChange(vm.galleryProperty(), g -> show());
        life.onChange(i18n.localeProperty(), l -> show());
        show();
    }

    /** The picture's source, the test image's number, a picture of the student's own and a new roll of the dice. */
    private VBox settings() {
        Map<Source, String[]> sources = new LinkedHashMap<>();
        sources.put(Source.PICTURE, new String[] {"augment-picture", "augment.picture"});
        sources.put(Source.FASHION, new String[] {"augment-fashion", "augment.fashion"});
        Spinner<Integer> image = new Spinner<>(0, MAX_IMAGE, vm.indexProperty().get());
        image.setId("augment-image");
        image.setEditable(true);
        image.setPrefWidth(110);
        image.valueProperty().addListener((o, a, n) -> vm.indexProperty().set(n));
        image.disableProperty().bind(vm.sourceProperty().isNotEqualTo(Source.FASHION));
        problem.setId("augment-problem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll("problem", "accent");
        Grids.hideWhenEmpty(problem);
        Label title = Controls.label(i18n, "augment.source");
        title.getStyleClass().add("settings-title");
        return new VBox(
                10,
                title,
                Segments.column(vm.sourceProperty(), sources, i18n),
                image,
                Controls.button("augment-open", i18n, "augment.open", this::openPicture),
                problem,
                Controls.button("augment-reroll", i18n, "augment.reroll", vm::reroll));
    }

    /** The rows of tiles, their width following the stage's. */
    private ScrollPane gallery() {
        rows.setId("augment-rows");
        rows.setPadding(new Insets(12));
        scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            double w = Math.max(80, Math.min(200, Math.floor((b.getWidth() - 24 - 4 * 10) / 5 - 2)));
            if (Math.abs(w - tileWidth) >= 4 || presenting.get()) {
                tileWidth = w;
                show();
            }
        });
        pages.setPadding(new Insets(8, 12, 0, 12));
        return scroll;
    }

    /** The student's own picture; a file that is no image is named instead. */
    private void openPicture() {
        ImageFiles.choose(root.getScene().getWindow()).ifPresent(f -> {
            try {
                openPicture(f);
                problem.setText("");
            } catch (IllegalArgumentException e) {
                problem.setText(i18n.tr("augment.unreadable", f.getFileName()));
            }
        });
    }

    /** Uses the picture in file {@code f}; IllegalArgumentException when it is no picture. */
    private void openPicture(Path f) {
        ImageFiles.Pixels p =
                ImageFiles.read(f).orElseThrow(() -> new IllegalArgumentException("there is no picture in " + f));
        usePicture(p);
        file = f;
    }

    private void usePicture(ImageFiles.Pixels p) {
        vm.usePicture(Images.rgb(p.argb(), p.width(), p.height(), MAX_SIDE));
    }

    AugmentViewModel viewModel() {
        return vm;
    }

    private void show() {
        rows.getChildren().clear();
        AugmentViewModel.Gallery g = vm.gallery();
        if (g == null) {
            rows.getChildren().add(Controls.label(i18n, "augment.waiting"));
            return;
        }
        boolean photo = g.original().dim(0) == 3;
        if (presenting.get()) rows.getChildren().add(pages);
        for (Transform t : Transform.values()) {
            if (presenting.get() && t != Transform.values()[page.get()]) continue;
            int lines = 1;
            for (AugmentViewModel.Tile tile : g.row(t))
                lines = Math.max(lines, caption(t, tile.drawn()).split("\n").length);
            double width = presenting.get() ? presentedWidth(g, lines) : tileWidth;
            Label title = Grids.title(i18n.bind("augment.row." + t.name().toLowerCase(Locale.ROOT)));
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            FlowPane tiles = new FlowPane(10, 10);
            tiles.getChildren().add(tile(new PictureView(g.original(), width, photo), i18n.tr("augment.original")));
            for (AugmentViewModel.Tile tile : g.row(t)) {
                tiles.getChildren().add(tile(new PictureView(tile.image(), width, photo), caption(t, tile.drawn())));
            }
            rows.getChildren().add(new VBox(6, title, tiles));
        }
    }

    /**
     * A tile's width while presenting: the row's tiles in one line or two, whichever lets them grow larger in the stage's
     * width and height, under captions of up to {@code lines} lines.
     */
    private double presentedWidth(AugmentViewModel.Gallery g, int lines) {
        int tiles = 1 + AugmentViewModel.DRAWS;
        double font = problem.getFont().getSize(), caption = (lines + 1) * 1.25 * font + 6;
        double width = scroll.getViewportBounds().getWidth() - 28,
                height = scroll.getViewportBounds().getHeight() - 24 - 2 * 14 - pages.prefHeight(-1) - 2.6 * font;
        double aspect = g.original().dim(2) / (double) g.original().dim(1), best = 80;
        for (int down = 1; down <= 2; down++) {
            int across = (tiles + down - 1) / down;
            double w = (width - 10 * (across - 1)) / across, h = (height - 10 * (down - 1)) / down - caption;
            best = Math.max(best, Math.min(w, h * aspect));
        }
        return Math.floor(best);
    }

    private static VBox tile(PictureView picture, String caption) {
        Label l = new Label(caption);
        l.getStyleClass().add("small");
        l.setWrapText(true);
        l.setMaxWidth(Math.max(100, ((PictureView) picture).getFitWidth()));
        l.setMinHeight(Region.USE_PREF_SIZE);
        VBox v = new VBox(3, picture, l);
        v.setAlignment(Pos.TOP_CENTER);
        v.getStyleClass().add("augment-tile");
        return v;
    }

    /** What was drawn for a tile, in the student's language. */
    private String caption(Transform t, Augment.Drawn d) {
        StringBuilder sb = new StringBuilder();
        if (t == Transform.FLIP || t == Transform.ALL)
            sb.append(i18n.tr(d.flipped() ? "augment.flipped" : "augment.notFlipped"));
        if (t == Transform.ROTATION || t == Transform.ALL)
            sb.append(sb.isEmpty() ? "" : "\n").append(i18n.tr("augment.degrees", d.degrees()));
        if (d.crop() != null) {
            Augment.Box b = d.crop();
            double area = b.height()
                    * b.width()
                    / (double) (vm.gallery().original().dim(1)
                            * vm.gallery().original().dim(2));
            sb.append(sb.isEmpty() ? "" : "\n")
                    .append(i18n.tr(
                            b.centred() ? "augment.cropCentre" : "augment.crop",
                            area,
                            b.width() / (double) b.height(),
                            b.left(),
                            b.top()));
        }
        if (d.jitter() != null) {
            Augment.Jitter j = d.jitter();
            sb.append(sb.isEmpty() ? "" : "\n")
                    .append(i18n.tr("augment.jitter", j.brightness(), j.contrast(), j.saturation(), j.hue()));
        }
        return sb.toString();
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        life.end();
        vm.dispose();
    }
}
