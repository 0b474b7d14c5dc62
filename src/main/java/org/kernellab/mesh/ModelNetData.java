package org.kernellab.mesh;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.kernellab.data.DataException;

/**
 * ModelNet as voxels: from a folder in ModelNet's layout ({@code CLASS/train/*.off}, {@code CLASS/test/*.off}; the first
 * {@code classes} class folders in alphabetical order, as the course takes them) or from the built-in stand-ins. Every
 * mesh is sampled and voxelised on all cores; a file that cannot be read is skipped and listed. A folder's voxels are
 * cached on disk, keyed by the files' names, sizes and dates and the settings, so a second opening reads one file.
 */
public final class ModelNetData {
    /** Built-in stand-ins per class: as many training objects as ModelNet10's smaller classes have, a quarter for testing. */
    public static final int BUILT_IN_TRAIN = 120, BUILT_IN_TEST = 30;

    /** Told how far the work is; asked whether to stop. */
    public interface Progress {
        void done(int done, int total);
    }

    /** How the meshes become grids. */
    public record Settings(int classes, int grid, int points, long seed, boolean keepAspect) {}

    private record Item(Path file, int label, boolean train) {}

    private ModelNetData() {}

    /** The built-in ModelNet10-like objects of the first {@code classes} classes. */
    public static VoxelSet builtIn(Settings s, Progress progress, BooleanSupplier cancelled) throws DataException {
        int perClass = BUILT_IN_TRAIN + BUILT_IN_TEST,
                total = s.classes() * perClass,
                cells = s.grid() * s.grid() * s.grid();
        byte[] train = new byte[s.classes() * BUILT_IN_TRAIN * cells],
                test = new byte[s.classes() * BUILT_IN_TEST * cells];
        byte[] trainLabels = new byte[s.classes() * BUILT_IN_TRAIN], testLabels = new byte[s.classes() * BUILT_IN_TEST];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, total).parallel().forEach(k -> {
            if (cancelled.getAsBoolean()) return;
            int c = k / perClass, i = k % perClass;
            boolean isTrain = i < BUILT_IN_TRAIN;
            int slot = isTrain ? c * BUILT_IN_TRAIN + i : c * BUILT_IN_TEST + i - BUILT_IN_TRAIN;
            Voxels v = voxelise(ModelNetLike.make(c, s.seed(), i), s, k);
            System.arraycopy(v.cells(), 0, isTrain ? train : test, slot * cells, cells);
            (isTrain ? trainLabels : testLabels)[slot] = (byte) c;
            progress.done(done.incrementAndGet(), total);
        });
        if (cancelled.getAsBoolean()) throw new DataException("modelnet.cancelled");
        return new VoxelSet(
                train,
                trainLabels,
                test,
                testLabels,
                s.grid(),
                ModelNetLike.CLASSES.subList(0, s.classes()),
                "built-in",
                List.of(),
                List.of());
    }

    /** A ModelNet folder, from the cache when it was read before with the same files and settings. */
    public static VoxelSet folder(Path root, Settings s, Path cacheDir, Progress progress, BooleanSupplier cancelled)
            throws DataException {
        if (!Files.isDirectory(root)) throw new DataException("data.noFolder", root);
        List<String> classes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isDirectory(d.resolve("train")) || Files.isDirectory(d.resolve("test")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .forEach(classes::add);
        } catch (IOException e) {
            throw new DataException("data.unreadable", root, DataException.why(e)).causedBy(e);
        }
        if (classes.size() < 2) throw new DataException("modelnet.noClasses", root);
        List<String> used = classes.subList(0, Math.min(s.classes(), classes.size()));
        List<Item> items = new ArrayList<>();
        StringBuilder key = new StringBuilder(root.toAbsolutePath() + "|" + s);
        for (int c = 0; c < used.size(); c++) {
            for (String part : new String[] {"train", "test"}) {
                Path dir = root.resolve(used.get(c)).resolve(part);
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(ModelNetData::isMesh).sorted().toList()) {
                        items.add(new Item(f, c, part.equals("train")));
                        key.append('|')
                                .append(f.getFileName())
                                .append(Files.size(f))
                                .append(Files.getLastModifiedTime(f).toMillis());
                    }
                } catch (IOException e) {
                    throw new DataException("data.unreadable", dir, DataException.why(e)).causedBy(e);
                }
            }
        }
        CRC32 hash = new CRC32();
        hash.update(key.toString().getBytes(StandardCharsets.UTF_8));
        Path cache = cacheDir == null
                ? null
                : cacheDir.resolve(String.format("modelnet-%08x-%d.vox", hash.getValue(), key.length()));
        if (cache != null && Files.isRegularFile(cache)) {
            try {
                return readCache(cache, root.toString(), used);
            } catch (IOException | DataException e) {
                // a damaged or stale cache is only a lost shortcut: read the meshes again
            }
        }
        VoxelSet set = read(items, s, root.toString(), used, progress, cancelled);
        if (cache != null) writeCache(cache, set);
        return set;
    }

    private static VoxelSet read(
            List<Item> items,
            Settings s,
            String source,
            List<String> classes,
            Progress progress,
            BooleanSupplier cancelled)
            throws DataException {
        int cells = s.grid() * s.grid() * s.grid();
        byte[][] grids = new byte[items.size()][];
        List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, items.size()).parallel().forEach(k -> {
            if (cancelled.getAsBoolean()) return;
            try {
                grids[k] = voxelise(MeshFiles.read(items.get(k).file()), s, k).cells();
            } catch (DataException e) {
                skipped.add(e.getMessage());
            }
            progress.done(done.incrementAndGet(), items.size());
        });
        if (cancelled.getAsBoolean()) throw new DataException("modelnet.cancelled");
        int nTrain = 0, nTest = 0;
        for (int k = 0; k < items.size(); k++) {
            if (grids[k] == null) continue;
            if (items.get(k).train()) nTrain++;
            else nTest++;
        }
        if (nTrain == 0 || nTest == 0) throw new DataException("modelnet.empty", source, nTrain, nTest);
        byte[] train = new byte[nTrain * cells],
                test = new byte[nTest * cells],
                trainLabels = new byte[nTrain],
                testLabels = new byte[nTest];
        List<String> testFiles = new ArrayList<>();
        int a = 0, b = 0;
        for (int k = 0; k < items.size(); k++) {
            if (grids[k] == null) continue;
            Item it = items.get(k);
            if (it.train()) {
                System.arraycopy(grids[k], 0, train, a * cells, cells);
                trainLabels[a++] = (byte) it.label();
            } else {
                System.arraycopy(grids[k], 0, test, b * cells, cells);
                testLabels[b++] = (byte) it.label();
                testFiles.add(it.file().toAbsolutePath().toString());
            }
        }
        List<String> sorted = new ArrayList<>(skipped);
        Collections.sort(sorted);
        return new VoxelSet(
                train,
                trainLabels,
                test,
                testLabels,
                s.grid(),
                List.copyOf(classes),
                source,
                List.copyOf(sorted),
                List.copyOf(testFiles));
    }

    private static boolean isMesh(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(off|obj|stl)");
    }

    /** One mesh through the course's pipeline: points on its surface, then the occupancy grid. */
    static Voxels voxelise(Mesh m, Settings s, int k) {
        return Voxels.of(
                Surface.sample(m, s.points(), s.seed() * 31 + k),
                s.grid(),
                s.keepAspect() ? Voxels.Fit.KEEP_ASPECT : Voxels.Fit.STRETCH);
    }

    private static final int CACHE_MAGIC = 0x4b4c5659; // "KLVY": with the test objects' files

    private static void writeCache(Path file, VoxelSet v) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream raw = Files.newOutputStream(tmp);
                    CheckedOutputStream sum = new CheckedOutputStream(new BufferedOutputStream(raw), new CRC32());
                    DataOutputStream out = new DataOutputStream(sum)) {
                out.writeInt(CACHE_MAGIC);
                out.writeInt(v.grid());
                out.writeInt(v.trainSize());
                out.writeInt(v.testSize());
                out.writeInt(v.skipped().size());
                for (String s : v.skipped()) out.writeUTF(s.length() > 1000 ? s.substring(0, 1000) : s);
                for (String f : v.testFiles()) out.writeUTF(f);
                out.write(v.train());
                out.write(v.trainLabels());
                out.write(v.test());
                out.write(v.testLabels());
                out.flush();
                out.writeLong(sum.getChecksum().getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // no cache this time: the next opening reads the meshes again
        }
    }

    private static VoxelSet readCache(Path file, String source, List<String> classes)
            throws IOException, DataException {
        try (InputStream raw = Files.newInputStream(file);
                CheckedInputStream sum = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32());
                DataInputStream in = new DataInputStream(sum)) {
            if (in.readInt() != CACHE_MAGIC) throw new DataException("modelnet.badCache", file);
            int grid = in.readInt(), nTrain = in.readInt(), nTest = in.readInt(), nSkipped = in.readInt();
            long cells = (long) grid * grid * grid;
            if (grid < Voxels.MIN_GRID
                    || grid > Voxels.MAX_GRID
                    || nTrain < 0
                    || nTest < 0
                    || nSkipped < 0
                    || (nTrain + nTest) * cells + nTrain + nTest > Files.size(file)) {
                throw new DataException("modelnet.badCache", file);
            }
            List<String> skipped = new ArrayList<>(), testFiles = new ArrayList<>();
            for (int i = 0; i < nSkipped; i++) skipped.add(in.readUTF());
            for (int i = 0; i < nTest; i++) testFiles.add(in.readUTF());
            byte[] train = in.readNBytes((int) (nTrain * cells)), trainLabels = in.readNBytes(nTrain);
            byte[] test = in.readNBytes((int) (nTest * cells)), testLabels = in.readNBytes(nTest);
            long expected = sum.getChecksum().getValue();
            if (in.readLong() != expected) throw new DataException("modelnet.badCache", file);
            return new VoxelSet(
                    train, trainLabels, test, testLabels, grid, List.copyOf(classes), source, skipped, testFiles);
        }
    }
}
