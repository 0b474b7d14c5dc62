package org.kernellab.ui.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.Window;
import org.kernellab.i18n.Numbers;
import org.kernellab.ui.AppHarness;
import org.kernellab.ui.widgets.MatrixView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ChannelsPageTest {
    private AppHarness harness;

    @Start
    void start(Stage stage) {
        harness = new AppHarness(stage);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void channelSumsAndBiasMakeEachFeatureMapCell(FxRobot robot) throws Exception {
        ChannelsPage page = harness.open(robot, "channels", ChannelsPage.class);
        ChannelsViewModel vm = page.viewModel();
        ChannelsViewModel.Result r = vm.result();
        var nd = NdOps.conv(r.input().reshape(1, 3, 5, 5), r.weights(), r.bias(), Window.square(3, 1, 0));
        assertEquals(
                2,
                robot.lookup(".matrix-view").queryAll().stream()
                        .filter(n -> n.getId() != null && n.getId().startsWith("feature-map-"))
                        .count());
        robot.interact(() -> vm.stepper().stepProperty().set(4));
        double total = 0;
        for (int c = 0; c < 3; c++) {
            total += vm.channelSum(c);
            assertEquals(
                    "Σ = " + Numbers.ENGLISH.format(vm.channelSum(c)),
                    robot.lookup("#channel-sum-" + c).queryAs(Label.class).getText());
        }
        total += r.bias().get(0);
        assertEquals(nd.get(0, 0, 1, 1), total, 1e-9, "three channel sums plus the bias are ND4J's value");
        assertTrue(robot.lookup("#channels-total")
                .queryAs(Label.class)
                .getText()
                .endsWith("= " + Numbers.ENGLISH.format(total)));
        MatrixView map1 = robot.lookup("#feature-map-1").queryAs(MatrixView.class);
        assertEquals(Numbers.ENGLISH.format(nd.get(0, 1, 2, 2)), map1.text(2, 2));

        String shapes = robot.lookup("#channels-shapes").queryAs(Label.class).getText();
        assertTrue(shapes.contains("conv.weight: torch.Size([2, 3, 3, 3])"), shapes);
        assertTrue(shapes.contains("conv(x): torch.Size([1, 2, 3, 3])"), shapes);
        Slider filters = robot.lookup("#ch-filters").queryAs(Slider.class);
        robot.interact(() -> filters.setValue(3));
        assertEquals(
                3,
                robot.lookup(".matrix-view").queryAll().stream()
                        .filter(n -> n.getId() != null && n.getId().startsWith("feature-map-"))
                        .count());
    }

    @Test
    void theCoursesChainRunsWithNd4j(FxRobot robot) throws Exception {
        harness.open(robot, "channels", ChannelsPage.class);
        Label chain = robot.lookup("#channels-chain").queryAs(Label.class);
        AppHarness.waitFor(() -> !chain.getText().isEmpty());
        String t = chain.getText();
        assertTrue(t.contains("weight torch.Size([7, 3, 5, 5])"), t);
        assertTrue(t.contains("conv1(x).shape    # torch.Size([1, 7, 15, 15])"), t);
        assertTrue(t.contains("weight torch.Size([2, 7, 3, 3])"), t);
        assertTrue(t.contains("# torch.Size([1, 2, 13, 13])"), t);
    }
}
