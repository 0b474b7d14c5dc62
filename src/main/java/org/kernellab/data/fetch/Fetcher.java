package org.kernellab.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.kernellab.data.DataException;

/**
 * Brings a {@link RemoteSet} into a folder: each file is downloaded to a {@code .part} name beside its final one,
 * verified, and only then moved (or unpacked) into place, so a corrupt or partial file is never used and never replaces
 * a good one, and a folder the app reads appears only whole. A set already there and whole is not fetched again.
 */
public final class Fetcher {
    /** How long to wait for a server, for the next bytes, how many tries, and the first pause between them. */
    public record Settings(Duration connect, Duration stall, int attempts, Duration backoff) {
        public static final Settings DEFAULT =
                new Settings(Duration.ofSeconds(20), Duration.ofSeconds(30), 5, Duration.ofSeconds(1));
    }

    /** How far one file is: bytes here, its length (−1 unknown), the speed, and the seconds left (−1 unknown). */
    public record Progress(String file, long bytes, long total, double bytesPerSecond, double secondsLeft) {}

    /** Told how far the work is; asked whether to stop. */
    public interface Listener {
        void progress(Progress p);

        /** A step after the bytes are here: a message key ("fetch.verifying", "fetch.unpacking") and the file. */
        default void stage(String key, String file) {}

        default boolean cancelled() {
            return false;
        }
    }

    /** The folder, the files now in it, the bytes downloaded this time, and whether it was whole already. */
    public record Result(RemoteSet set, Path dir, List<String> files, long downloaded, boolean alreadyThere) {}

    /** What a folder holds of a set, read quickly (names and lengths, no digests): for the app to show. */
    public record OnDisk(boolean whole, long bytes, long partial) {}

    private Fetcher() {}

    public static OnDisk onDisk(RemoteSet set, Path dir) {
        long bytes = 0, partial = 0;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    long n = size(p);
                    bytes += n;
                    if (p.getFileName().toString().endsWith(".part")) partial += n;
                }
            } catch (IOException e) {
                // a folder that cannot be listed holds nothing the app can use
            }
        }
        List<String> files = Installs.files(set, dir);
        boolean whole = switch (set.kind()) {
            case IDX_FILES -> files.size() == set.files().size();
            case CIFAR_TAR -> files.size() == 7;
            case MODELNET_ZIP -> !files.isEmpty() && (set.items() == 0 || files.size() == set.items());
        };
        return new OnDisk(whole, bytes, partial);
    }

    /**
     * Installs an archive already on disk (CIFAR-10's .tar.gz or ModelNet's zip, downloaded by a browser or brought on a
     * USB stick) as if it had just been downloaded: copied beside the folder, checked the same way, unpacked. The file
     * itself is left where it is.
     */
    public static Result install(RemoteSet set, Path archive, Path dir, Listener listener) throws DataException {
        if (set.kind() == RemoteSet.Kind.IDX_FILES || set.files().size() != 1)
            throw new IllegalArgumentException(set.name() + " is not one archive");
        FileLock lock = lock(dir, set.name());
        try {
            return installLocked(set, archive, dir, listener);
        } finally {
            release(lock);
        }
    }

    private static Result installLocked(RemoteSet set, Path archive, Path dir, Listener listener) throws DataException {
        RemoteSet.RemoteFile f = set.files().get(0);
        if (!Files.isRegularFile(archive)) throw new DataException("data.missingArchive", archive);
        // checked where it is first: a wrong file never takes the place of a download under way
        listener.stage("fetch.verifying", archive.getFileName().toString());
        if ((f.length() >= 0 && size(archive) != f.length()) || !verified(f, archive)) {
            if (listener.cancelled()) throw new DataException("fetch.cancelled", f.name());
            throw new DataException("fetch.notPublished", archive.getFileName(), set.name());
        }
        Path part = dir.resolve(f.name() + ".part");
        try {
            Files.createDirectories(dir);
            listener.stage("fetch.copying", archive.getFileName().toString());
            Files.copy(archive, part, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Download.delete(part);
            throw new DataException("fetch.cantWrite", part, DataException.why(e)).causedBy(e);
        }
        Installs.install(set, f, part, dir, listener);
        return new Result(set, dir, Installs.files(set, dir), 0, false);
    }

    /**
     * One download or installation of a folder at a time, in this app or another (the command line beside the app): a
     * second waits for nothing and is told so. The lock is a hidden file beside the folder, so that a failed first
     * download leaves no folder behind.
     */
    private static FileLock lock(Path dir, String name) throws DataException {
        Path file = dir.toAbsolutePath().resolveSibling("." + dir.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new DataException("fetch.busy", name);
            }
            return l;
        } catch (IOException e) {
            throw new DataException("fetch.cantWrite", file, DataException.why(e)).causedBy(e);
        }
    }

    private static void release(FileLock l) {
        try (FileChannel ch = l.channel()) {
            l.release();
        } catch (IOException e) {
            // closing the channel frees the lock in any case
        }
    }

    /** Removes a set's folder, downloaded files and partial ones alike. */
    public static void remove(Path dir) {
        Installs.deleteTree(dir);
    }

    public static Result fetch(RemoteSet set, Path dir, Settings settings, Listener listener) throws DataException {
        FileLock lock = lock(dir, set.name());
        try {
            return fetchLocked(set, dir, settings, listener);
        } finally {
            release(lock);
        }
    }

    private static Result fetchLocked(RemoteSet set, Path dir, Settings settings, Listener listener)
            throws DataException {
        if (Installs.whole(set, dir)) return new Result(set, dir, Installs.files(set, dir), 0, true);
        Download download = new Download(settings, listener);
        long downloaded = 0;
        for (RemoteSet.RemoteFile f : set.files()) {
            Path target = dir.resolve(f.name()), part = dir.resolve(f.name() + ".part");
            if (set.kind() == RemoteSet.Kind.IDX_FILES && Files.isRegularFile(target) && verified(f, target)) continue;
            long before = size(part);
            download.fetch(set.address(f), part, f.name(), f.length());
            downloaded += size(part) - before;
            listener.stage("fetch.verifying", f.name());
            if (!verified(f, part)) {
                // a cancel interrupts the reading: the bytes may be whole, and the next try checks them again
                if (listener.cancelled()) throw new DataException("fetch.cancelled", f.name());
                Download.delete(part);
                throw new DataException("fetch.badDigest", f.name(), f.algorithm());
            }
            Installs.install(set, f, part, dir, listener);
        }
        return new Result(set, dir, Installs.files(set, dir), downloaded, false);
    }

    /** Whether a file's digest (of its decompressed contents for gzipped IDX files) is the published one. */
    static boolean verified(RemoteSet.RemoteFile f, Path file) throws DataException {
        if (f.digest() == null) return true;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = f.contentLength() >= 0 ? new GZIPInputStream(raw, 1 << 16) : raw) {
            MessageDigest md = MessageDigest.getInstance(f.algorithm());
            long n = 0;
            byte[] buf = new byte[1 << 16];
            try (DigestInputStream d = new DigestInputStream(in, md)) {
                for (int r; (r = d.read(buf)) > 0; ) n += r;
            }
            if (f.contentLength() >= 0 && n != f.contentLength()) return false;
            return HexFormat.of().formatHex(md.digest()).equalsIgnoreCase(f.digest());
        } catch (IOException e) {
            return false; // not gzip, cut short: not the published file
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Moves a verified file to its final name in one step where the system can. */
    static void move(Path from, Path to) throws DataException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException again) {
                throw new DataException("fetch.cantWrite", to, DataException.why(again)).causedBy(again);
            }
        }
    }

    static List<String> names(List<Path> paths) {
        List<String> l = new ArrayList<>();
        for (Path p : paths) l.add(p.getFileName().toString());
        return l;
    }
}
