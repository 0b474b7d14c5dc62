package org.kernellab.ui.dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernellab.ui.I18n;
import org.kernellab.ui.Workbench;
import org.kernellab.ui.task.DirectTaskRunner;

/** Dropout on the shipped CNN's last hidden layer, without a window: the mask, the scaling and the committee. */
class DropoutViewModelTest {
    Workbench bench;
    DropoutViewModel vm;

    @BeforeEach void setUp() {
        bench = new Workbench(new I18n(), new DirectTaskRunner());
        vm = new DropoutViewModel(bench);
        bench.useFolder(Path.of("assets/fashion-mnist"));
        bench.usePretrained(false);
        vm.index.set(89);
    }

    @Test void theMaskZeroesAboutPAndScalesTheRestBy1OverOneMinusP() {
        DropoutViewModel.State s = vm.state();
        assertEquals(128, s.hidden().length);
        assertEquals(6, s.label(), "test image 89 is a shirt");
        for (int i = 0; i < 128; i++) {
            assertTrue(s.mask()[i] == 0 || s.mask()[i] == 2f, "p = 0.5: 0 or 2");
            assertEquals(s.hidden()[i] * s.mask()[i], s.trained()[i], 1e-6);
        }
        int dropped = 0;
        for (int m = 0; m < 200; m++) {
            vm.newMask();
            dropped += vm.state().dropped();
        }
        assertEquals(0.5, dropped / (200.0 * 128), 0.02, "half of the values, on average");
        vm.percent.set(20);
        for (float m : vm.state().mask()) assertTrue(m == 0 || Math.abs(m - 1.25f) < 1e-6, "p = 0.2: 0 or 1.25");
        float[] probe = bench.networkProperty().get().predict(vm.state().image(), new int[] {0}, 0, 1);
        assertArrayEquals(probe, vm.state().evaluation(), 1e-5f, "evaluation: the whole net without dropout");
    }

    /** Lesson 18's figures for test image 89 (a shirt): evaluation, one mask, 1,000 masks, and 100 single masks. */
    @Test void theCommitteeOfManyMasksComesCloseToEvaluation() {
        DropoutViewModel.State first = vm.state();
        assertEquals(0.635, first.evaluation()[6], 0.0005, "shirt");
        assertEquals(0.217, first.evaluation()[2], 0.0005, "pullover");
        assertEquals(0.141, first.evaluation()[0], 0.0005, "T-shirt/top");
        vm.addMembers(1);
        double one = last(vm.state().distance());
        vm.addMembers(9);
        vm.addMembers(990);
        DropoutViewModel.State s = vm.state();
        assertEquals(1000, s.members());
        double many = last(s.distance());
        assertEquals(0.095, one, 0.0005);
        assertEquals(0.027, many, 0.0005);
        assertEquals(0.502, s.committee()[6], 0.0005, "the committee is less sure than evaluation");
        int best = 0, committee = 0;
        for (int c = 1; c < 10; c++) {
            if (s.evaluation()[c] > s.evaluation()[best]) best = c;
            if (s.committee()[c] > s.committee()[committee]) committee = c;
        }
        assertEquals(best, committee, "the committee answers what the evaluation answers");
        int other = 0;
        for (int m = 0; m < 100; m++) {
            vm.newMask();
            float[] p = vm.state().masked();
            int answer = 0;
            for (int c = 1; c < 10; c++) if (p[c] > p[answer]) answer = c;
            if (answer != 6) other++;
        }
        assertEquals(43, other, "single masks that do not answer shirt");
        vm.resetCommittee();
        assertEquals(0, vm.state().members());
        assertTrue(DropoutViewModel.logStep(30) && DropoutViewModel.logStep(400) && !DropoutViewModel.logStep(45));
    }

    static double last(List<double[]> d) { return d.get(d.size() - 1)[1]; }
}
