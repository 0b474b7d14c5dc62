package org.kernellab.data.fetch;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.kernellab.data.Cifar10;
import org.kernellab.data.DataException;

/**
 * The two archive formats, read whole: every member is inflated (a zip's CRCs checked, a tar's headers and lengths)
 * and only the members the app reads are written, under names checked to stay inside the folder.
 */
final class Archives {
    /** A member larger than this is not one of the set's (a zip bomb, a wrong archive). */
    static final long MAX_MEMBER = 256L << 20;
    /** All members together: ModelNet10 unpacks to about 2 GB; far more is not the set (and would fill the disk). */
    static final long MAX_TOTAL = 8L << 30;

    private static final Pattern MESH =
            Pattern.compile("[A-Za-z0-9_-]+/(train|test)/[A-Za-z0-9_.-]+\\.off", Pattern.CASE_INSENSITIVE);
    private static final int BLOCK = 512;

    private Archives() {}

    static boolean isMesh(Path relative) {
        return MESH.matcher(relative.toString().replace('\\', '/')).matches();
    }

    /** Unpacks CIFAR's six batches and its class names from a .tar.gz; returns how many pictures they hold. */
    static int cifar(Path archive, String name, Path into, Fetcher.Listener listener)
            throws IOException, DataException {
        Set<String> wanted = new HashSet<>(Cifar10.TRAIN);
        wanted.addAll(Cifar10.TEST);
        wanted.add(Cifar10.META);
        Set<String> found = new HashSet<>();
        int records = 0;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            while (true) {
                if (listener.cancelled()) throw new DataException("fetch.cancelled", name);
                if (in.readNBytes(header, 0, BLOCK) < BLOCK) throw new DataException("fetch.badArchive", name, "cut");
                if (zeros(header)) break;
                String member = text(header, 0, 100), base = member.substring(member.lastIndexOf('/') + 1);
                long size = octal(header, 124, 12, name);
                char type = (char) header[156];
                boolean regular = type == '0' || type == 0;
                if (regular && size > MAX_MEMBER) throw new DataException("fetch.memberTooLarge", member, MAX_MEMBER);
                byte[] body = regular && wanted.contains(base) ? in.readNBytes((int) size) : null;
                if (body != null) {
                    if (body.length < size) throw new DataException("fetch.badArchive", name, "cut");
                    if (!base.equals(Cifar10.META)) records += Cifar10.records(body, base);
                    Files.write(into.resolve(base), body);
                    found.add(base);
                } else {
                    in.skipNBytes(size);
                }
                long pad = (BLOCK - size % BLOCK) % BLOCK;
                in.skipNBytes(pad);
            }
        } catch (EOFException e) {
            throw new DataException("fetch.badArchive", name, "cut").causedBy(e);
        } catch (ZipException e) {
            throw new DataException("fetch.badArchive", name, DataException.why(e)).causedBy(e);
        }
        for (String w : wanted) if (!found.contains(w)) throw new DataException("fetch.missingMember", name, w);
        return records;
    }

    /** Unpacks a ModelNet zip's {@code CLASS/train|test/*.off} meshes; returns how many. */
    static int modelNet(Path archive, String name, Path into, Fetcher.Listener listener)
            throws IOException, DataException {
        int entries;
        try (ZipFile whole = new ZipFile(archive.toFile())) { // its central directory: the archive is not cut
            entries = whole.size();
        } catch (ZipException e) {
            throw new DataException("fetch.badArchive", name, DataException.why(e)).causedBy(e);
        }
        int meshes = 0, seen = 0;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; seen++) {
                if (listener.cancelled()) throw new DataException("fetch.cancelled", name);
                byte[] body = Installs.readAll(zip, MAX_MEMBER, e.getName()); // inflating checks the entry's CRC
                total += body.length;
                if (total > MAX_TOTAL) throw new DataException("fetch.memberTooLarge", name, MAX_TOTAL);
                String path = meshPath(e.getName());
                if (e.isDirectory() || path == null) continue;
                String head = new String(body, 0, Math.min(3, body.length), StandardCharsets.ISO_8859_1);
                if (!head.equalsIgnoreCase("OFF")) throw new DataException("fetch.notMesh", e.getName());
                Path to = into.resolve(path);
                Files.createDirectories(to.getParent());
                Files.write(to, body);
                meshes++;
            }
        } catch (ZipException e) {
            throw new DataException("fetch.badArchive", name, DataException.why(e)).causedBy(e);
        }
        if (seen != entries) throw new DataException("fetch.badArchive", name, seen + " of " + entries + " entries");
        return meshes;
    }

    /** A zip member's place in the folder ({@code CLASS/train|test/NAME.off}, a top folder dropped), or null. */
    static String meshPath(String entry) {
        List<String> parts = List.of(entry.replace('\\', '/').split("/"));
        String tail = parts.size() >= 3 ? String.join("/", parts.subList(parts.size() - 3, parts.size())) : "";
        return parts.size() <= 4 && MESH.matcher(tail).matches() && !entry.startsWith("__MACOSX") ? tail : null;
    }

    private static boolean zeros(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len, String name) throws DataException {
        String s = text(b, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new DataException("fetch.badArchive", name, "a member's length \"" + s + "\"");
        }
    }
}
