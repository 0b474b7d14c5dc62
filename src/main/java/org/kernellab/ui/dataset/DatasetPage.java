package org.kernellab.ui.dataset;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kernellab.data.Dataset;
import org.kernellab.data.FashionMnist;
import org.kernellab.data.Pictures;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.downloads.DataChoice;
import org.kernellab.ui.downloads.SourceChoice;
import org.kernellab.ui.lab.PictureData;
import org.kernellab.ui.widgets.ColourPicture;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.HeatMap;
import org.kernellab.ui.widgets.Segments;

/**
 * Fashion-MNIST image by image: a grid with class names, filtered by class, from the set in use (and where it came
 * from). Scene fields: {@code fullSet} and {@code dataFile} (which Fashion-MNIST, see {@link FashionFields}),
 * {@code pictures} (fashion, cifar10 — once downloaded — or folder), {@code picturesFile} (the
 * folder of the student's pictures), {@code set} (train or test), {@code class} (−1 for every class, else its
 * number), {@code page} (from 0, of the pages the view shows).
 */
public final class DatasetPage implements Page {
    private final DatasetViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life = new Lifetime();
    private final BorderPane root = new BorderPane();
    private final FlowPane grid = new FlowPane(10, 10);
    private final Label pageLabel = new Label(), source = new Label();
    private ScrollPane scroll;
    /** A picture's pixel on screen: 3 px, larger while presenting. */
    private double pixel = 3;

    private final SceneFields scene;

    public DatasetPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        vm = new DatasetViewModel(ctx.workbench(), ctx.tasks(), i18n);
        ctx.workbench().withData(d -> {});
        scene = DatasetScene.declare(params, vm, ctx);
        scene.finish();

        LinkedHashMap<Boolean, String[]> sets = new LinkedHashMap<>();
        sets.put(false, new String[] {"data-train", "data.train"});
        sets.put(true, new String[] {"data-test", "data.test"});
        ComboBox<Integer> classes = new ComboBox<>();
        classes.setId("data-class");
        fillClasses(classes);
        Controls.localized(classes, i18n, c -> c < 0 ? i18n.tr("data.allClasses") : c + " · " + className(c));
        classes.valueProperty().bindBidirectional(vm.labelProperty());
        life.onChange(vm.sourceProperty(), s -> fillClasses(classes));
        Button prev = Controls.button("data-prev", i18n, "data.previous", vm::previous),
                next = Controls.button("data-next", i18n, "data.next", vm::next);
        Button folder = Controls.button("data-folder", i18n, "data.folder", () -> {
            DirectoryChooser dc = new DirectoryChooser();
            File f = dc.showDialog(root.getScene().getWindow());
            if (f != null) ctx.workbench().useFolder(f.toPath());
        });
        source.setId("data-source");
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE);
        pageLabel.setId("data-page");
        // the controls keep their width and wrap onto a second line where the view is narrow
        FlowPane bar =
                new FlowPane(10, 6, Segments.of(vm.testProperty(), sets, i18n), classes, prev, pageLabel, next, folder);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node n : bar.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        Node fashionOnly = DataChoice.of(ctx, life, false);
        fashionOnly.visibleProperty().bind(vm.sourceProperty().isEqualTo(PictureData.Source.FASHION));
        fashionOnly.managedProperty().bind(fashionOnly.visibleProperty());
        folder.visibleProperty().bind(fashionOnly.visibleProperty());
        folder.managedProperty().bind(fashionOnly.visibleProperty());
        VBox top = new VBox(6, bar, pictures(), fashionOnly, source, problemLine());
        top.setPadding(new Insets(10));
        root.setTop(top);
        grid.setId("data-grid");
        grid.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        this.scroll = scroll;

        vm.shownProperty().addListener((o, a, b) -> redraw());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> fitPage());
        life.onChange(ctx.presentation(), p -> {
            fitPage();
            redraw();
        });
        life.onChange(i18n.localeProperty(), l -> redraw());
        life.onChange(ctx.palette(), p -> redraw());
        redraw();
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    public DatasetViewModel viewModel() {
        return vm;
    }

    @Override
    public void dispose() {
        life.end();
        vm.dispose();
    }

    /**
     * While presenting, a page is as many pictures as fill the stage without scrolling, each pixel 4 px or more (more on a
     * larger screen); otherwise {@link DatasetViewModel#PAGE} pictures at 3 px a pixel, scrolling.
     */
    private void fitPage() {
        double w = scroll.getViewportBounds().getWidth() - 20,
                h = scroll.getViewportBounds().getHeight() - 20;
        if (!ctx.presentation().get() || w <= 0 || h <= 0) {
            pixel = 3;
            vm.pageSizeProperty().set(DatasetViewModel.PAGE);
            return;
        }
        double px = Math.max(4, Math.floor(h / 130)),
                caption = 2 * 1.3 * source.getFont().getSize() + 4;
        int across = (int) Math.max(1, Math.floor((w + 10) / (Math.max(92, 28 * px + 8) + 10)));
        int down = (int) Math.max(1, Math.floor((h + 10) / (28 * px + 2 + caption + 10)));
        boolean changed = px != pixel;
        pixel = px;
        if (vm.pageSizeProperty().get() != across * down) vm.pageSizeProperty().set(across * down);
        else if (changed) redraw();
    }

    private void redraw() {
        grid.getChildren().clear();
        DatasetViewModel.Page p = vm.shownProperty().get();
        FashionMnist.Loaded loaded = ctx.workbench().dataProperty().get();
        if (p == null || loaded == null) {
            source.setText(i18n.tr("data.loadingNow"));
            pageLabel.setText("");
            return;
        }
        source.setText(sourceText());
        pageLabel.setText(
                i18n.tr("data.pageOf", p.page() + 1, p.pages(), i18n.numbers().grouped(p.matching())));
        Dataset d = vm.set();
        Pictures pics = vm.pictures();
        for (int i : p.indices()) {
            Node img = pics != null ? colour(pics, i) : grey(d, i);
            int label = pics != null ? pics.labels()[i] : d.label(i);
            Label name = new Label(className(label));
            name.getStyleClass().add("small");
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            Label number = new Label("#" + i);
            number.getStyleClass().add("hint");
            VBox tile = new VBox(2, img, name, number);
            tile.getStyleClass().add("data-tile");
            tile.setPrefWidth(Math.max(92, 28 * pixel + 8));
            if (vm.testProperty().get() && pics == null) {
                tile.setOnMouseClicked(e -> ctx.navigation().open("feature-maps", Map.of("image", i)));
                Tooltip.install(tile, new Tooltip(i18n.tr("data.openMaps")));
            }
            grid.getChildren().add(tile);
        }
    }

    /** Fashion-MNIST, CIFAR-10 or the student's pictures: read in the background, a failure said below. */
    private Node pictures() {
        return SourceChoice.of(
                ctx,
                life,
                "data-pictures",
                vm.sourceProperty(),
                (kind, from) -> {
                    if (kind == PictureData.Source.FASHION) vm.useFashion();
                    else vm.use(kind, from);
                },
                p -> {});
    }

    /** Why the pictures asked for could not be read: the browser's own, else the workbench's. */
    private Label problemLine() {
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(i18n.bind(
                        () -> {
                            var p = vm.problemProperty().get() != null
                                    ? vm.problemProperty().get()
                                    : ctx.workbench().dataProblemProperty().get();
                            return p == null ? "" : i18n.tr(p);
                        },
                        ctx.workbench().dataProblemProperty(),
                        vm.problemProperty()));
        return problem;
    }

    private Node grey(Dataset d, int i) {
        HeatMap img = new HeatMap(pixel);
        img.setValues(d.image(i).toMatrix(), HeatMap.Scale.GREY, 1);
        return img;
    }

    /** A 32×32 colour picture as large as a Fashion-MNIST one: 28 of its pixels' worth. */
    private Node colour(Pictures pics, int i) {
        int off = i * pics.size();
        return ColourPicture.of(
                k -> (pics.pixels()[off + k] & 0xFF) / 255.0, pics.height(), pics.width(), pixel * 28 / pics.width());
    }

    private String className(int c) {
        String n = vm.classes().get(c);
        return switch (vm.sourceProperty().get()) {
            case FASHION -> i18n.tr("data.class." + c);
            case CIFAR10 -> i18n.tr("cifar.class." + n);
            case FOLDER -> n;
        };
    }

    private void fillClasses(ComboBox<Integer> classes) {
        List<Integer> items = new ArrayList<>();
        for (int c = -1; c < vm.classes().size(); c++) items.add(c);
        classes.getItems().setAll(items);
        classes.setValue(vm.labelProperty().get());
    }

    /** Which pictures these are, in the chosen language. */
    private String sourceText() {
        return switch (vm.sourceProperty().get()) {
            case FASHION -> ctx.workbench().dataText();
            case CIFAR10 -> i18n.tr("train.data.cifarIn", vm.folder());
            case FOLDER ->
                i18n.tr("data.folderIn", vm.folder(), vm.classes().size(), PictureData.FOLDER_SIDE)
                        + SourceChoice.skipped(i18n, vm.skipped());
        };
    }
}
