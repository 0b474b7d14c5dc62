package org.kernellab.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.kernellab.data.DataException;
import org.kernellab.mesh.Mesh;
import org.kernellab.mesh.ModelNetData;
import org.kernellab.mesh.ModelNetLike;
import org.kernellab.mesh.VoxelSet;

/**
 * {@code bench-modelnet}: a ModelNet10-sized folder read as the 3D lab reads one. ModelNet cannot be downloaded here, so
 * the built-in objects stand in, their triangles split until the meshes have the sizes of CAD models (about 10,000
 * triangles on average, a few hundred to a few hundred thousand, written with six decimals as ModelNet's are), in
 * ModelNet10's layout and split (3,991 training, 908 test). Prints the first reading (parse, sample, voxelise on all
 * cores) and the second (from the cache).
 */
final class ModelNetBench {
    private static final int TRAIN = 3991, TEST = 908;

    private ModelNetBench() {}

    static void run(double scale, PrintStream out) throws IOException, DataException {
        Path dir = Files.createTempDirectory("kernellab-modelnet");
        try {
            int train = (int) Math.round(TRAIN * scale), test = (int) Math.round(TEST * scale);
            long[] size = write(dir.resolve("ModelNet10"), train, test);
            ModelNetData.Settings s = new ModelNetData.Settings(10, 24, 2048, 1, false);
            Path cache = dir.resolve("cache");
            long t0 = System.nanoTime();
            VoxelSet first = ModelNetData.folder(dir.resolve("ModelNet10"), s, cache, (d, t) -> {}, () -> false);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            VoxelSet again = ModelNetData.folder(dir.resolve("ModelNet10"), s, cache, (d, t) -> {}, () -> false);
            double cachedSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", train + test);
            m.put("megabytes", size[0] / 1_000_000);
            m.put("triangles", size[1]);
            m.put("largest_mesh_triangles", size[2]);
            m.put("objects", first.trainSize() + first.testSize());
            m.put("skipped", first.skipped().size());
            m.put("first_seconds", Math.round(firstSeconds * 100) / 100.0);
            m.put("cached_seconds", Math.round(cachedSeconds * 100) / 100.0);
            m.put("same_from_cache", Arrays.equals(first.train(), again.train()));
            Benchmarks.line(out, "modelnet", m);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes the folder; returns its bytes, triangles and largest mesh's triangles. */
    private static long[] write(Path root, int train, int test) throws IOException {
        long[] size = new long[3];
        Random r = new Random(7);
        for (int k = 0; k < train + test; k++) {
            int c = k % 10;
            String part = k < train ? "train" : "test", name = ModelNetLike.CLASSES.get(c);
            Path folder = root.resolve(name).resolve(part);
            Files.createDirectories(folder);
            // sizes spread over two orders of magnitude, log-normal; splitting overshoots a target by up to 4×, so
            // a median target of 3,000 gives meshes of about 10,000 triangles on average
            int target = (int) Math.min(100_000, Math.exp(Math.log(3000) + r.nextGaussian()));
            Mesh m = refine(ModelNetLike.make(c, 3, k), target);
            Path file = folder.resolve(String.format("%s_%04d.off", name, k));
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writeOff(m, o);
            }
            size[0] += Files.size(file);
            size[1] += m.triangleCount();
            size[2] = Math.max(size[2], m.triangleCount());
        }
        return size;
    }

    /** Splits every triangle in four at its edges' midpoints (shared between neighbours) until there are at least n. */
    static Mesh refine(Mesh m, int n) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        while (t.length / 3 < n) {
            Map<Long, Integer> mid = new HashMap<>();
            float[] nv = Arrays.copyOf(v, v.length + t.length * 3);
            int count = v.length / 3;
            int[] nt = new int[t.length * 4];
            for (int i = 0, o = 0; i < t.length; i += 3) {
                int a = t[i], b = t[i + 1], c = t[i + 2];
                int[] e = new int[3];
                int[][] edges = {{a, b}, {b, c}, {c, a}};
                for (int j = 0; j < 3; j++) {
                    int p = edges[j][0], q = edges[j][1];
                    long key = (long) Math.min(p, q) << 32 | Math.max(p, q);
                    Integer at = mid.get(key);
                    if (at == null) {
                        at = count++;
                        for (int x = 0; x < 3; x++) nv[3 * at + x] = (v[3 * p + x] + v[3 * q + x]) / 2;
                        mid.put(key, at);
                    }
                    e[j] = at;
                }
                int[] split = {a, e[0], e[2], e[0], b, e[1], e[2], e[1], c, e[0], e[1], e[2]};
                System.arraycopy(split, 0, nt, o, 12);
                o += 12;
            }
            v = Arrays.copyOf(nv, 3 * count);
            t = nt;
        }
        return new Mesh(v, t, t.length / 3);
    }

    /** OFF text with six decimals, as ModelNet's files have, written without the cost of String.format. */
    private static void writeOff(Mesh m, OutputStream o) throws IOException {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("OFF\n")
                .append(m.vertexCount())
                .append(' ')
                .append(m.triangleCount())
                .append(" 0\n");
        float[] v = m.vertices();
        for (int i = 0; i < v.length; i++) {
            decimal(b, v[i]);
            b.append(i % 3 == 2 ? '\n' : ' ');
            if (b.length() > 60_000) flush(b, o);
        }
        int[] t = m.triangles();
        for (int i = 0; i < t.length; i += 3) {
            b.append("3 ")
                    .append(t[i])
                    .append(' ')
                    .append(t[i + 1])
                    .append(' ')
                    .append(t[i + 2])
                    .append('\n');
            if (b.length() > 60_000) flush(b, o);
        }
        flush(b, o);
    }

    private static void decimal(StringBuilder b, float x) {
        long micro = Math.round(x * 1e6);
        if (micro < 0) {
            b.append('-');
            micro = -micro;
        }
        b.append(micro / 1_000_000).append('.');
        String frac = Long.toString(micro % 1_000_000);
        for (int i = frac.length(); i < 6; i++) b.append('0');
        b.append(frac);
    }

    private static void flush(StringBuilder b, OutputStream o) throws IOException {
        o.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        b.setLength(0);
    }
}
