package org.kernellab.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.kernellab.compute.ConvTrace;
import org.kernellab.compute.NdOps;
import org.kernellab.compute.PoolMode;
import org.kernellab.compute.Reference;
import org.kernellab.compute.Tensor;
import org.kernellab.compute.Window;
import org.nd4j.linalg.factory.Nd4j;

/** {@code bench}: prints how long the compute core takes, one JSON object per line. Measures, asserts nothing. */
final class ComputeBench {
    private ComputeBench() {}

    static void run(int repeat, PrintStream out) {
        long t0 = System.nanoTime();
        Nd4j.create(1);
        line(
                out,
                "nd4j_first_array",
                Map.of(
                        "ms",
                        ms(System.nanoTime() - t0),
                        "backend",
                        Nd4j.getBackend().getClass().getSimpleName()));

        Random rnd = new Random(1);
        Tensor x = random(rnd, 1, 3, 19, 19), w = random(rnd, 7, 3, 5, 5);
        long t1 = System.nanoTime();
        NdOps.conv(x, w, null, Window.square(1, 1, 0));
        line(out, "first_conv2d", Map.of("ms", ms(System.nanoTime() - t1)));

        time(out, "conv2d 1x3x19x19 * 7x3x5x5 (ND4J)", repeat, () -> NdOps.conv(x, w, null, Window.square(1, 1, 0)));
        time(
                out,
                "conv2d 1x3x19x19 * 7x3x5x5 (reference loops)",
                repeat,
                () -> Reference.conv(x, w, null, Window.square(1, 1, 0)));
        Tensor big = random(rnd, 1, 1, 20, 20), k7 = random(rnd, 1, 1, 7, 7);
        Window largest = Window.square(7, 1, 5);
        time(out, "conv2d 20x20 k7 p5 s1 (ND4J)", repeat, () -> NdOps.conv(big, k7, null, largest));
        time(
                out,
                "step trace 20x20 k7 p5 s1",
                repeat,
                () -> ConvTrace.of(big.reshape(1, 20, 20), k7.reshape(1, 7, 7), 0, largest));
        Tensor fm = random(rnd, 1, 32, 26, 26);
        time(out, "maxpool2d 1x32x26x26 k2 (ND4J)", repeat, () -> NdOps.pool(fm, PoolMode.MAX, Window.square(2, 2, 0)));
        Tensor vox = random(rnd, 1, 1, 24, 24, 24), w3 = random(rnd, 16, 1, 3, 3, 3);
        time(
                out,
                "conv3d 1x1x24^3 * 16x1x3^3 (ND4J)",
                Math.max(1, repeat / 10),
                () -> NdOps.conv(vox, w3, null, Window.cubic(3, 3, 1, 0, 1)));
    }

    private static void time(PrintStream out, String name, int repeat, Supplier<?> op) {
        for (int i = 0; i < Math.min(20, repeat); i++) op.get(); // warm up the JIT and ND4J's caches
        double[] t = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long s = System.nanoTime();
            op.get();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Benchmarks.line(out, name, Stats.summary("", t));
    }

    private static void line(PrintStream out, String name, Map<String, Object> fields) {
        Benchmarks.line(out, name, fields);
    }

    private static Tensor random(Random rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = rnd.nextInt(19) - 9;
        return t;
    }

    private static double ms(long nanos) {
        return Stats.round(nanos / 1e6);
    }
}
