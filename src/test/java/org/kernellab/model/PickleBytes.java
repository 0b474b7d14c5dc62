package org.kernellab.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Pickles and {@code torch.save} zips written opcode by opcode, as pickletools lists PyTorch 1.13's: the files a test
 * needs that PyTorch would never write (hostile globals, lying sizes), and valid ones without Python.
 */
public final class PickleBytes {
    private final PickleWriter out = new PickleWriter();

    public PickleBytes op(int... bytes) {
        out.op(bytes);
        return this;
    }

    public PickleBytes global(String module, String name) {
        out.global(module, name);
        return this;
    }

    public PickleBytes text(String s) {
        out.text(s);
        return this;
    }

    PickleBytes tuple(long... v) {
        out.op('(');
        for (long x : v) out.integer((int) x);
        out.op('t');
        return this;
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}, the storage's id as torch writes it. */
    PickleBytes tensor(String storageType, String key, long elements, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").op('(', '(').text("storage");
        global("torch", storageType).text(key).text("cpu");
        out.big(elements).op('t', 'Q').integer((int) offset);
        tuple(size).tuple(stride).op(0x89);
        return global("collections", "OrderedDict").op(')', 'R', 't', 'R');
    }

    public byte[] bytes() {
        return out.bytes();
    }

    /** A tensor of a state dict: its storage's values, its view and the storage size its id declares. */
    public record Stored(float[] storage, long declared, long offset, long[] size, long[] stride) {
        public static Stored of(float[] values, long... shape) {
            long[] stride = new long[shape.length];
            long s = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                stride[d] = s;
                s *= shape[d];
            }
            return new Stored(values, values.length, 0, shape, stride);
        }
    }

    /** {@code OrderedDict} of the tensors, one storage each, as torch.save's pickle. */
    public static byte[] stateDict(Map<String, Stored> tensors) {
        PickleBytes p = new PickleBytes()
                .op(0x80, 2)
                .global("collections", "OrderedDict")
                .op(')', 'R', '(');
        int key = 0;
        for (Map.Entry<String, Stored> e : tensors.entrySet()) {
            Stored t = e.getValue();
            p.text(e.getKey())
                    .tensor("FloatStorage", String.valueOf(key++), t.declared(), t.offset(), t.size(), t.stride());
        }
        return p.op('u', '.').bytes();
    }

    /** A torch.save zip of {@code pickle} (none when null) and the tensors' storages (stored uncompressed, as torch does). */
    public static Path zip(Path file, byte[] pickle, Map<String, Stored> tensors) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (pickle != null) entries.put("archive/data.pkl", pickle);
        int key = 0;
        for (Stored t : tensors.values()) {
            ByteBuffer b = ByteBuffer.allocate(t.storage().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : t.storage()) b.putFloat(v);
            entries.put("archive/data/" + key++, b.array());
        }
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }
}
