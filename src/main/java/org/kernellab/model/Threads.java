package org.kernellab.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** How many cores ND4J's ops use: OpenMP keeps the setting per thread, so each is set on the thread that computes. */
public final class Threads {
    private Threads() {}

    /**
     * ND4J's ops on the calling thread (oneDNN's convolutions among them) use {@code n} threads. On 2 cores one thread
     * trains these small nets about as fast as two and leaves the other core to the window.
     */
    public static void here(int n) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }

    /** Runs {@code work} with the calling thread's ops on one core, then puts its setting back: for work on several threads at once. */
    static void onOneCore(Runnable work) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            work.run();
        } finally {
            ops.setOmpNumThreads(before);
        }
    }
}
