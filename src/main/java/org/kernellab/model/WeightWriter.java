package org.kernellab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kernellab.model.WeightFiles.Weight;

/**
 * Writes state dicts as PyTorch reads them: {@code torch.save}'s zip (a pickle of an {@code OrderedDict} of tensors
 * rebuilt by {@code torch._utils._rebuild_tensor_v2}, which {@code torch.load(..., weights_only=True)} accepts, and one
 * little-endian float32 file per tensor) and safetensors (with {@code metadata} in its header). Both written
 * atomically.
 */
public final class WeightWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeightWriter() {}

    /** A tensor of bytes 0–255 (torch.uint8): voxel grids and labels. */
    public record Bytes(int[] shape, byte[] values) {}

    /** {@code tensors} ({@link Weight}s as float32, {@link Bytes} as uint8) as {@code torch.save(dict, file)} writes them. */
    public static void pytorch(Map<String, ?> tensors, Path file) throws IOException {
        String root = "archive/";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(root + "data.pkl", pickle(tensors));
        int key = 0;
        for (Object t : tensors.values())
            entries.put(root + "data/" + key++, t instanceof Bytes b ? b.values() : floats(((Weight) t).values()));
        entries.put(root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                // stored, not deflated, as torch writes its archives
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        AtomicFile.write(bytes.toByteArray(), file);
    }

    /** The pickle of an {@code OrderedDict} of the tensors, storage {@code i} holding tensor {@code i}, C order. */
    private static byte[] pickle(Map<String, ?> tensors) {
        PickleWriter p = new PickleWriter();
        p.op(0x80, 2).global("collections", "OrderedDict").op(')', 'R', '(');
        int key = 0;
        for (Map.Entry<String, ?> e : tensors.entrySet()) {
            Bytes bytes = e.getValue() instanceof Bytes b ? b : null;
            int[] shape = bytes != null ? bytes.shape() : ((Weight) e.getValue()).shape();
            int n = bytes != null ? bytes.values().length : ((Weight) e.getValue()).values().length;
            p.text(e.getKey())
                    .global("torch._utils", "_rebuild_tensor_v2")
                    .op('(', '(')
                    .text("storage");
            p.global("torch", bytes != null ? "ByteStorage" : "FloatStorage")
                    .text(String.valueOf(key++))
                    .text("cpu");
            p.integer(n).op('t', 'Q').integer(0).op('(');
            for (int d : shape) p.integer(d);
            p.op('t', '(');
            long stride = 1;
            long[] strides = new long[shape.length];
            for (int d = shape.length - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= shape[d];
            }
            for (long s : strides) p.integer((int) s);
            p.op('t', 0x89).global("collections", "OrderedDict").op(')', 'R', 't', 'R');
        }
        return p.op('u', '.').bytes();
    }

    /** {@code tensors} in the safetensors format, {@code metadata} (text to text) in its header. */
    public static void safetensors(Map<String, Weight> tensors, Map<String, String> metadata, Path file)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        metadata.forEach(meta::put);
        long at = 0;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, Weight> e : tensors.entrySet()) {
            byte[] b = floats(e.getValue().values());
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            ArrayNode shape = t.putArray("shape");
            for (int d : e.getValue().shape()) shape.add(d);
            t.putArray("data_offsets").add(at).add(at + b.length);
            data.writeBytes(b);
            at += b.length;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8; // the format pads its header with spaces to 8 bytes
        ByteBuffer out = ByteBuffer.allocate(8 + padded + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) out.put((byte) ' ');
        out.put(data.toByteArray());
        AtomicFile.write(out.array(), file);
    }

    private static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return b.array();
    }
}
