package org.kernellab.ui.voxels;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.stage.FileChooser;
import org.kernellab.lesson.LessonParams;
import org.kernellab.lesson.Progress;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.Voxels;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.core.SceneFields;
import org.kernellab.ui.core.Theme;
import org.kernellab.ui.train3d.Lab3D;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.Segments;
import org.kernellab.ui.widgets.SliderRow;
import org.kernellab.ui.widgets.Viewport3D;
import org.kernellab.ui.widgets.Workspace;

/**
 * The 3D voxel viewer: an object's mesh, the points sampled on its surface and its occupancy voxels, side by side or one
 * at a time, turning together (drag, wheel, auto-rotate), with the grid, the number of points, the fit and a slice to
 * look inside. Where the system has no 3D, the voxels are shown as 2D slices, layer by layer. Scene fields:
 * {@code real} (ModelNet10's real objects, once downloaded, for the stand-ins), {@code class} (0–9, ModelNet10's order),
 * {@code index} (which object of it, from 0), {@code file} (a mesh to open: OFF, OBJ or STL), {@code grid} (8–64),
 * {@code slice} (the layers shown, 1 to the grid), {@code points} (256–8,192), {@code fit} (stretch or keep-aspect),
 * {@code show} (all, mesh, points or voxels), {@code spin}, {@code gradcam} (true or false), and the views' camera:
 * {@code yaw} (−180 to 180 degrees; none while they spin), {@code pitch} (−89 to 89), {@code distance} (150–2,000).
 */
public final class VoxelPage implements Page {
    private final VoxelViewModel vm = new VoxelViewModel();
    private final AppContext ctx;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Lifetime life = new Lifetime();
    private final boolean has3d = Platform.isSupported(ConditionalFeature.SCENE3D);
    private final DoubleProperty yaw = new SimpleDoubleProperty(-35),
            pitch = new SimpleDoubleProperty(-20),
            distance = new SimpleDoubleProperty(430);
    private final Viewport3D meshView, pointsView, voxelView;
    private final Tiles views = new Tiles();
    private final FlowPane slices = new FlowPane(6, 6);
    private final Label figures = new Label();
    private int builds;
    private final CheckBox spin = new CheckBox();
    private final Turntable spinner = new Turntable(yaw);
    private final VoxelCam cam;
    private final SceneFields scene;

    public VoxelPage(LessonParams params, AppContext ctx) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        meshView = has3d ? new Viewport3D(yaw, pitch, distance) : null;
        pointsView = has3d ? new Viewport3D(yaw, pitch, distance) : null;
        voxelView = has3d ? new Viewport3D(yaw, pitch, distance) : null;
        cam = new VoxelCam(
                vm, ctx.shared(Lab3D.class, () -> Lab3D.of(ctx)).lab().runs(), ctx.tasks(), i18n);
        spin.selectedProperty().addListener((o, a, on) -> {
            if (on) spinner.start();
            else spinner.stop();
        });
        scene = VoxelScene.of(
                params, ctx, vm, cam, new VoxelScene.Camera(yaw, pitch, distance, spin.selectedProperty()));
        String lesson = params.string("lesson", "");
        vm.resultProperty().addListener((o, a, b) -> {
            if (!lesson.isEmpty()) ctx.progress().raise(lesson, Progress.Mark.ATTEMPTED);
        });
        cam.camProperty().addListener((o, a, b) -> redraw());
        root.setCenter(new Workspace(controls(), stage(), 480, i18n, ctx.presentation()));
        vm.resultProperty().addListener((o, a, b) -> redraw());
        vm.sliceProperty().addListener((o, a, b) -> redraw());
        vm.showProperty().addListener((o, a, b) -> layoutViews());
        life.onChange(ctx.palette(), p -> redraw());
        life.onChange(i18n.localeProperty(), l -> redraw());
        layoutViews();
        redraw();
    }

    @Override
    public SceneFields scene() {
        return scene;
    }

    public VoxelViewModel viewModel() {
        return vm;
    }

    /** Whether this page draws in 3D (false: 2D slices, on systems without 3D). */
    boolean threeD() {
        return has3d;
    }

    FlowPane slicesPane() {
        return slices;
    }

    /** Triangles of the voxels' mesh on screen in 3D (−1 before it is built): what the slice leaves. */
    int voxelFaces() {
        return voxelView.shown().stream()
                .filter(n -> n instanceof MeshView)
                .findFirst()
                .map(n -> ((TriangleMesh) ((MeshView) n).getMesh()).getFaces().size() / 6)
                .orElse(-1);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        spinner.stop();
        life.end();
        cam.dispose();
    }

    private Region controls() {
        figures.setId("vox-figures");
        figures.setWrapText(true);
        VBox box = new VBox(8);
        box.getChildren().addAll(objectChoice());
        box.getChildren().addAll(viewSettings());
        box.getChildren().addAll(CamControls.of(cam, i18n));
        box.getChildren().add(figures);
        return Controls.column(box, 290);
    }

    /** A ModelNet-like object of a class, or a mesh from a file. */
    private Node[] objectChoice() {
        ComboBox<Integer> classes = new ComboBox<>();
        classes.setId("vox-class");
        for (int c = 0; c < 10; c++) classes.getItems().add(c);
        Controls.localized(classes, i18n, c -> i18n.tr("vox.class." + ModelNetLike.CLASSES.get(c)));
        classes.valueProperty().bindBidirectional(vm.objectClassProperty());
        classes.setMaxWidth(Double.MAX_VALUE);
        Button another = Controls.button("vox-another", i18n, "vox.another", vm::another);
        Button open = Controls.button("vox-open", i18n, "vox.open", () -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("OFF, OBJ, STL", "*.off", "*.obj", "*.stl"));
            File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) vm.open(f.toPath());
        });
        Label problem = Controls.problem("vox-problem", i18n, vm.problemProperty());
        return new Node[] {Controls.label(i18n, "vox.object"), classes, RealObjects.of(ctx, vm), another, open, problem
        };
    }

    /** What to show and how: the views, spinning, the grid, the points, the fit and the slice. */
    private Node[] viewSettings() {
        Map<VoxelViewModel.Show, String[]> shows = new LinkedHashMap<>();
        shows.put(VoxelViewModel.Show.ALL, new String[] {"vox-show-all", "vox.showAll"});
        shows.put(VoxelViewModel.Show.MESH, new String[] {"vox-show-mesh", "vox.showMesh"});
        shows.put(VoxelViewModel.Show.POINTS, new String[] {"vox-show-points", "vox.showPoints"});
        shows.put(VoxelViewModel.Show.VOXELS, new String[] {"vox-show-voxels", "vox.showVoxels"});
        Map<Boolean, String[]> fits = new LinkedHashMap<>();
        fits.put(false, new String[] {"vox-fit-stretch", "vox.fitStretch"});
        fits.put(true, new String[] {"vox-fit-aspect", "vox.fitAspect"});
        ObjectProperty<Boolean> fit =
                new SimpleObjectProperty<>(vm.keepAspectProperty().get());
        fit.addListener((o, a, b) -> vm.keepAspectProperty().set(b));

        SliderRow grid =
                new SliderRow("vox-grid", i18n.bind("vox.grid"), vm.gridProperty(), Voxels.MIN_GRID, Voxels.MAX_GRID);
        SliderRow pts = new SliderRow("vox-points", i18n.bind("vox.points"), vm.pointsProperty(), 256, 8192);
        pts.slider().setMajorTickUnit(256);
        pts.slider().setBlockIncrement(256);
        SliderRow slice = new SliderRow("vox-slice", i18n.bind("vox.slice"), vm.sliceProperty(), 1, Voxels.MAX_GRID);
        slice.slider().maxProperty().bind(vm.gridProperty());
        spin.setId("vox-spin");
        spin.textProperty().bind(i18n.bind("vox.spin"));
        Label fitNote = Controls.label(i18n, "vox.fitNote");
        fitNote.getStyleClass().add("hint");
        return new Node[] {
            Controls.label(i18n, "vox.show"),
            Segments.of(vm.showProperty(), shows, i18n),
            spin,
            grid,
            pts,
            Controls.label(i18n, "vox.fit"),
            Segments.of(fit, fits, i18n),
            fitNote,
            slice
        };
    }

    private Node stage() {
        if (!has3d) {
            Label why = Controls.label(i18n, "vox.no3d");
            why.getStyleClass().add("hint");
            why.setMinHeight(Region.USE_PREF_SIZE);
            ScrollPane scroll = new ScrollPane(slices);
            scroll.setFitToWidth(true);
            VBox box = new VBox(8, why, scroll);
            box.setPadding(new Insets(10));
            return box;
        }
        views.setPadding(new Insets(6));
        return views;
    }

    private void layoutViews() {
        if (!has3d) return;
        views.getChildren().clear();
        VoxelViewModel.Show s = vm.showProperty().get();
        if (s == VoxelViewModel.Show.ALL || s == VoxelViewModel.Show.MESH)
            views.getChildren().add(titled("vox.showMesh", meshView));
        if (s == VoxelViewModel.Show.ALL || s == VoxelViewModel.Show.POINTS)
            views.getChildren().add(titled("vox.showPoints", pointsView));
        if (s == VoxelViewModel.Show.ALL || s == VoxelViewModel.Show.VOXELS)
            views.getChildren().add(titled("vox.showVoxels", voxelView));
    }

    private Node titled(String key, Viewport3D v) {
        VBox box = new VBox(4, Grids.title(i18n.bind(key)), v);
        VBox.setVgrow(v, Priority.ALWAYS);
        box.setMinWidth(0);
        v.setPrefSize(10, 10); // the boxes share the space equally
        return box;
    }

    private void redraw() {
        VoxelViewModel.Result r = vm.resultProperty().get();
        Voxels v = r.voxels();
        String name = r.file() != null
                ? r.file()
                : i18n.tr("vox.class." + ModelNetLike.CLASSES.get(r.objectClass())) + " #" + (r.index() + 1);
        figures.setText(i18n.tr(
                "vox.figures",
                name,
                i18n.numbers().grouped(r.mesh().vertexCount()),
                i18n.numbers().grouped(r.mesh().faces()),
                i18n.numbers().grouped(r.mesh().triangleCount()),
                i18n.numbers().grouped(r.points().length / 3),
                v.size(),
                i18n.numbers().grouped(v.occupied()),
                i18n.numbers().percent(v.occupied() / Math.pow(v.size(), 3))));
        Theme.Palette p = ctx.palette().getValue();
        if (has3d) {
            for (Viewport3D vp : new Viewport3D[] {meshView, pointsView, voxelView}) vp.background(p.background());
            // the meshes (tens of thousands of faces at 64³) are built off the FX thread, so the sliders stay smooth;
            // a newer request makes an older result stale
            int ticket = ++builds;
            int slice = vm.sliceProperty().get();
            VoxelCam.Cam c = cam.camProperty().get();
            float[] map = c != null && c.grid() == v.size() ? c.values() : null;
            ctx.tasks()
                    .run(
                            i18n.tr("vox.building"),
                            work -> new Node[] {
                                Scene3d.mesh(r.mesh(), p.selected()),
                                Scene3d.points(r.points(), r.mesh().bounds()),
                                Scene3d.voxels(v, slice, map)
                            },
                            nodes -> {
                                if (ticket != builds) return;
                                meshView.show(nodes[0]);
                                pointsView.show(nodes[1]);
                                voxelView.show(nodes[2]);
                            });
        } else {
            slices.getChildren().setAll(Scene3d.slices(v, vm.sliceProperty().get(), i18n, ctx.palette()));
        }
    }
}
