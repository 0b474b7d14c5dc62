package org.kernellab.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;
import org.kernellab.data.DataException;

/**
 * Files written through a temporary file beside the target (flushed to disk, then renamed over it), so a crash or a full
 * disk never leaves half a model; and a target checked before hours of training go into it.
 */
public final class AtomicFile {
    static final String PART_PREFIX = ".kernellab-", PART_SUFFIX = ".model.part";

    private AtomicFile() {}

    /**
     * Refuses, before any training, a target the model could not be written to: an empty name, a folder, a folder
     * that does not exist, or one where no file can be created (checked by creating one).
     */
    public static Path checkTarget(String name) throws DataException {
        if (name == null || name.isBlank()) throw new DataException("model.saveNoName");
        Path file;
        try {
            file = Path.of(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new DataException("model.saveBadName", name, e.getReason());
        }
        Path parent = file.getParent();
        if (parent == null || Files.isDirectory(file)) throw new DataException("model.saveIsFolder", name);
        if (!Files.isDirectory(parent)) throw new DataException("model.saveNoFolder", name, parent);
        if (Files.exists(file) && !Files.isWritable(file))
            throw new DataException("model.saveNotWritable", name, "read-only file");
        Path probe = parent.resolve(PART_PREFIX + UUID.randomUUID() + PART_SUFFIX);
        try {
            Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW).close();
            Files.delete(probe);
        } catch (IOException e) {
            throw new DataException("model.saveNotWritable", name, DataException.why(e)).causedBy(e);
        }
        return file;
    }

    /** Writes {@code bytes} to {@code file}, replacing it atomically and keeping an existing file's permissions. */
    public static void write(byte[] bytes, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(PART_PREFIX + UUID.randomUUID() + PART_SUFFIX);
        tmp.toFile().deleteOnExit(); // a run stopped by Ctrl-C or kill leaves no part file behind
        try {
            // CREATE_NEW keeps the user's umask (a temp-file API would make it 0600)
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true); // on disk before the rename, so a power cut leaves the old file or the new one
            }
            PosixFileAttributeView was =
                    Files.exists(target) ? Files.getFileAttributeView(target, PosixFileAttributeView.class) : null;
            if (was != null)
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class)
                        .setPermissions(was.readAttributes().permissions());
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
