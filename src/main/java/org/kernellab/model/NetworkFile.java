package org.kernellab.model;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.kernellab.data.DataException;

/**
 * The model file: a magic word, the {@link NetSpec}, the parameters as floats and a CRC32 of all that. Written
 * through a temporary file beside the target (flushed to disk, then renamed over it), so a crash or a full disk
 * never leaves half a model; read with a reason for every way a file can be wrong.
 */
public final class NetworkFile {
    /** Version 2 adds where dropout acts; version 1 files (dropout on the last hidden layer) are still read. */
    private static final byte[] MAGIC = {'K', 'L', 'N', 'E', 'T', '0', '0', '2'}, MAGIC_1 = {'K', 'L', 'N', 'E', 'T', '0', '0', '1'};
    static final String PART_PREFIX = ".kernellab-", PART_SUFFIX = ".model.part";

    private NetworkFile() {}

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
        if (Files.exists(file) && !Files.isWritable(file)) throw new DataException("model.saveNotWritable", name, "read-only file");
        Path probe = parent.resolve(PART_PREFIX + UUID.randomUUID() + PART_SUFFIX);
        try {
            Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW).close();
            Files.delete(probe);
        } catch (IOException e) {
            throw new DataException("model.saveNotWritable", name, DataException.why(e)).causedBy(e);
        }
        return file;
    }

    /** Writes {@code net} to {@code file}, replacing it atomically and keeping an existing file's permissions. */
    public static void save(Network net, Path file) throws IOException { write(encode(net), file); }

    /** Writes a 3D network ({@link Network3D}) the same way, in its own format. */
    public static void save(Network3D net, Path file) throws IOException { write(encode3d(net), file); }

    private static void write(byte[] bytes, Path file) throws IOException {
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
            PosixFileAttributeView was = Files.exists(target) ? Files.getFileAttributeView(target, PosixFileAttributeView.class) : null;
            if (was != null) Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(was.readAttributes().permissions());
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] encode(Network net) throws IOException {
        NetSpec spec = net.spec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeUTF(spec.kind().name());
            out.writeInt(spec.filters());
            out.writeInt(spec.blocks());
            out.writeDouble(spec.dropout());
            out.writeUTF(spec.dropoutAt().name());
            out.writeUTF(spec.optimizer().name());
            out.writeDouble(spec.lr());
            out.writeInt(spec.batch());
            out.writeInt(spec.epochs());
            out.writeLong(spec.seed());
            writeParameters(out, bytes, net.parameterValues());
        }
        return bytes.toByteArray();
    }

    private static final byte[] MAGIC_3D = {'K', 'L', 'N', 'E', 'T', '3', 'D', '1'};

    private static byte[] encode3d(Network3D net) throws IOException {
        Net3DSpec spec = net.spec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC_3D);
            out.writeInt(spec.blocks().size());
            for (Net3DSpec.Block b : spec.blocks()) {
                for (int v : new int[] {b.out(), b.kernel(), b.stride(), b.padding()}) out.writeInt(v);
                out.writeBoolean(b.pool());
            }
            out.writeInt(spec.grid());
            out.writeInt(spec.classes());
            out.writeDouble(spec.dropout());
            out.writeDouble(spec.lr());
            out.writeInt(spec.batch());
            out.writeInt(spec.epochs());
            out.writeLong(spec.seed());
            writeParameters(out, bytes, net.parameterValues());
        }
        return bytes.toByteArray();
    }

    /** Reads a 3D network saved by {@link #save(Network3D, Path)}, with the same checks as a 2D one. */
    public static Network3D load3d(Path file) throws DataException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read3d(raw, file.toString());
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
    }

    private static Network3D read3d(InputStream raw, String name) throws DataException {
        try {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC_3D.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC_3D)) throw new DataException("model.not3d", name);
            int n = in.readInt();
            if (n < 1 || n > 16) throw new DataException("model.damaged", name, n + " blocks");
            java.util.List<Net3DSpec.Block> blocks = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) blocks.add(new Net3DSpec.Block(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean()));
            Net3DSpec spec = new Net3DSpec(blocks, in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readInt(), in.readInt(),
                    in.readLong());
            return Network3D.withParameters(spec, readParameters(in, checked, name, spec.parameters()));
        } catch (EOFException e) {
            throw new DataException("model.cut", name).causedBy(e);
        } catch (IOException | RuntimeException e) {
            throw new DataException("model.damaged", name, DataException.why(e)).causedBy(e);
        }
    }

    /**
     * The parameters after a header, for a network that has {@code expected}: the count is checked before anything is
     * allocated, then the checksum, then that nothing follows, then that every value is a finite number.
     */
    private static float[] readParameters(DataInputStream in, CheckedInputStream checked, String name, long expected)
            throws IOException, DataException {
        int n = in.readInt();
        if (n != expected) throw new DataException("model.wrongCount", name, n, expected);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) p[i] = in.readFloat();
        long sum = checked.getChecksum().getValue();
        if (in.readLong() != sum) throw new DataException("model.checksum", name);
        if (in.read() >= 0) throw new DataException("model.trailing", name);
        for (int i = 0; i < n; i++) if (!Float.isFinite(p[i])) throw new DataException("model.notFinite", name, i);
        return p;
    }

    /** The parameters after the header, then a CRC32 of everything written so far. */
    private static void writeParameters(DataOutputStream out, ByteArrayOutputStream bytes, float[] p) throws IOException {
        out.writeInt(p.length);
        for (float v : p) out.writeFloat(v);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
    }

    /** Reads a network saved by {@link #save}. */
    public static Network load(Path file) throws DataException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
    }

    /** Reads a network from a stream (a file or a resource); {@code name} names it in errors. */
    public static Network read(InputStream raw, String name) throws DataException {
        try {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            boolean first = Arrays.equals(magic, MAGIC_1);
            if (!first && !Arrays.equals(magic, MAGIC)) throw new DataException("model.notModel", name);
            NetSpec spec = new NetSpec(NetSpec.Kind.valueOf(in.readUTF()), in.readInt(), in.readInt(), in.readDouble(),
                    first ? NetSpec.DropoutAt.HIDDEN : NetSpec.DropoutAt.valueOf(in.readUTF()), NetSpec.Optimizer.valueOf(in.readUTF()),
                    in.readDouble(), in.readInt(), in.readInt(), in.readLong());
            return Network.withParameters(spec, readParameters(in, checked, name, spec.parameters()));
        } catch (EOFException e) {
            throw new DataException("model.cut", name).causedBy(e);
        } catch (IOException | RuntimeException e) {
            throw new DataException("model.damaged", name, DataException.why(e)).causedBy(e);
        }
    }
}
