package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.data.FashionMnist;

/**
 * Twenty starts and cancels of a training run leave no native memory behind. Seconds of training: kept out of mutation
 * testing, whose minions would time out on it.
 */
class TrainerMemoryTest {
    static FashionMnist.Loaded data;

    @BeforeAll
    static void load() throws Exception {
        data = FashionMnist.builtIn();
    }

    @Test
    void twentyStartsAndCancelsDoNotGrowMemoryWithoutBound() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "resident memory is read from Linux /proc");
        long afterFive = 0;
        for (int i = 1; i <= 20; i++) {
            // 32 filters, batches of 256: each net holds about 100 MB of buffers, so a leak would show at once
            Trainer.train(
                    TrainerTest.course(256, 1),
                    Samples.of(data.train()),
                    Samples.of(data.test()),
                    Trainer.Feed.ALL,
                    new TrainerTest.CancelAfter(2));
            if (i == 5 || i == 20) {
                for (int k = 0; k < 3; k++) System.gc(); // ND4J frees native buffers when their arrays are collected
                if (i == 5) afterFive = residentMb();
            }
        }
        long growth = residentMb() - afterFive;
        assertTrue(growth < 400, "resident memory grew " + growth + " MB over 15 more runs");
    }

    static long residentMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        throw new IllegalStateException("no VmRSS");
    }
}
