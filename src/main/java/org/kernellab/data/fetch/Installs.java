package org.kernellab.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kernellab.data.Cifar10;
import org.kernellab.data.DataException;

/**
 * How each kind of set becomes a folder: IDX files are moved into place; an archive is read whole into a scratch
 * folder beside the target, every member checked, and only then moved in (and the archive removed).
 */
final class Installs {
    private static final String SCRATCH = ".unpacking";

    private Installs() {}

    /** Whether the folder already holds the whole set, verified. */
    static boolean whole(RemoteSet set, Path dir) throws DataException {
        if (!Files.isDirectory(dir)) return false;
        return switch (set.kind()) {
            case IDX_FILES -> {
                for (RemoteSet.RemoteFile f : set.files()) {
                    Path p = dir.resolve(f.name());
                    if (!Files.isRegularFile(p) || !Fetcher.verified(f, p)) yield false;
                }
                yield true;
            }
            case CIFAR_TAR -> cifarWhole(dir, set.items());
            case MODELNET_ZIP ->
                meshes(dir).size() == set.items()
                        || set.items() == 0 && !meshes(dir).isEmpty();
        };
    }

    /** The set's files in the folder, as the result lists them. */
    static List<String> files(RemoteSet set, Path dir) {
        return switch (set.kind()) {
            case IDX_FILES ->
                set.files().stream()
                        .map(RemoteSet.RemoteFile::name)
                        .filter(n -> Files.isRegularFile(dir.resolve(n)))
                        .toList();
            case CIFAR_TAR ->
                Stream.of(Cifar10.TRAIN, Cifar10.TEST, List.of(Cifar10.META))
                        .flatMap(List::stream)
                        .filter(n -> Files.isRegularFile(dir.resolve(n)))
                        .toList();
            case MODELNET_ZIP ->
                meshes(dir).stream().map(p -> dir.relativize(p).toString()).toList();
        };
    }

    static void install(RemoteSet set, RemoteSet.RemoteFile f, Path part, Path dir, Fetcher.Listener listener)
            throws DataException {
        if (set.kind() == RemoteSet.Kind.IDX_FILES) {
            Fetcher.move(part, dir.resolve(f.name()));
            return;
        }
        listener.stage("fetch.unpacking", f.name());
        Path scratch = dir.resolve(SCRATCH);
        try {
            deleteTree(scratch);
            Files.createDirectories(scratch);
            int items = set.kind() == RemoteSet.Kind.CIFAR_TAR
                    ? Archives.cifar(part, f.name(), scratch, listener)
                    : Archives.modelNet(part, f.name(), scratch, listener);
            if (set.items() > 0 && items != set.items())
                throw new DataException("fetch.wrongCount", f.name(), items, set.items());
            try (Stream<Path> top = Files.list(scratch)) {
                for (Path p : top.toList()) {
                    deleteTree(dir.resolve(p.getFileName().toString()));
                    Fetcher.move(p, dir.resolve(p.getFileName().toString()));
                }
            }
            Download.delete(part);
        } catch (IOException e) {
            throw new DataException("fetch.cantWrite", dir, DataException.why(e)).causedBy(e);
        } catch (DataException e) {
            // never read again as whole, unless a cancel cut the reading short
            if (!"fetch.cancelled".equals(e.problem().key()) && !listener.cancelled()) Download.delete(part);
            throw e;
        } finally {
            deleteTree(scratch);
        }
    }

    private static boolean cifarWhole(Path dir, int items) throws DataException {
        int records = 0;
        for (List<String> group : List.of(Cifar10.TRAIN, Cifar10.TEST)) {
            for (String name : group) {
                Path p = dir.resolve(name);
                if (!Files.isRegularFile(p)) return false;
                try {
                    records += Cifar10.records(Files.readAllBytes(p), name);
                } catch (IOException | DataException e) {
                    return false;
                }
            }
        }
        return items == 0 || records == items;
    }

    /** The meshes of a folder in ModelNet's layout, {@code CLASS/train|test/NAME.off}. */
    static List<Path> meshes(Path dir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) return found;
        try (Stream<Path> all = Files.find(dir, 3, (p, a) -> a.isRegularFile() && Archives.isMesh(dir.relativize(p)))) {
            all.sorted().forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (IOException e) {
            // a scratch folder left behind holds no file the app reads; the next fetch clears it
        }
    }

    static byte[] readAll(InputStream in, long limit, String name) throws IOException, DataException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (b.length > limit) throw new DataException("fetch.memberTooLarge", name, limit);
        return b;
    }
}
