package org.kernellab.ui.widgets;

import java.util.Collections;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * A 3D view that fills its pane: drag to turn the object, the wheel to come closer. Several viewports share the angles
 * and the distance they are given, so the mesh, its points and its voxels turn together.
 */
public final class Viewport3D extends Pane {
    private final Group content = new Group();
    private final SubScene scene;
    private double pressX, pressY;

    public Viewport3D(DoubleProperty yaw, DoubleProperty pitch, DoubleProperty distance) {
        Rotate turn = new Rotate(0, Rotate.Y_AXIS), tilt = new Rotate(0, Rotate.X_AXIS);
        turn.angleProperty().bind(yaw);
        tilt.angleProperty().bind(pitch);
        content.getTransforms().addAll(tilt, turn);
        PointLight light = new PointLight(Color.gray(0.75));
        light.getTransforms().add(new Translate(-300, -400, -500));
        Group world = new Group(content, light, new AmbientLight(Color.gray(0.45)));
        PerspectiveCamera camera = new PerspectiveCamera(true);
        // the angle spans the narrower side, so a tall, narrow view still shows the whole object
        camera.setFieldOfView(40);
        camera.verticalFieldOfViewProperty().bind(heightProperty().lessThan(widthProperty()));
        camera.setNearClip(1);
        camera.setFarClip(5000);
        camera.translateZProperty().bind(distance.negate());
        scene = new SubScene(world, 100, 100, true, SceneAntialiasing.BALANCED);
        scene.setCamera(camera);
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        getChildren().add(scene);
        setMinSize(120, 120);
        scene.setOnMousePressed(e -> {
            pressX = e.getSceneX();
            pressY = e.getSceneY();
        });
        scene.setOnMouseDragged(e -> {
            yaw.set(yaw.get() + (e.getSceneX() - pressX) * 0.5);
            pitch.set(Math.max(-89, Math.min(89, pitch.get() - (e.getSceneY() - pressY) * 0.5)));
            pressX = e.getSceneX();
            pressY = e.getSceneY();
        });
        scene.setOnScroll(e -> distance.set(Math.max(150, Math.min(2000, distance.get() - e.getDeltaY()))));
    }

    public void show(Node... nodes) {
        content.getChildren().setAll(nodes);
    }

    /** What the view shows now. */
    public List<Node> shown() {
        return Collections.unmodifiableList(content.getChildren());
    }

    public void background(Color c) {
        scene.setFill(c);
    }
}
