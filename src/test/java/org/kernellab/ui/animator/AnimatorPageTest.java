package org.kernellab.ui.animator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.event.ActionEvent;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The convolution animator as a student drives it. */
@ExtendWith(ApplicationExtension.class)
class AnimatorPageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void slide(FxRobot robot, String id, int value) {
        Slider s = robot.lookup("#" + id).queryAs(Slider.class);
        robot.interact(() -> s.setValue(value));
    }

    /** The slides' formula, written out here rather than asked of the code under test: ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1. */
    static int outputSize(int n, int p, int k, int s, int d) {
        return Math.floorDiv(n + 2 * p - d * (k - 1) - 1, s) + 1;
    }

    @Test
    void everySliderChangesTheSizeTextAndTheGrid(FxRobot robot) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        AnimatorViewModel vm = page.viewModel();
        MatrixView out = page.outputView();
        int[][] settings = {
            {9, 1, 3, 1, 1}, {9, 0, 3, 2, 1}, {12, 2, 5, 3, 1}, {20, 5, 7, 1, 1}, {10, 0, 3, 1, 3}, {1, 0, 1, 1, 1}
        };
        for (int[] s : settings) {
            slide(robot, "input", s[0]);
            slide(robot, "padding", s[1]);
            slide(robot, "kernel", s[2]);
            slide(robot, "stride", s[3]);
            slide(robot, "dilation", s[4]);
            int expected = outputSize(s[0], s[1], s[2], s[3], s[4]);
            assertEquals(expected, out.rows(), () -> Arrays.toString(s));
            assertEquals(expected, out.cols());
            assertEquals(s[0] + 2 * s[1], page.inputView().rows(), "the padded input is drawn");
            assertTrue(text(robot, "#animator-formula").endsWith("= " + expected), text(robot, "#animator-formula"));
        }
        // separate height and width: the width sliders appear and act on their own
        robot.clickOn("#separate");
        slide(robot, "input-w", 7);
        slide(robot, "kernel-w", 2);
        slide(robot, "stride-w", 2);
        slide(robot, "padding-w", 0);
        slide(robot, "dilation-w", 1);
        assertEquals(outputSize(7, 0, 2, 2, 1), out.cols());
        assertEquals(1, out.rows());
        assertTrue(text(robot, "#animator-formula").startsWith("Output height"));
        assertEquals(vm.result().pytorch(), "nn.Conv2d(1, 1, kernel_size=(1, 2), stride=(1, 2), bias=False)");
    }

    @Test
    void steppingThroughTheWholeAnimationShowsNd4jsSums(FxRobot robot) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        AnimatorViewModel vm = page.viewModel();
        slide(robot, "input", 5);
        slide(robot, "kernel", 3);
        slide(robot, "stride", 2);
        robot.clickOn("#animator-input"); // the page takes the keyboard
        Tensor in = vm.inputProperty().get(), k = vm.kernelProperty().get();
        Tensor nd = NdOps.conv(in.reshape(1, 1, 5, 5), k.reshape(1, 1, 3, 3), null, Window.square(3, 2, 1));
        robot.type(KeyCode.HOME);
        int steps = vm.stepper().count();
        assertEquals(9, steps);
        for (int i = 0; i < steps; i++) {
            ConvTrace.Step s = vm.result().trace().steps().get(vm.stepper().step());
            String products = text(robot, "#animator-products");
            String shownSum = products.substring(products.lastIndexOf("= ") + 2);
            assertEquals(Numbers.ENGLISH.format(nd.get(0, 0, s.outRow(), s.outCol())), shownSum, "step " + i);
            assertEquals(shownSum, page.outputView().text(s.outRow(), s.outCol()), "the output cell shows the sum");
            assertTrue(text(robot, "#animator-step").startsWith("Step " + (i + 1) + " of 9"));
            robot.type(KeyCode.RIGHT);
        }
        robot.type(KeyCode.HOME);
        assertEquals("", page.outputView().text(2, 2), "cells the kernel has not reached yet are blank");
        robot.type(KeyCode.END);
        assertEquals(8, vm.stepper().step());
        robot.type(KeyCode.SPACE);
        assertTrue(vm.stepper().playingProperty().get(), "space plays (from the start when at the end)");
        robot.type(KeyCode.SPACE);
        assertFalse(vm.stepper().playingProperty().get());
    }

    @Test
    void impossibleSettingsExplainThemselvesAndNothingBreaks(FxRobot robot) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        slide(robot, "input", 3);
        slide(robot, "padding", 0);
        slide(robot, "kernel", 7);
        assertTrue(
                text(robot, "#animator-message").contains("kernel 7 spans 7 cells but the padded input has 3"),
                text(robot, "#animator-message"));
        assertEquals(0, page.outputView().rows());
        assertTrue(
                text(robot, "#animator-formula").contains("= −3"),
                "the formula with its numbers: " + text(robot, "#animator-formula"));
        slide(robot, "dilation", 2);
        assertTrue(text(robot, "#animator-message").contains("with dilation 2 spans 13 cells"));
        assertFalse(robot.lookup("#kernel").queryAs(Slider.class).isDisabled(), "the controls stay usable");
        slide(robot, "dilation", 1);
        slide(robot, "padding", 2);
        assertEquals(1, page.outputView().rows(), "and the view recovers");
        // a stride that does not divide evenly says which rows and columns are never covered
        slide(robot, "padding", 0);
        slide(robot, "input", 6);
        slide(robot, "kernel", 3);
        slide(robot, "stride", 2);
        assertTrue(text(robot, "#animator-message").contains("rows 5 and columns 5"), text(robot, "#animator-message"));
    }

    @Test
    void transposedModeScattersTheKernel(FxRobot robot) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        slide(robot, "input", 3);
        slide(robot, "padding", 0);
        slide(robot, "kernel", 2);
        slide(robot, "stride", 2);
        robot.clickOn("#mode-transposed");
        AnimatorViewModel vm = page.viewModel();
        assertEquals(9, vm.stepper().count());
        assertTrue(text(robot, "#animator-step").contains("scatters the kernel"));
        robot.clickOn("#animator-input");
        robot.type(KeyCode.END);
        Tensor nd = NdOps.convTranspose(
                vm.inputProperty().get().reshape(1, 1, 3, 3),
                vm.kernelProperty().get().reshape(1, 1, 2, 2),
                null,
                Window.square(2, 2, 0));
        assertEquals(6, page.outputView().rows());
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
                assertEquals(
                        Numbers.ENGLISH.format(nd.get(0, 0, i, j)),
                        page.outputView().text(i, j));
        assertTrue(
                robot.lookup("#animator-python").queryAs(Label.class).getText().contains("nn.ConvTranspose2d"));
    }

    @Test
    void editingACellByDoubleClick(FxRobot robot) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        MatrixView in = page.inputView();
        var b = in.localToScreen(in.getLayoutBounds());
        int cols = in.cols();
        double cell = (b.getWidth() - 1) / cols;
        double x0 = b.getMinX() + (b.getWidth() - cols * cell) / 2;
        // the padded input's cell (1,1) is the input's (0,0)
        robot.doubleClickOn(x0 + 1.5 * cell, b.getMinY() + 1.5 * cell);
        assertTrue(in.editor() != null, "a field opens over the cell");
        robot.interact(() -> in.editor().setText("oops"));
        robot.interact(() -> in.editor().fireEvent(new ActionEvent()));
        assertTrue(
                in.editor() != null && in.editor().getStyleClass().contains("invalid"),
                "not a number: the field stays open");
        robot.interact(() -> in.editor().setText("-7"));
        robot.interact(() -> in.editor().fireEvent(new ActionEvent()));
        assertEquals(-7, page.viewModel().inputProperty().get().get(0, 0));
        assertEquals("−7", in.text(1, 1));
    }

    @Test
    void opensAPictureAsGreyValuesAndSaysWhenAFileIsNoImage(FxRobot robot, @TempDir Path dir) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) for (int y = 0; y < 20; y++) img.setRGB(x, y, x < 20 ? 0x000000 : 0xFFFFFF);
        Path png = dir.resolve("edge.png"), txt = dir.resolve("notes.png");
        ImageIO.write(img, "png", png.toFile());
        robot.interact(() -> page.loadImage(png));
        AnimatorViewModel vm = page.viewModel();
        assertEquals(AnimatorViewModel.Source.IMAGE, vm.sourceProperty().get());
        Tensor in = vm.inputProperty().get();
        assertEquals(0.0, in.get(0, 0), 1e-9, "the centred square crop: dark on the left");
        assertEquals(1.0, in.get(0, in.dim(1) - 1), 1e-9, "and white on the right");
        Files.writeString(txt, "not a picture");
        robot.interact(() -> page.loadImage(txt));
        assertTrue(
                text(robot, "#animator-message").contains("notes.png is not an image"),
                text(robot, "#animator-message"));
        assertEquals(in, vm.inputProperty().get(), "the input the student had is kept");
    }

    @Test
    void exportsAFrameAndAnAnimatedGif(FxRobot robot, @TempDir Path dir) throws Exception {
        AnimatorPage page = harness.open(robot, "convolution-animator", AnimatorPage.class);
        slide(robot, "input", 3);
        slide(robot, "padding", 0);
        Path png = dir.resolve("frame.png"), gif = dir.resolve("conv.gif");
        robot.interact(() -> page.exportPng(png));
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
        int steps = page.viewModel().stepper().count();
        assertEquals(4, steps);
        robot.interact(() -> page.exportGif(gif));
        AppHarness.waitFor(() -> Files.exists(gif));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(steps, reader.getNumImages(true), "one frame per step");
        }
        assertEquals(0, page.viewModel().stepper().step(), "the student's step is back");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no partial files left behind");
        }
    }
}
