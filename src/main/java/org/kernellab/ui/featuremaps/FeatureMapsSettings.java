package org.kernellab.ui.featuremaps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kernellab.data.Images;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Lifetime;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.downloads.DataChoice;
import org.kernellab.ui.featuremaps.FeatureMapsViewModel.Stage;
import org.kernellab.ui.widgets.Controls;
import org.kernellab.ui.widgets.Grids;
import org.kernellab.ui.widgets.ImageFiles;
import org.kernellab.ui.widgets.ModelFiles;
import org.kernellab.ui.widgets.NetSource;
import org.kernellab.ui.widgets.Segments;

/** The feature maps' settings column: the net looked into, the pictures, the stage of the blocks, the first filters. */
final class FeatureMapsSettings {
    private final FeatureMapsViewModel vm;
    private final AppContext ctx;
    private final I18n i18n;
    private final Lifetime life;
    /** The page's root: the file dialogs' owner. */
    private final Node owner;
    /** Opens a net file the student picked. */
    private final Consumer<Path> openNet;

    FeatureMapsSettings(FeatureMapsViewModel vm, AppContext ctx, Lifetime life, Node owner, Consumer<Path> openNet) {
        this.vm = vm;
        this.openNet = openNet;
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.life = life;
        this.owner = owner;
    }

    /** The column, with the first layer's filters at its foot. */
    Region build(Node firstFilters) {
        VBox box = new VBox(8);
        box.getChildren().addAll(network());
        box.getChildren().addAll(pictures());
        box.getChildren().add(DataChoice.of(ctx, life, true));
        box.getChildren().addAll(stages());
        box.getChildren().addAll(Controls.label(i18n, "maps.firstFilters"), firstFilters);
        return Controls.column(box, 250);
    }

    /** Which net the maps come from, the pretrained one or one from a file (opened through {@code openNet}). */
    private Node[] network() {
        Node[] nodes = NetSource.of(
                ctx.workbench(),
                i18n,
                life,
                owner,
                "maps",
                net -> FeatureMaps.convBlocks(net) == 0
                        ? i18n.tr("maps.notCnn")
                        : i18n.tr("maps.netShape", FeatureMaps.filters(net, 0), FeatureMaps.convBlocks(net)));
        // the file's path is the scene's: the net is opened here rather than by the widget
        ((Button) nodes[2])
                .setOnAction(e -> ModelFiles.open(owner.getScene().getWindow()).ifPresent(openNet));
        // while the lab's net for other pictures is shown, its box names it instead of the Fashion-MNIST net
        Grids.hideWhile(vm.otherPicturesProperty(), nodes[0]);
        nodes[3].disableProperty().bind(vm.otherPicturesProperty()); // how the hidden net reads a file's pictures
        return new Node[] {nodes[0], otherPictures(), nodes[1], nodes[2], nodes[3]};
    }

    /** A test image or a picture of the student's own, and a second image to compare with. */
    private Node[] pictures() {
        Spinner<Integer> index = spinner("maps-index", vm.indexProperty());
        Spinner<Integer> other = spinner("maps-other", vm.otherIndexProperty());
        other.disableProperty().bind(vm.compareProperty().not());
        Label pictureProblem = new Label();
        pictureProblem.setId("maps-picture-problem");
        pictureProblem.setWrapText(true);
        pictureProblem.getStyleClass().add("problem");
        Grids.hideWhenEmpty(pictureProblem);
        Button open = new Button();
        open.setId("maps-open");
        open.textProperty().bind(i18n.bind("maps.open"));
        open.setOnAction(e -> openPicture(pictureProblem));
        CheckBox compare = new CheckBox();
        compare.setId("maps-compare");
        compare.setWrapText(true);
        compare.textProperty().bind(i18n.bind("maps.compare"));
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        return new Node[] {Controls.label(i18n, "maps.image"), index, open, pictureProblem, compare, other};
    }

    /** The training lab's net for its other pictures instead of Fashion-MNIST's, once the lab has sent one. */
    private CheckBox otherPictures() {
        CheckBox box = new CheckBox();
        box.setId("maps-other-pictures");
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(vm.otherPicturesProperty());
        Consumer<Workbench.OtherPictures> show = o -> {
            box.textProperty().unbind();
            if (o != null)
                box.textProperty()
                        .bind(i18n.bind("maps.otherPictures", o.source().detail()));
            box.setVisible(o != null);
            box.setManaged(o != null);
        };
        show.accept(ctx.workbench().otherPicturesProperty().get());
        life.onChange(ctx.workbench().otherPicturesProperty(), show);
        return box;
    }

    /** The student's picture, in grey; a file that is no image is named in {@code problem}. */
    private void openPicture(Label problem) {
        ImageFiles.choose(owner.getScene().getWindow())
                .ifPresent(path -> ImageFiles.read(path)
                        .ifPresentOrElse(
                                px -> {
                                    problem.setText("");
                                    vm.usePicture(
                                            Images.grey(px.argb(), px.width(), px.height()),
                                            path.getFileName().toString(),
                                            path.toAbsolutePath().toString());
                                },
                                () -> problem.setText("✗ " + i18n.tr("animator.badImage", path.getFileName()))));
    }

    /** After the convolution, after ReLU or after pooling. */
    private Node[] stages() {
        Map<Stage, String[]> stages = new LinkedHashMap<>();
        stages.put(Stage.CONV, new String[] {"maps-conv", "maps.stageConv"});
        stages.put(Stage.RELU, new String[] {"maps-relu", "maps.stageRelu"});
        stages.put(Stage.POOL, new String[] {"maps-pool", "maps.stagePool"});
        Label shoes = new Label();
        shoes.textProperty().bind(i18n.bind("maps.shoesNote"));
        shoes.setWrapText(true);
        shoes.getStyleClass().add("hint");
        Grids.hideWhile(vm.otherPicturesProperty(), shoes); // about Fashion-MNIST's test images
        return new Node[] {Controls.label(i18n, "maps.stage"), Segments.of(vm.stageProperty(), stages, i18n), shoes};
    }

    /** A test image's number, up to the last of the test set once it is loaded. */
    private Spinner<Integer> spinner(String id, ObjectProperty<Integer> value) {
        Spinner<Integer> s = new Spinner<>(0, 9999, value.get());
        s.setId(id);
        s.setEditable(true);
        s.getValueFactory().valueProperty().bindBidirectional(value);
        // the larger test set's: a picture number past the shown set's end shows its last picture
        Runnable limit = () -> {
            if (vm.testLimit() > 0)
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory()).setMax(vm.testLimit() - 1);
        };
        limit.run();
        life.onChange(vm.leftProperty(), side -> limit.run());
        return s;
    }
}
